# Redis with Sentinel (sourced by start.sh): a primary, a replica and three
# sentinels watching them under the name $SENTINEL_NAME (quorum 2). The app finds
# the primary through the sentinels (REDIS_SENTINELS) and follows a failover.

redis_start() {
  local name=$1 port=$2
  shift 2
  alive "$name" && return 0
  mkdir -p "$STATE/$name"
  spawn "$name" redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$STATE/$name" "$@"
  wait_for "$name" 30 redis-cli -p "$port" ping
}

sentinel_start() {
  local port=$1 conf="$STATE/sentinel$1.conf"
  alive "sentinel$port" && return 0
  # Sentinel rewrites its file with what it learns (replicas, epochs): written once only.
  [ -f "$conf" ] || cat >"$conf" <<CONF
port $port
bind 127.0.0.1
dir $STATE
sentinel monitor $SENTINEL_NAME 127.0.0.1 $REDIS_PRIMARY_PORT 2
sentinel down-after-milliseconds $SENTINEL_NAME 3000
sentinel failover-timeout $SENTINEL_NAME 10000
sentinel parallel-syncs $SENTINEL_NAME 1
CONF
  spawn "sentinel$port" redis-server "$conf" --sentinel
  wait_for "sentinel $port" 30 redis-cli -p "$port" ping
}

# The primary the sentinels name now ("" before they run): a node brought back after a
# failover starts as its replica, never as a second primary.
sentinel_primary_port() {
  redis-cli -p "${SENTINEL_PORTS[0]}" sentinel get-master-addr-by-name "$SENTINEL_NAME" 2>/dev/null | sed -n 2p
}

redis_cluster_start() {
  local current
  current=$(sentinel_primary_port || true)
  if [ -n "$current" ] && [ "$current" != "$REDIS_PRIMARY_PORT" ]; then
    redis_start redis-primary "$REDIS_PRIMARY_PORT" --replicaof 127.0.0.1 "$current"
  else
    redis_start redis-primary "$REDIS_PRIMARY_PORT"
  fi
  [ "${current:-}" = "$REDIS_REPLICA_PORT" ] && current=""
  redis_start redis-replica "$REDIS_REPLICA_PORT" --replicaof 127.0.0.1 "${current:-$REDIS_PRIMARY_PORT}"
  for port in "${SENTINEL_PORTS[@]}"; do sentinel_start "$port"; done
}

sentinel_list() {
  local out=()
  for port in "${SENTINEL_PORTS[@]}"; do out+=("127.0.0.1:$port"); done
  (IFS=,; echo "${out[*]}")
}
