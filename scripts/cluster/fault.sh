#!/usr/bin/env bash
# `npm run cluster:fault [-- --short]` (the cluster must be up): a 批量核销 whose
# core-banking postings go through the outbox — 3,334 loans, 10,002 postings
# (`--short`: 1,000 loans, 3,000 postings) — under a steady signed-in probe through
# the proxy, while one at a time a worker, the Galera writer, an app node and the
# Redis primary are killed with -9 and brought back (batch_fault.mjs). Prints the
# postings lost and doubled (counted at the simulator by idempotency key), the
# probe's failures per fault window, the Galera node's rejoin (IST/SST). Exit 1 on
# a lost or doubled posting.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

curl -fsS "http://127.0.0.1:$PROXY_PORT/api/health" >/dev/null || { log "cluster is not up: npm run cluster"; exit 1; }
node "$(dirname "$0")/batch_fault.mjs" "$@" | tee "$STATE/fault.out"
