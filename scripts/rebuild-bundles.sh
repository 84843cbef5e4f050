#!/usr/bin/env bash
# Rebuilds the committed Vaadin frontend bundles (src/main/bundles/) after a change in frontend/ or
# in the npm packages a component uses. Ordinary builds reuse the committed bundles and need no npm;
# this script needs Node.js 24 (scripts/setup.sh node installs it). Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh node
# Vaadin also keeps an unpacked copy in target/; without removing it, it sees no need to rebuild.
# Earlier production builds stay in target/classes/META-INF/VAADIN and would be zipped into the new
# prod.bundle too (it grew by a full copy per rebuild), so they go as well.
rm -rf src/main/bundles/dev.bundle src/main/bundles/prod.bundle target/dev-bundle target/flow-frontend \
  target/classes/META-INF/VAADIN

echo "Building the production bundle..."
./mvnw -q -B package -DskipTests

echo "Building the development bundle (starts the app in development mode once)..."
log=$(mktemp)
./mvnw -q -B -Pdev spring-boot:run -Dspring-boot.run.arguments=--server.port=0 >"$log" 2>&1 &
pid=$!
# Stop the app by process id (Maven, the forked JVM under it), never by name: other checkouts on the
# same machine may be running ConvLab too.
stop() {
  for child in $(pgrep -P "$pid" || true); do
    pkill -P "$child" 2>/dev/null || true
    kill "$child" 2>/dev/null || true
  done
  kill "$pid" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 300); do
  # Vaadin logs this once the bundle is written; the app is stopped only after that.
  if grep -q "Development frontend bundle built" "$log" && unzip -tq src/main/bundles/dev.bundle >/dev/null 2>&1; then
    echo "Done: $(ls -l src/main/bundles/*.bundle | awk '{print $5, $9}' | tr '\n' ' ')"
    exit 0
  fi
  sleep 1
done
echo "The development bundle was not built; see $log" >&2
exit 1
