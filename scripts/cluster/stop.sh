#!/usr/bin/env bash
# `npm run cluster:stop`: stops what `npm run cluster` started (front to back, so
# no request meets a half-stopped cluster), keeping the data in tmp/cluster/ for
# the next start. `--purge` also deletes it.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

stop() {
  local name=$1
  alive "$name" || { rm -f "$PIDS/$name.pid"; return 0; }
  local pid
  pid=$(cat "$PIDS/$name.pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PIDS/$name.pid"
  log "stopped $name"
}

[ -d "$PIDS" ] || { log "nothing running"; exit 0; }
stop haproxy
for n in 1 2 3; do stop "app$n"; done
for n in 1 2; do stop "worker$n"; done
for port in "${SENTINEL_PORTS[@]}"; do stop "sentinel$port"; done
stop redis-replica
stop redis-primary
# The last Galera node to stop is marked safe to bootstrap the next start.
for n in 3 2 1; do stop "galera$n"; done
if [ "${1:-}" = --purge ]; then rm -rf "$STATE"; log "purged $STATE"; fi
