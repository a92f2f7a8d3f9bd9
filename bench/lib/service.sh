# Sourced by the benchmarks that measure through the HTTP API (r2, r3, r4, r1-service, scaleout): packages the
# service and starts it with the service's JVM flags on a free port and a temporary data directory (removed on exit),
# and waits until it is ready. Whatever a benchmark starts is stopped when the script exits, however it exits.

# at_exit COMMAND: runs COMMAND when the script exits, the last registered first (instances before their database).
bench_exit_actions=()
at_exit() {
  bench_exit_actions=("$1" "${bench_exit_actions[@]}")
  trap 'for action in "${bench_exit_actions[@]}"; do eval "$action" || true; done' EXIT
  trap 'exit 130' INT TERM HUP   # so that the EXIT trap runs on a signal too
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'
}

package_service() {
  ./mvnw -B -q -DskipTests package >&2
  service_jar=$(ls target/regtrain-*.jar | head -1)
}

# launch_instance NAME [SERVICE ARGUMENTS...]: starts the packaged jar (package_service first) as instance NAME on a
# free port and a new temporary data directory, with the given arguments after the bench's own, and waits until it is
# ready. Sets instance_pid[NAME], instance_base[NAME] and instance_data[NAME]; stop_instance NAME [SIGNAL] stops it.
declare -A instance_pid=() instance_base=() instance_data=()
launch_instance() {
  local name=$1; shift
  local dir port
  dir=$(mktemp -d)
  port=$(free_port)
  java $(bench/jvm-flags) -jar "$service_jar" --server.port="$port" --regtrain.data-dir="$dir" \
    --logging.level.root=WARN "$@" > "$dir/service.log" 2>&1 &
  instance_pid[$name]=$!
  instance_base[$name]="http://localhost:$port"
  instance_data[$name]=$dir
  if [ -z "${bench_instances_stopped_at_exit:-}" ]; then
    bench_instances_stopped_at_exit=1
    at_exit 'for name in "${!instance_pid[@]}"; do stop_instance "$name"; done'
  fi
  until curl -sf "${instance_base[$name]}/actuator/health/readiness" >/dev/null; do
    kill -0 "${instance_pid[$name]}" 2>/dev/null || {
      echo "the service ($name) did not start:" >&2; cat "$dir/service.log" >&2; exit 1; }
    sleep 0.5
  done
}

stop_instance() { # NAME [SIGNAL, default TERM]
  local pid=${instance_pid[$1]:-}
  [ -n "$pid" ] || return 0
  kill -"${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "${instance_data[$1]}"
  unset "instance_pid[$1]" "instance_base[$1]" "instance_data[$1]"
}

# start_service: packages the service and starts one instance with the defaults; sets data, port, pid and base.
start_service() {
  package_service
  launch_instance service
  pid=${instance_pid[service]}
  base=${instance_base[service]}
  data=${instance_data[service]}
  port=${base##*:}
}
