#!/usr/bin/env bash
# What time slicing costs a run that is alone on the server (docs/decisions/015): the same run
# (keras-cnn, 1 epoch, LIMIT training images, CPU, alone) through the API of this build's jar and of
# the jar built at BASE (the commit before time slicing), alternating, ROUNDS times. Prints each
# run's training images/s (from its run.json) and this build's / BASE's best images/s: the goal is
# >= 0.98 (at most 2 % slower). Both start in personal mode. Needs `./mvnw package` first; BASE's
# jar is built once in a temporary worktree and kept as target/bench-base-<BASE>.jar.
#   bench/slice-overhead.sh [ROUNDS] [LIMIT] [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
limit=${2:-10000}
base=${3:-af473b3}
JAVA_HOME="$(scripts/java-home.sh)"; export JAVA_HOME
[ -f target/convlab.jar ] || { echo "target/convlab.jar is missing: run ./mvnw package first" >&2; exit 1; }
base_jar="target/bench-base-$base.jar"
work=$(mktemp -d)
pid=""
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  fi
}
cleanup() {
  stop
  git worktree remove --force "$work/base" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$base_jar" ]; then
  echo "building the jar of $base (once) ..." >&2
  git worktree add -q --detach "$work/base" "$base"
  (cd "$work/base" && ./mvnw -B -q -o -DskipTests package >"$work/base-build.log" 2>&1) \
    || { tail -20 "$work/base-build.log" >&2; exit 1; }
  cp "$work/base/target/convlab.jar" "$base_jar"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a jar, trains the run alone, prints its training images/s.
train_once() {
  local jar=$1 port dir
  port=$(free_port); dir="$work/run-$RANDOM"; mkdir -p "$dir"
  "$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" --convlab.db-dir="$dir/db" \
    --convlab.runs-dir="$dir/runs" >"$dir/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/me" && break; sleep 1; done
  local id status=""
  id=$(curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/runs" \
    -d "{\"preset\":\"keras-cnn\",\"hyperparameters\":{\"epochs\":1,\"limit\":$limit,\"validationSplit\":0,\"device\":\"cpu\"}}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while [[ ! "$status" =~ ^(done|failed|cancelled)$ ]]; do
    sleep 2
    status=$(curl -sf "http://127.0.0.1:$port/api/runs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  done
  stop
  python3 -c 'import json,sys; print("%.0f" % json.load(open(sys.argv[1]))["history"][0]["imagesPerSecond"])' \
    "$dir/runs/$id/run.json" 2>/dev/null || echo failed
}

echo "keras-cnn, 1 epoch, $limit images, CPU, alone; this build against $base; load: $(cut -d' ' -f1-3 /proc/loadavg)"
new_best=0; base_best=0
for round in $(seq 1 "$rounds"); do
  b=$(train_once "$base_jar"); n=$(train_once target/convlab.jar)
  echo "round $round: $base ${b} img/s · this build ${n} img/s (load $(cut -d' ' -f1 /proc/loadavg))"
  base_best=$(python3 -c "print(max(x for x in [$b, $base_best]))")
  new_best=$(python3 -c "print(max(x for x in [$n, $new_best]))")
done
python3 -c "print('this build / $base images/s (best of $rounds) = %.3f (goal >= 0.98)' % ($new_best / $base_best))"
