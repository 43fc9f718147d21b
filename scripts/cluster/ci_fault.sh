#!/usr/bin/env bash
# The short fault profile CI runs after `npm test` (`npm run cluster:ci`): brings the
# cluster up from nothing (installing galera-4, haproxy, rsync, mariadb-server and
# redis-server when missing), runs `cluster:fault -- --short`, and always stops the
# cluster and deletes its state (`cluster:stop --purge`), also when a step fails.
set -euo pipefail
HERE="$(dirname "$0")"
trap 'bash "$HERE/stop.sh" --purge >/dev/null 2>&1 || true' EXIT
bash "$HERE/stop.sh" --purge >/dev/null 2>&1 || true
bash "$HERE/start.sh"
bash "$HERE/fault.sh" --short
