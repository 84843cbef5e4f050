#!/usr/bin/env bash
# A class at the training queue (issue 13, point 7): three learners each submit a long run
# (keras-cnn, 30,000 images, 2 epochs), then N learners (default 30) submit the Train page's default
# run at once; the web app (no worker of its own) and one `convlab.jar worker` serve them, on the
# loopback only, with their own temporary database and runs folder. Run once per queue policy
# (fifo, then fair), each on a fresh app and database. Prints one JSON document on stdout (progress
# on stderr), also saved as bench/results/<timestamp>/class.json with the apps' logs. See bench/README.md.
#
#   bench/class.sh [--learners N] [--policies fifo,fair] [--slice SECONDS] [--long-images N]
#                  [--long-epochs N] [--short-preset P] [--short-images N] [--short-epochs N]
#                  [--max-minutes M]
#
# The short run is the Train page's default as GET /api/runs/defaults gives it; when the app does
# not answer that, --short-preset/--short-images/--short-epochs (keras-cnn, 2,000, 1). --max-minutes
# (default 60) bounds the whole benchmark: each policy gets an equal share of the time left, and one
# that runs out is stopped and reported with "timedOut": true. Needs target/convlab.jar
# (./mvnw -B -q -o -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
JAVA_HOME=${JAVA_HOME:-$(scripts/java-home.sh)}; export JAVA_HOME
[ -f target/convlab.jar ] || { echo "class.sh: target/convlab.jar is missing: run ./mvnw -B -q -o -DskipTests package first" >&2; exit 1; }

# The benchmark program (src/test/java/org/convlab/bench/ClassBenchmark.java) and its classpath.
if ! ./mvnw -B -q -o test-compile -Dvaadin.skip=true >/dev/null 2>&1; then
  echo "class.sh: the test classes do not compile; see: ./mvnw -B -o test-compile" >&2; exit 1
fi
if [ ! -s target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
  ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null 2>&1 \
    || { echo "class.sh: could not list the test classpath; see: ./mvnw -B -o dependency:build-classpath" >&2; exit 1; }
fi

OUT=bench/results/$(date -u +%Y%m%d-%H%M%S); mkdir -p "$OUT"
work=$(mktemp -d -t convlab-class.XXXXXX)
bench_pid=""
# Stops the benchmark and every app it started (their pids are in $work/pids; a pid is only killed
# while its command line still names $work, so a recycled pid is left alone), then removes $work.
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$bench_pid" ] && kill -0 "$bench_pid" 2>/dev/null; then
    kill "$bench_pid" 2>/dev/null || true
    wait "$bench_pid" 2>/dev/null || true
  fi
  if [ -f "$work/pids" ]; then
    local pid
    while read -r pid; do
      if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$work"; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
    done <"$work/pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# Snapshots, so that a rebuild during a long benchmark cannot pull the jar or classes away.
cp target/convlab.jar "$work/convlab.jar"
cp -r target/test-classes "$work/test-classes"
CLASS_BENCH_COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown); export CLASS_BENCH_COMMIT
echo "class.sh: $CLASS_BENCH_COMMIT on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT" >&2

"$JAVA_HOME/bin/java" -Xmx512m -cp "$work/test-classes:$(cat target/bench-classpath.txt)" org.convlab.bench.ClassBenchmark \
  --work "$work" --logs "$OUT" --jar "$work/convlab.jar" --data-dir "${CONVLAB_DATA_DIR:-data/fashion-mnist}" "$@" \
  >"$OUT/class.json" &
bench_pid=$!
status=0
wait "$bench_pid" || status=$?
bench_pid=""
if [ "$status" -ne 0 ]; then
  rm -f "$OUT/class.json"; rmdir "$OUT" 2>/dev/null || true
  exit "$status"
fi
cat "$OUT/class.json"
