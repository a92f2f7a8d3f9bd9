# Sourced by the benchmarks that measure through the HTTP API (r2, r3, r1-service): packages the service, starts it
# with the service's JVM flags on a free port and a temporary data directory (removed on exit), and waits until it
# is ready. Sets data, port, pid and base.
start_service() {
  ./mvnw -B -q -DskipTests package >&2
  data=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
  java $(bench/jvm-flags) -jar target/regtrain-*.jar --server.port="$port" --regtrain.data-dir="$data" \
    --logging.level.root=WARN > "$data/service.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
  base="http://localhost:$port"
  until curl -sf "$base/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start:" >&2; cat "$data/service.log" >&2; exit 1; }
    sleep 0.5
  done
}
