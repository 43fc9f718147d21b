# The 3-node MariaDB Galera cluster (sourced by start.sh). Each node has its own
# data directory and ports; node 1 bootstraps the cluster (--wsrep-new-cluster)
# only when no node has state yet, the others join by state transfer (rsync SST
# the first time, IST after a short absence).

galera_conf() {
  local n=$1 dir="$STATE/galera$1"
  cat >"$dir.cnf" <<CNF
[mysqld]
datadir=$dir
socket=$STATE/run/galera$n.sock
pid-file=$STATE/run/galera$n.pid
port=$(galera_port "$n")
bind-address=127.0.0.1
user=mysql
log_error=$STATE/run/galera$n.err
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=128M
innodb_flush_log_at_trx_commit=2
max_connections=300
wsrep_on=ON
wsrep_provider=$(ls /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so 2>/dev/null | head -1)
wsrep_cluster_name=ram_cluster
wsrep_cluster_address=gcomm://127.0.0.1:$(galera_gcomm 1),127.0.0.1:$(galera_gcomm 2),127.0.0.1:$(galera_gcomm 3)
wsrep_node_name=galera$n
wsrep_node_address=127.0.0.1:$(galera_gcomm "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(galera_gcomm "$n");ist.recv_addr=127.0.0.1:$(galera_ist "$n");gcache.size=256M"
wsrep_sst_receive_address=127.0.0.1:$(galera_sst "$n")
wsrep_sst_method=rsync
CNF
}

galera_init() {
  local n=$1 dir="$STATE/galera$1"
  [ -d "$dir/mysql" ] && return 0
  # The server and its SST (an rsync daemon that drops to the server's user) run as
  # mysql, so everything they write is theirs.
  mkdir -p "$dir" "$STATE/run"
  chown mysql:mysql "$dir" "$STATE/run"
  # Only node 1 is initialised; nodes 2 and 3 receive everything by SST when they join.
  if [ "$n" = 1 ]; then
    mariadb-install-db --no-defaults --datadir="$dir" --user=mysql \
      --auth-root-authentication-method=normal >"$LOGS/galera$n.install.log" 2>&1
  fi
}

galera_synced() {
  [ "$(sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}')" = Synced ]
}

galera_start() {
  local n=$1 extra=()
  alive "galera$n" && galera_synced "$n" && return 0
  galera_conf "$n"
  galera_init "$n"
  # A fresh cluster needs one node to form it; a restarted member rejoins the others.
  if [ "$n" = 1 ] && ! galera_synced 2 && ! galera_synced 3; then
    [ -f "$STATE/galera1/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$STATE/galera1/grastate.dat"
    extra=(--wsrep-new-cluster)
  fi
  spawn "galera$n" /usr/sbin/mariadbd --defaults-file="$STATE/galera$n.cnf" "${extra[@]}"
  wait_for "galera$n synced" 180 galera_synced "$n"
}

galera_size() { sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | awk '{print $2}'; }
