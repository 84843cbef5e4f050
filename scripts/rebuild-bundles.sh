#!/usr/bin/env bash
# Rebuilds the committed Vaadin frontend bundles (src/main/bundles/) after a change in frontend/ or
# in the npm packages a component uses. Ordinary builds reuse the committed bundles and need no npm;
# this script needs Node.js 24 (scripts/setup.sh node installs it). Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh node
# Vaadin also keeps an unpacked copy in target/; without removing it, it sees no need to rebuild.
rm -rf src/main/bundles/dev.bundle src/main/bundles/prod.bundle target/dev-bundle target/flow-frontend

echo "Building the production bundle..."
./mvnw -q -B package -DskipTests

echo "Building the development bundle (starts the app in development mode once)..."
log=$(mktemp)
./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments=--server.port=0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; pkill -f "org.convlab.ConvLabApplication" 2>/dev/null || true' EXIT
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
