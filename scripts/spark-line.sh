# Sourced by scripts/sparkgd and scripts/cluster: which build of sparkgd a run uses.
# pom.xml builds one jar per Spark line, each in its own folder with its own class path files:
#   target/                    the default build: Spark 4.1, Scala 2.13 (./mvnw package)
#   target/spark3.5_2.12/      Spark 3.5, Scala 2.12 (./mvnw package -Pspark3.5)
#   target/spark4.1_2.13/      Spark 4.1 again, as a line (-Pspark4.1; the line tests use it)
#   target/spark4.2_2.13/      Spark 4.2, Scala 2.13 (-Pspark4.2)
# use_build DIR sets build_dir, jar, scala_version and build_profiles (the Maven options that
# build DIR); spark_home_build picks the folder for the Spark line that $SPARK_HOME runs.

# The lines the pom has a profile for, as "LINE_SCALA".
spark_lines=(3.5_2.12 4.1_2.13 4.2_2.13)
default_line=4.1_2.13
sparkgd_version=0.1.0-SNAPSHOT

use_build() {
  build_dir="$(realpath -m -- "$1")"
  local name
  name="$(basename "$build_dir")"
  if [[ "$name" =~ ^spark([0-9]+\.[0-9]+)_([0-9]+\.[0-9]+)$ ]]; then
    build_profiles=("-Pspark${BASH_REMATCH[1]}")
    scala_version="${BASH_REMATCH[2]}"
    jar="$build_dir/sparkgd-$name-$sparkgd_version.jar"
  else
    build_profiles=()
    scala_version="${default_line#*_}"
    jar="$build_dir/sparkgd-$sparkgd_version.jar"
  fi
}

# Prints the build folder for $SPARK_HOME's Spark line (from spark-submit --version), or one
# error line and returns 2.
spark_home_build() {
  local banner line scala
  banner="$("$SPARK_HOME/bin/spark-submit" --version 2>&1 || true)"
  line="$(sed -nE 's/.* version ([0-9]+\.[0-9]+)\.[0-9].*/\1/p' <<< "$banner" | head -n 1)"
  scala="$(sed -nE 's/^Using Scala version ([0-9]+\.[0-9]+)\..*/\1/p' <<< "$banner" | head -n 1)"
  if [[ -z "$line" || -z "$scala" ]]; then
    echo "sparkgd: error: cannot tell the Spark version of SPARK_HOME=$SPARK_HOME" \
      "(\$SPARK_HOME/bin/spark-submit --version printed no 'version X.Y.Z' and Scala version)" >&2
    return 2
  fi
  if [[ "${line}_$scala" == "$default_line" ]]; then
    echo "$root/target"
  elif [[ " ${spark_lines[*]} " == *" ${line}_$scala "* ]]; then
    echo "$root/target/spark${line}_$scala"
  else
    local known
    known="$(printf ', %s' "${spark_lines[@]}")"
    echo "sparkgd: error: SPARK_HOME=$SPARK_HOME runs Spark ${line} on Scala $scala; sparkgd is" \
      "built for the lines ${known:2} (Spark_Scala)" >&2
    return 2
  fi
}
