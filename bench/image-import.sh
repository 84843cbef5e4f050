#!/usr/bin/env bash
# Importing an image-folder zip (docs/decisions/022): a zip of N (10,000) Fashion-MNIST test images as
# gray PNGs in one folder per class, imported as 28×28 grayscale and as 32×32 colour, ROUNDS times
# each, in a JVM with -Xmx$XMX (default 64m: the import's memory does not grow with the number of
# images). Prints images/s, the heap's peak, the live heap every 2,000 images and the process's
# peak resident memory (/usr/bin/time).
# The peer, in the same rounds and alternating with it: bench/pil_import.py, the same zip turned into
# the same four IDX files with PIL and NumPy as a notebook would (Debian's python3-pil and
# python3-numpy; PYTHON, default /usr/bin/python3). torchvision's ImageFolder is not in Debian; it
# would decode with the same PIL. The ratio is ConvLab's images/s over PIL's.
#   bench/image-import.sh [ROUNDS] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}; N=${2:-10000}; XMX=${XMX:-64m}; PYTHON=${PYTHON:-/usr/bin/python3}
"$PYTHON" -c "import PIL, numpy" 2>/dev/null || { echo "bench/image-import.sh: the peer needs python3-pil and python3-numpy (apt-get install python3-pil python3-numpy)" >&2; exit 1; }
JAVA_HOME=${JAVA_HOME:-$(scripts/java-home.sh)}; export JAVA_HOME
OUT=bench/results/$(date -u +%Y%m%d-%H%M%S)-import; mkdir -p "$OUT"
maven() {
  local log="$OUT/maven-$1.log" what=$2; shift 2
  ./mvnw -B -q -o "$@" >"$log" 2>&1 && return 0
  echo "   ($what: not everything is cached yet; fetching it from Maven Central)" >&2
  ./mvnw -B -q "$@" >"$log" 2>&1 && return 0
  echo "bench/image-import.sh: cannot $what; see $log:" >&2
  grep -m3 -E "ERROR" "$log" >&2 || tail -3 "$log" >&2
  exit 1
}
maven test-compile "compile the tests" test-compile -Dvaadin.skip=true
maven classpath "resolve the classpath" dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" \
  -Dmdep.includeScope=test
SNAP=$(mktemp -d); trap 'rm -rf "$SNAP"' EXIT
cp -r target/classes "$SNAP/classes"; cp -r target/test-classes "$SNAP/test-classes"
CP="$SNAP/test-classes:$SNAP/classes:$(cat "$OUT/classpath.txt")"
JAVA=("$JAVA_HOME/bin/java" -Djava.awt.headless=true -Dlogback.configurationFile=src/test/resources/logback-test.xml -cp "$CP")
ZIP="$SNAP/fashion-$N.zip"
"${JAVA[@]}" -Xmx1g org.convlab.bench.ImageFolderImportCost make "$ZIP" "$N" | tee "$OUT/zip.json"
echo "== import of $N PNGs, -Xmx$XMX, $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for r in $(seq "$ROUNDS"); do
  for mode in "28 gray" "32 colour"; do
    peers="convlab pil"; (( r % 2 == 0 )) && peers="pil convlab"
    for peer in $peers; do
      if [[ $peer == convlab ]]; then
        # shellcheck disable=SC2086
        /usr/bin/time -f '{"maxRssMiB":%M}' -o "$OUT/rss.txt" "${JAVA[@]}" -Xmx"$XMX" \
          org.convlab.bench.ImageFolderImportCost import "$ZIP" $mode | tee -a "$OUT/import.jsonl"
        echo "   peak resident: $(( $(grep -o '[0-9]*' "$OUT/rss.txt") / 1024 )) MiB"
      else
        # shellcheck disable=SC2086
        "$PYTHON" bench/pil_import.py "$ZIP" $mode | tee -a "$OUT/pil.jsonl"
      fi
    done
  done
done
"$PYTHON" - "$OUT" <<'PY'
import json, sys, statistics
out = sys.argv[1]
rows = lambda f: [json.loads(l) for l in open(f"{out}/{f}") if l.strip()]
convlab, pil = rows("import.jsonl"), rows("pil.jsonl")
for colour in (False, True):
    c = statistics.median(r["imagesPerSecond"] for r in convlab if r["colour"] == colour)
    p = statistics.median(r["imagesPerSecond"] for r in pil if r["colour"] == colour)
    print(f"== {'32x32 colour' if colour else '28x28 gray'}: ConvLab {c:.0f} img/s, PIL {p:.0f} img/s, "
          f"ConvLab / PIL = {c / p:.2f} (medians)")
PY
