# App nodes, workers and the HAProxy in front (sourced by start.sh). Every app
# node and worker reaches Galera through HAProxy's TCP listener on $DB_PROXY_PORT:
# one node takes the writes and the others stand by (single writer: no
# certification conflicts between nodes; a dead node is skipped within a
# second). They find Redis through the sentinels, and leaves the jobs to the two dedicated workers
# (QUEUE_WORKER=false), so batch work never runs on a web node's event loop.

app_env() {
  echo APP_KEY="$(cat "$STATE/app_key")" APP_MODE=demo NODE_ENV=production LOG_LEVEL=warn \
    DB_CONNECTION=mysql DB_HOST=127.0.0.1 DB_PORT="$DB_PROXY_PORT" DB_USER=root \
    DB_PASSWORD= DB_DATABASE="$DB_NAME" REDIS_SENTINELS="$(sentinel_list)" \
    REDIS_SENTINEL_NAME="$SENTINEL_NAME" QUEUE_PREFIX="$DB_NAME" \
    SIMULATOR_PORT="$CLUSTER_SIMULATOR_PORT" SIMULATOR_CALLBACK_URL="http://127.0.0.1:$PROXY_PORT"
}

# Migrations run before the proxy is up: straight to Galera node 1.
galera_direct_env() { app_env | sed "s/DB_PORT=$DB_PROXY_PORT/DB_PORT=$(galera_port 1)/"; }

prepare_app() {
  [ -f "$STATE/app_key" ] || node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))" >"$STATE/app_key"
  sql 1 "CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  (cd "$ROOT" && node --input-type=module -e "
    import { consoleFingerprint } from './scripts/console_fingerprint.mjs'
    import { existsSync, readFileSync } from 'node:fs'
    const stamp = 'public/.console-fingerprint'
    const fresh = existsSync('public/index.html') && existsSync(stamp) && readFileSync(stamp, 'utf8') === consoleFingerprint()
    process.exit(fresh ? 0 : 1)" || {
    log "building the console"
    npx vite build --config frontend/vite.config.ts --logLevel warn &&
      node --input-type=module -e "import { consoleFingerprint } from './scripts/console_fingerprint.mjs'; import { writeFileSync } from 'node:fs'; writeFileSync('public/.console-fingerprint', consoleFingerprint())"
  })
  log "migrating and seeding the demo bank (through galera1)"
  (cd "$ROOT" && env $(galera_direct_env) node ace plugins:upgrade >"$LOGS/migrate.log" 2>&1 &&
    env $(galera_direct_env) node ace demo:seed >>"$LOGS/migrate.log" 2>&1) || {
    log "migration failed: $LOGS/migrate.log"
    return 1
  }
}

app_start() {
  local n=$1
  alive "app$n" && return 0
  (cd "$ROOT" && spawn "app$n" env $(app_env) PORT="$(app_port "$n")" HOST=127.0.0.1 \
    QUEUE_WORKER=false node --enable-source-maps --import=ts-node-maintained/register/esm bin/server.ts)
  wait_for "app$n" 120 curl -fsS "http://127.0.0.1:$(app_port "$n")/api/health"
}

worker_start() {
  local n=$1
  alive "worker$n" && return 0
  # Its own pool, smaller than a web node's (DB_POOL_MAX 10): batch work is paced by its slots.
  (cd "$ROOT" && spawn "worker$n" env $(app_env) DB_POOL_MAX=6 node ace queue:work)
}

proxy_start() {
  alive haproxy && return 0
  {
    echo "global"
    echo "  maxconn 4000"
    echo "defaults"
    echo "  mode http"
    echo "  option forwardfor"
    echo "  timeout connect 2s"
    echo "  timeout client 120s"
    echo "  timeout server 120s"
    # A request that never reached a node goes to another; a GET (or HEAD, OPTIONS) cut by a
    # node's death, or answered 502-504, is asked again of another node; anything else (a POST)
    # is never replayed.
    echo "  retries 3"
    echo "  option redispatch"
    echo "  retry-on conn-failure empty-response response-timeout 502 503 504"
    echo "frontend ram"
    echo "  bind 127.0.0.1:$PROXY_PORT"
    echo "  default_backend app"
    echo "backend app"
    echo "  balance roundrobin"
    echo "  http-request disable-l7-retry if !METH_GET !METH_OPTIONS"
    # In service while its database answers: a Redis failover (the queue down for seconds)
    # must not take every node out at once — they still serve what needs no queue.
    echo "  option httpchk GET /api/health"
    # The health check waits up to 2 s for Redis: a check cut at 1 s during a failover
    # would mark every node down at once.
    echo "  timeout check 4s"
    echo '  http-check expect rstring \"database\":[^}]*\"ok\":true'
    for n in "${APP_NODES[@]}"; do
      echo "  server app$n 127.0.0.1:$(app_port "$n") check inter 1s fall 2 rise 2"
    done
    echo "listen galera"
    echo "  mode tcp"
    echo "  bind 127.0.0.1:$DB_PROXY_PORT"
    echo "  timeout client 1h"
    echo "  timeout server 1h"
    echo "  option tcp-check"
    for n in "${GALERA_NODES[@]}"; do
      local role=backup
      [ "$n" = 1 ] && role=""
      echo "  server galera$n 127.0.0.1:$(galera_port "$n") check inter 1s fall 2 rise 2 on-marked-down shutdown-sessions $role"
    done
    echo "listen stats"
    echo "  bind 127.0.0.1:$PROXY_STATS_PORT"
    echo "  stats enable"
    echo "  stats uri /"
  } >"$STATE/haproxy.cfg"
  spawn haproxy haproxy -db -f "$STATE/haproxy.cfg"
  wait_for "haproxy" 30 mariadb -h127.0.0.1 -P"$DB_PROXY_PORT" -uroot -e 'select 1'
}
