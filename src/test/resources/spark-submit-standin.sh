#!/usr/bin/env bash
# A stand-in for a Spark distribution's bin/spark-submit, as its bin/spark-class does it: Spark's
# launcher (spark-launcher jar) prints the java command, NUL-separated, and this runs it. The
# launcher applies --driver-java-options and SPARK_SUBMIT_OPTS exactly as in a distribution.
set -euo pipefail
SPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPARK_HOME SPARK_SCALA_VERSION=2.13
command=()
{
  # The launcher's messages, then an empty line, then the command's words.
  while IFS= read -r line && [[ -n "$line" ]]; do
    echo "$line"
  done
  while IFS= read -r -d '' word; do
    command+=("$word")
  done
} < <(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \
  org.apache.spark.deploy.SparkSubmit "$@"; printf '%d\0' $?)
code="${command[-1]}"
unset 'command[-1]'
((code == 0)) || exit "$code"
exec "${command[@]}"
