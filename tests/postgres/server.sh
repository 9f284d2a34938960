#!/usr/bin/env bash
# A private PostgreSQL server for the tests (README, Team server; issue 21).
#   tests/postgres/server.sh start   initdb into a new temporary folder, start the server on a Unix
#                                     socket in that folder and a free TCP port on 127.0.0.1, and
#                                     print the shell lines that export GLOSS_TEST_POSTGRES (a libpq
#                                     connection string of the server's superuser) and GLOSS_TEST_PGDIR.
#   tests/postgres/server.sh stop DIR stop it and remove the folder.
# Runs the server as an unprivileged user (postgres, else nobody) when started as root. A server
# that cannot start fails with the reason and its log; it is never skipped.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "server.sh: PostgreSQL's server is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_user=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || owner=nobody
  as_user=(runuser -u "$owner" --)
fi

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/gloss-pg.XXXXXX)
  chmod 755 "$dir"
  [ ${#as_user[@]} -gt 0 ] && chown "$owner" "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "gloss-admin-password" >"$dir/pwfile"
  [ ${#as_user[@]} -gt 0 ] && chown "$owner" "$dir/pwfile"
  if ! "${as_user[@]}" "$bindir/initdb" -D "$dir/data" -U gloss_admin --pwfile="$dir/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    echo "server.sh: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    exit 1
  fi
  if ! "${as_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
    echo "server.sh: the test server did not start:" >&2
    cat "$dir/server.log" >&2
    exit 1
  fi
  echo "export GLOSS_TEST_PGDIR='$dir'"
  echo "export GLOSS_TEST_POSTGRES='host=$dir port=$port user=gloss_admin dbname=postgres'"
  echo "export GLOSS_TEST_PGPORT='$port'"
  ;;
stop)
  dir=${2:?server.sh stop DIR}
  case "$dir" in /tmp/gloss-pg.*) ;; *) echo "server.sh: $dir is not a test server's folder" >&2; exit 1 ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: server.sh start | stop DIR" >&2
  exit 2
  ;;
esac
