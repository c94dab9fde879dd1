#!/usr/bin/env bash
# FaceJobs' distributed mode on one machine, in one command: a throwaway PostgreSQL server, one web front and two
# workers, each a separate process of the same build. Ctrl-C stops them all and removes the server's folder.
#   bash tools/cluster/run.sh            # then open http://127.0.0.1:5080 (dashboard: /hangfire)
# WEB_PORT (5080) and PG_PORT (55432) choose the ports; alert emails are written as .eml files into the folder shown.
set -euo pipefail
cd "$(dirname "$0")/../.."
web_port=${WEB_PORT:-5080}
pg_port=${PG_PORT:-55432}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -x "$bin/initdb" ] || { echo "PostgreSQL's server binaries are missing: apt-get install postgresql" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }

folder=$(mktemp -d /tmp/facejobs-cluster-XXXXXX)
chmod 755 "$folder"
pids=()
run_as=()
stop() {
  trap '' INT TERM # a second Ctrl-C (or a service manager's repeated TERM) must not cut the clean-up short
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${run_as[@]}" "$bin/pg_ctl" -D "$folder/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
trap "exit 130" INT TERM

# PostgreSQL refuses to run as root: as root, the server runs as a system user made for it.
if [ "$(id -u)" -eq 0 ]; then
  id facejobs-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin facejobs-pg
  mkdir "$folder/pg" && chown facejobs-pg: "$folder/pg"
  run_as=(runuser -u facejobs-pg --)
else
  mkdir "$folder/pg"
fi

# A random password, kept in the environment only (never on a command line).
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s' "$password" | "${run_as[@]}" tee "$folder/pg/pw" >/dev/null
"${run_as[@]}" "$bin/initdb" -D "$folder/pg/data" -U postgres --pwfile "$folder/pg/pw" \
  --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --no-locale >/dev/null
rm -f "$folder/pg/pw"
"${run_as[@]}" "$bin/pg_ctl" -D "$folder/pg/data" -l "$folder/pg/server.log" -w \
  -o "-p $pg_port -k $folder/pg -c listen_addresses=127.0.0.1" start >/dev/null
PGPASSWORD=$password "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE facejobs;"

dotnet build FaceJobs.Web -c Release -v q -nologo
dll=FaceJobs.Web/bin/Release/net10.0/FaceJobs.Web.dll
export Storage__Provider=PostgreSql
export ConnectionStrings__FaceJobs="Host=127.0.0.1;Port=$pg_port;Database=facejobs;Username=postgres;Password=$password"

start() { # role port extra-arguments...
  local role=$1 port=$2; shift 2
  dotnet "$dll" --FaceJobs:Role="$role" --Kestrel:Endpoints:Http:Url="http://127.0.0.1:$port" \
    --Alerts:PickupDirectory="$folder/mail" "$@" > "$folder/$role-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 120); do
    [ "$(curl -s "http://127.0.0.1:$port/health" || true)" = Healthy ] && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "$role on $port exited:" >&2; tail -20 "$folder/$role-$port.log" >&2; exit 1; }
    sleep 1
  done
  echo "$role on $port did not become healthy" >&2; exit 1
}

# The web process first: it migrates and prepares Hangfire's schema (the workers would wait for it anyway).
start Web "$web_port"
start Worker $((web_port + 1)) --Hangfire:Workers:detect=1 --Hangfire:Workers:recognize=1
start Worker $((web_port + 2)) --Hangfire:Workers:detect=1 --Hangfire:Workers:recognize=1

# The first account, an Admin made by the app's own command; its password travels in the environment only. Set
# FACEJOBS_ACCOUNT_PASSWORD to choose it, otherwise a random one is made and shown here once.
admin_password=${FACEJOBS_ACCOUNT_PASSWORD:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
FACEJOBS_ACCOUNT_PASSWORD=$admin_password dotnet "$dll" accounts add --name admin --role Admin </dev/null
[ -n "${FACEJOBS_ACCOUNT_PASSWORD:-}" ] && shown="(the password in FACEJOBS_ACCOUNT_PASSWORD)" || shown="password $admin_password"
echo "Sign in as admin, $shown"
echo "FaceJobs: http://127.0.0.1:$web_port (web, pids ${pids[0]}), workers ${pids[1]} and ${pids[2]} (health on ports $((web_port + 1)), $((web_port + 2)))"
echo "PostgreSQL on 127.0.0.1:$pg_port; logs and alert emails in $folder. Ctrl-C stops everything."
wait
