#!/usr/bin/env bash
# `npm run cluster:load` (cluster up): the load command (bench/load.mjs) against one
# app node (app1, straight) and then against the three behind HAProxy, in one run,
# same users and seconds, closed loop by default (LOAD_THINK_MS=0: saturation).
# Prints both tables and the ratio of the mixes' throughput; the machine's load
# average is in each table (other work on the machine counts: say so with the figures).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export LOAD_USERS=${LOAD_USERS:-30} LOAD_SECONDS=${LOAD_SECONDS:-45} LOAD_THINK_MS=${LOAD_THINK_MS:-0}
export LOAD_BASELINE_SECONDS=${LOAD_BASELINE_SECONDS:-5}
curl -fsS "http://127.0.0.1:$PROXY_PORT/api/health" >/dev/null || { log "cluster is not up: npm run cluster"; exit 1; }
run() {
  log "$1: LOAD_URL=$2, $LOAD_USERS users, $LOAD_SECONDS s, think $LOAD_THINK_MS ms"
  LOAD_URL=$2 node "$ROOT/bench/load.mjs" | tee "$STATE/load-$1.out" | grep -E '^\||^mix:|load average'
}
run one-node "http://127.0.0.1:$(app_port 1)"
run three-nodes "http://127.0.0.1:$PROXY_PORT"
rate() { grep -F '| all (mix)' "$STATE/load-$1.out" | awk -F'|' '{gsub(/ /,"",$4); print $4}'; }
one=$(rate one-node); three=$(rate three-nodes)
log "mix throughput: one node $one req/s, three nodes $three req/s, ratio $(node -e "console.log((Number('$three')/Number('$one')).toFixed(2))")×"
