# Sourced by scripts/sparkgd: no silent wait for executors on a standalone master (spark://).
# After SPARKGD_EXECUTOR_WAIT seconds (default 60; 0: never) without an executor for the
# application, one line at the terminal says what it asks and what the cluster offers
# (cli/ClusterOffer, from the master's web UI JSON); the driver itself gives up after the Spark
# conf spark.sparkgd.executorTimeout (cli/ExecutorWatchdog).

executor_wait="${SPARKGD_EXECUTOR_WAIT:-60}"
if [[ ! "$executor_wait" =~ ^[0-9]+$ ]]; then
  echo "sparkgd: error: SPARKGD_EXECUTOR_WAIT must be a whole number of seconds," \
    "got '$executor_wait'" >&2
  exit 2
fi

# The web UI of the master URL $1 (spark://HOST:PORT): SPARKGD_MASTER_UI, else the one
# scripts/cluster recorded for that master in its folder, else Spark's default port, 8080.
master_web_ui() {
  local dir="${SPARKGD_CLUSTER_DIR:-$root/cluster}" host="${1#spark://}"
  if [[ -n "${SPARKGD_MASTER_UI:-}" ]]; then
    echo "$SPARKGD_MASTER_UI"
  elif [[ -f "$dir/web-ui" && "$(cat "$dir/master-url" 2> /dev/null)" == "$1" ]]; then
    cat "$dir/web-ui"
  else
    echo "http://${host%%[:,/]*}:8080"
  fi
}

# The class path of this run's Spark, for the small Java helpers the script runs itself.
spark_jars_classpath() {
  if [[ -n "${SPARK_HOME:-}" ]]; then
    echo "$jar:$SPARK_HOME/jars/*${HADOOP_CONF_DIR:+:$HADOOP_CONF_DIR}"
  else
    echo "$jar:$(cat "$spark_classpath_file")"
  fi
}

# Runs the submission "${@:3}" for the application named $2 on the master whose web UI is $1
# (empty: not watched); after $executor_wait seconds, if it still runs, prints the no-executor
# line, if any, on file descriptor 3 (the terminal's standard error). Returns its exit code;
# INT and TERM are passed on to it (a command run in the background ignores Ctrl-C).
run_watched() {
  local ui="$1" app="$2" since pid watcher="" code=0
  shift 2
  since="$(date +%s%3N)"
  "$@" 3>&- &
  pid=$!
  trap 'kill -TERM "$pid" 2> /dev/null || true' INT TERM
  if [[ -n "$ui" ]] && ((executor_wait > 0)); then
    watch_executors "$pid" "$ui" "$app" "$since" &
    watcher=$!
  fi
  until wait "$pid"; do
    code=$?
    kill -0 "$pid" 2> /dev/null || break
    code=0
  done
  [[ -z "$watcher" ]] || kill "$watcher" 2> /dev/null || true
  trap - INT TERM
  return "$code"
}

# The watcher of run_watched: waits for $executor_wait seconds while pid $1 lives, then asks
# the master (ClusterOffer: again every 5 s until it knows) and prints its line on descriptor 3.
watch_executors() {
  local pid="$1" t line code
  for ((t = 0; t < executor_wait; t++)); do
    sleep 1
    kill -0 "$pid" 2> /dev/null || return 0
  done
  while kill -0 "$pid" 2> /dev/null; do
    code=0
    line="$(java "${log_opts[@]}" -cp "$(spark_jars_classpath)" org.sparkgd.cli.ClusterOffer \
      "$2" "$3" "$4" "$executor_wait" 2>> "$log_dir/executor-wait.log")" || code=$?
    if ((code != 10)); then
      [[ -z "$line" ]] || ! kill -0 "$pid" 2> /dev/null || echo "$line" >&3
      return 0
    fi
    sleep 5
  done
}
