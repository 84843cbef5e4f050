#!/usr/bin/env bash
# Training speed through the README's run command (`./mvnw spring-boot:run`) against the packaged jar
# (`java -jar target/convlab.jar`): the same run (keras-cnn, 1 epoch, LIMIT training images, CPU)
# through each, alternating, ROUNDS times; prints each run's training seconds and the ratio
# jar seconds / run-command seconds (1.0 = as fast; the goal is >= 0.95). Both start in personal
# mode, so the API needs no account. Needs `./mvnw package` first (for the jar).
#   bench/run-command-vs-jar.sh [ROUNDS] [LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1}
limit=${2:-10000}
JAVA_HOME="$(scripts/java-home.sh)"; export JAVA_HOME
[ -f target/convlab.jar ] || { echo "target/convlab.jar is missing: run ./mvnw package first" >&2; exit 1; }
work=$(mktemp -d)
pid=""
stop() {
  if [ -n "$pid" ]; then
    for child in $(pgrep -P "$pid" || true); do pkill -P "$child" 2>/dev/null || true; kill "$child" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  fi
}
trap 'stop; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts one way ("jar" or "run"), trains, prints the run's seconds from start to finish.
train_once() {
  local how=$1 port dir
  port=$(free_port); dir="$work/$how-$RANDOM"; mkdir -p "$dir"
  local args="--server.port=$port --convlab.db-dir=$dir/db --convlab.runs-dir=$dir/runs"
  if [ "$how" = jar ]; then
    "$JAVA_HOME/bin/java" -jar target/convlab.jar $args >"$dir/log" 2>&1 &
  else
    ./mvnw -B -q spring-boot:run -Dspring-boot.run.arguments="$args" >"$dir/log" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/me" && break; sleep 1; done
  local id
  id=$(curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/runs" \
    -d "{\"preset\":\"keras-cnn\",\"hyperparameters\":{\"epochs\":1,\"limit\":$limit,\"device\":\"cpu\"}}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  local answer status=""
  while [[ ! "$status" =~ ^(done|failed|cancelled)$ ]]; do
    sleep 2
    answer=$(curl -sf "http://127.0.0.1:$port/api/runs/$id")
    status=$(echo "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  done
  stop
  echo "$answer" | python3 -c '
import json, sys
from datetime import datetime
a = json.load(sys.stdin)
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
print("%.1f" % (t(a["finishedAt"]) - t(a["startedAt"])).total_seconds() if a["status"] == "done" else "failed")'
}

echo "keras-cnn, 1 epoch, $limit images, CPU; load: $(cut -d' ' -f1-3 /proc/loadavg)"
jar_best=""; run_best=""
for round in $(seq 1 "$rounds"); do
  j=$(train_once jar); r=$(train_once run)
  echo "round $round: java -jar ${j} s · ./mvnw spring-boot:run ${r} s"
  jar_best=$(python3 -c "print(min(x for x in [$j, ${jar_best:-1e9}]))")
  run_best=$(python3 -c "print(min(x for x in [$r, ${run_best:-1e9}]))")
done
python3 -c "print('run command speed / jar speed = %.3f (goal >= 0.95)' % ($jar_best / $run_best))"
