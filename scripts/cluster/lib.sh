# Shared settings of `npm run cluster` / `cluster:stop` (sourced). Everything on
# loopback; state under tmp/cluster/ of the checkout; ports chosen away from the
# machine's own MariaDB (3306), Redis (6379), the demo (3333) and e2e (3335).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/tmp/cluster"
PIDS="$STATE/pids"
LOGS="$STATE/logs"

GALERA_NODES=(1 2 3)
galera_port() { echo $((3310 + $1)); }        # SQL: 3311-3313
galera_gcomm() { echo $((4560 + $1)); }       # group communication: 4561-4563
galera_ist() { echo $((4570 + $1)); }         # incremental state transfer: 4571-4573
galera_sst() { echo $((4580 + $1)); }         # full state transfer (rsync): 4581-4583

REDIS_PRIMARY_PORT=6391
REDIS_REPLICA_PORT=6392
SENTINEL_PORTS=(26391 26392 26393)
SENTINEL_NAME=ram

APP_NODES=(1 2 3)
app_port() { echo $((3340 + $1)); }           # app nodes: 3341-3343
PROXY_PORT=${CLUSTER_PORT:-3340}              # HAProxy: the one address users open
PROXY_STATS_PORT=3349
DB_PROXY_PORT=3310                            # HAProxy TCP in front of Galera
CLUSTER_SIMULATOR_PORT=${CLUSTER_SIMULATOR_PORT:-4300}
WORKERS=(1 2)
DB_NAME=ram_cluster

log() { printf '[cluster] %s\n' "$*"; }

# Starts a command in the background with its pid recorded and its output in logs/.
spawn() {
  local name=$1
  shift
  mkdir -p "$PIDS" "$LOGS"
  setsid "$@" >"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$PIDS/$name.pid"
}

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

wait_for() {
  local what=$1 tries=$2
  shift 2
  for _ in $(seq 1 "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  log "timed out waiting for $what (logs in $LOGS)"
  return 1
}

sql() { mariadb -h127.0.0.1 -P"$(galera_port "$1")" -uroot -N -e "$2"; }
