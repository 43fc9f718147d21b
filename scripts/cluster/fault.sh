#!/usr/bin/env bash
# `npm run cluster:fault`: kill -9 one app node, one Galera node, one worker and
# the Redis primary — one at a time, under a steady signed-in load through the
# proxy — and bring each back with `npm run cluster`. Prints the probe's counts
# (answers by status, network errors) and the cluster's state after each step.
# Short profile (about 3 minutes); the cluster must be up.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/galera.sh"

curl -fsS "http://127.0.0.1:$PROXY_PORT/api/health" >/dev/null || { log "cluster is not up: npm run cluster"; exit 1; }
node "$(dirname "$0")/load_probe.mjs" "http://127.0.0.1:$PROXY_PORT" 8 "$STATE/probe.json" 2>"$LOGS/probe.err" &
probe=$!
sleep 5

kill9() {
  log "kill -9 $1"
  kill -KILL "$(cat "$PIDS/$1.pid")"
  sleep "${2:-8}"
  log "bringing $1 back"
  bash "$(dirname "$0")/start.sh" >"$LOGS/restart-$1.log" 2>&1
}

kill9 app2
kill9 galera1 10
log "galera cluster size $(galera_size)"
kill9 worker1
primary_before=$(redis-cli -p "${SENTINEL_PORTS[0]}" sentinel get-master-addr-by-name "$SENTINEL_NAME" | tr '\n' ':')
# Whichever process is the primary now (an earlier run may have failed over already).
primary_name=redis-primary
[ "$(redis-cli -p "$REDIS_REPLICA_PORT" role | head -1)" = master ] && primary_name=redis-replica
kill9 "$primary_name" 15
primary_after=$(redis-cli -p "${SENTINEL_PORTS[0]}" sentinel get-master-addr-by-name "$SENTINEL_NAME" | tr '\n' ':')
log "redis primary $primary_before -> $primary_after"
sleep 5
kill -TERM "$probe" 2>/dev/null || log "the probe had stopped early: $(cat "$LOGS/probe.err")"
wait "$probe" || true
log "probe: $(cat "$STATE/probe.json")"
queue_ok=$(curl -fsS "http://127.0.0.1:$PROXY_PORT/api/health" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).queue.ok))")
log "after the faults: galera size $(galera_size), queue ok $queue_ok"
