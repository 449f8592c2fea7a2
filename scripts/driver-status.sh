# Sourced by scripts/sparkgd: where a driver on the cluster (--deploy-mode cluster) leaves its
# exit code, summary and error (cli/DriverStatus), and how the script gets them back.

# Prints the status folder for the command words "$@": beside an --output on another file
# system (hdfs://, s3a://), hidden as the output's staging folder is, where any driver reaches
# it; else nothing (the script's local folder serves, for a driver that shares this disk).
remote_status_dir() {
  local output="" i words=("$@")
  for ((i = 0; i + 1 < ${#words[@]}; i++)); do
    [[ "${words[i]}" == --output ]] && output="${words[i + 1]%/}"
  done
  if [[ "$output" =~ ^[A-Za-z][A-Za-z0-9+.-]*://[^/]*/.+ && "$output" != file:* ]]; then
    echo "${output%/*}/.${output##*/}.sparkgd-status-$(date +%s)-$$-$RANDOM"
  fi
}

# Copies the status folder $1 (on the output's file system) into the local folder $2 and
# removes it, with the Hadoop class path of this run's Spark (spark_jars_classpath, in
# executor-wait.sh); the spark.hadoop.* confs among the submit options "${@:3}" configure the
# file system as they do for the driver.
fetch_status() {
  local remote="$1" local_dir="$2" props=() word
  shift 2
  for word in "$@"; do
    [[ "$word" == spark.hadoop.*=* ]] && props+=("-D$word")
  done
  java "${log_opts[@]}" "${props[@]}" -cp "$(spark_jars_classpath)" org.sparkgd.cli.DriverStatus \
    "$remote" "$local_dir"
}
