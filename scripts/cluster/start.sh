#!/usr/bin/env bash
# `npm run cluster`: a 3-node MariaDB Galera cluster, Redis with Sentinel, three
# app nodes behind HAProxy and two queue workers, all on loopback, from Debian's
# packages (docs/operations.md, 集群). Idempotent: parts already up are kept, so
# after a fault test the same command brings back what was killed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/galera.sh"
source "$(dirname "$0")/redis.sh"
source "$(dirname "$0")/app.sh"

need() {
  local missing=()
  command -v haproxy >/dev/null || missing+=(haproxy)
  [ -e /usr/lib/galera/libgalera_smm.so ] || [ -e /usr/lib/libgalera_smm.so ] || missing+=(galera-4)
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v rsync >/dev/null || missing+=(rsync)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  fi
}

mkdir -p "$STATE" "$PIDS" "$LOGS"
need
for n in "${GALERA_NODES[@]}"; do log "galera$n"; galera_start "$n"; done
log "galera cluster size $(galera_size)"
log "redis primary, replica and sentinels"
redis_cluster_start
# Healing after a fault (CLUSTER_HEAL=1): the database is migrated and seeded already.
[ "${CLUSTER_HEAL:-}" = 1 ] || prepare_app
log "haproxy on $PROXY_PORT (app) and $DB_PROXY_PORT (galera)"
proxy_start
for n in "${APP_NODES[@]}"; do log "app$n on $(app_port "$n")"; app_start "$n"; done
for n in "${WORKERS[@]}"; do log "worker$n"; worker_start "$n"; done
wait_for "the console through haproxy" 60 curl -fsS "http://127.0.0.1:$PROXY_PORT/api/health"
log "up: console http://127.0.0.1:$PROXY_PORT (HAProxy stats http://127.0.0.1:$PROXY_STATS_PORT)"
