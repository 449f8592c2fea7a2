# Sourced by scripts/sparkgd: the driver's heap. SPARKGD_DRIVER_MEMORY (e.g. 12g) sets it for
# every driver; else a local fit's heap is sized from its input, unless the user set one.
# A local fit keeps its cache of packed doubles in Spark's storage memory, (heap − 300 MiB) ×
# spark.memory.fraction (0.6), and builds it from a cached copy of the input: the heap whose
# storage memory holds both within 80% is 300 MiB + 2.5 × cache / 0.6 (job/CacheBudget checks
# the same before reading and suggests that heap), plus 5% for the JVM's own reckoning of its
# heap; at most 70% of the machine's memory, and never below the heap the driver gets anyway.

# Prints the value of option $1 (e.g. --features) in the command words "${@:2}", as
# "--features a,b" or "--features=a,b"; the last one given, or nothing.
option_value() {
  local name="$1" value="" i word
  local words=("${@:2}")
  for ((i = 0; i < ${#words[@]}; i++)); do
    word="${words[i]}"
    if [[ "$word" == "$name="* ]]; then
      value="${word#*=}"
    elif [[ "$word" == "$name" ]]; then
      value="${words[i + 1]:-}"
    fi
  done
  echo "$value"
}

# Prints the MiB the cache of the fit "$@" (command words) takes, estimated from its local
# --input: Parquet, $PARQUET_EXPANSION times the files' bytes (Parquet's encodings shrink
# numbers: sparkgd generate's 53 MB hold a 305 MiB cache, 528 MB a 3052 MiB one; unencoded
# doubles, or columns the fit does not read, make this high, which only raises the heap's
# ceiling, at most 70% of the machine; job/CacheBudget checks the footers' exact rows before
# reading);
# CSV, rows × columns × 8, the rows from the bytes per line of 64 KiB at the quarters of
# the first file, the columns from --features, the label and --weight (else the
# header's). Prints nothing for input it cannot size: remote, compressed, a glob, or none
# (--resume).
PARQUET_EXPANSION=6

fit_cache_mib() {
  # Pipes here end early (head): not a failure of the caller's pipefail.
  local -
  set +o pipefail
  local input format features weight delimiter
  input="$(option_value --input "$@")"
  format="$(option_value --format "$@")"
  features="$(option_value --features "$@")"
  weight="$(option_value --weight "$@")"
  delimiter="$(option_value --delimiter "$@")"
  format="${format:-auto}"
  delimiter="${delimiter:-,}"
  input="${input#file://}"
  input="${input#file:}"
  [[ -n "$input" && "$input" != *://* && -e "$input" ]] || return 0
  local files=()
  if [[ -d "$input" ]]; then
    mapfile -t files < <(find "$input" -maxdepth 1 -type f ! -name '_*' ! -name '.*' | sort)
  else
    files=("$input")
  fi
  ((${#files[@]})) || return 0
  local bytes
  bytes="$(stat -c %s -- "${files[@]}" | awk '{ s += $1 } END { printf "%.0f\n", s }')"
  if [[ "${format,,}" == parquet || ("${format,,}" == auto
    && -z "$(printf '%s\n' "${files[@]}" | grep -v '\.parquet$')") ]]; then
    echo $(((bytes * PARQUET_EXPANSION + 1048575) / 1048576))
    return 0
  fi
  if printf '%s\n' "${files[@]}" | grep -qE '\.(gz|bz2|deflate|lz4|snappy|zst)$'; then
    return 0
  fi
  case "$delimiter" in
    tab | '\t') delimiter=$'\t' ;;
    comma) delimiter=, ;;
    semicolon) delimiter=';' ;;
    pipe) delimiter='|' ;;
  esac
  local first="${files[0]}" header columns="" size sample
  header="$(head -n 1 -- "$first")"
  if [[ -n "$features" ]]; then
    columns=$(($(tr -cd , <<< "$features" | wc -c) + 2 + (${#weight} > 0 ? 1 : 0)))
  else
    columns="$(LC_ALL=C awk -F "$delimiter" '{ print NF; exit }' <<< "$header")"
  fi
  # The whole lines of 64 KiB after the header of a small file, else at its quarters.
  size="$(stat -c %s -- "$first")"
  sample="$(
    if ((size <= 4 * 65536)); then
      tail -n +2 -- "$first" | head -n -1
    else
      for k in 1 2 3; do
        tail -c +$((size * k / 4)) -- "$first" | head -c 65536 | tail -n +2 | head -n -1
      done
    fi | LC_ALL=C awk '{ b += length($0) + 1; n++ } END { if (n) print b, n }')"
  [[ -n "$sample" ]] || return 0
  LC_ALL=C awk -v sample="$sample" -v bytes="$bytes" -v parts="${#files[@]}" \
    -v header="$((${#header} + 1))" -v columns="$columns" 'BEGIN {
    split(sample, s, " ")
    rows = (bytes - parts * header) / (s[1] / s[2])
    printf "%d\n", rows * columns * 8 / 1048576 + 1
  }'
}

# Prints the heap in MiB that a local fit of the command words "${@:3}" needs, when it is above
# $2 MiB (the heap the driver gets without one), at most 70% of the machine's $1 MiB; else
# nothing.
local_fit_heap_mib() {
  local ram="$1" floor="$2" cache heap
  cache="$(fit_cache_mib "${@:3}")"
  [[ -n "$cache" ]] || return 0
  heap=$(((300 + 25 * cache / 6) * 105 / 100))
  ((heap <= ram * 7 / 10)) || heap=$((ram * 7 / 10))
  ((heap > floor)) && echo "$heap"
  return 0
}

# The machine's memory in MiB.
machine_mib() {
  awk '/^MemTotal:/ { printf "%d\n", $2 / 1024 }' /proc/meminfo
}

# Sets driver_memory to the words that give the driver its heap, for a driver started by $1
# ("java": -Xmx on its own command line; "spark-submit": --driver-memory), which runs the tasks
# itself when $2 is "local"; "${@:3}" are the command words (the command first). The user's own
# setting wins: SPARKGD_DRIVER_MEMORY; -Xmx in SPARKGD_JAVA_OPTS (java); --driver-memory or
# spark.driver.memory in SPARKGD_SUBMIT_OPTS, SPARK_DRIVER_MEMORY or spark-defaults.conf
# (spark-submit).
driver_memory_words() {
  local launcher="$1" where="$2" flag=-Xmx size="${SPARKGD_DRIVER_MEMORY:-}" ram floor
  [[ "$launcher" == java ]] || flag="--driver-memory "
  driver_memory=()
  if [[ -n "$size" ]]; then
    if [[ ! "$size" =~ ^[0-9]+[kKmMgGtT]$ ]]; then
      echo "sparkgd: error: SPARKGD_DRIVER_MEMORY=$size is not a size such as 12g or 800m" >&2
      exit 2
    fi
  elif [[ "$where" == local && "${3:-}" == fit ]]; then
    if [[ "$launcher" == java ]]; then
      [[ "${SPARKGD_JAVA_OPTS:-} ${JAVA_TOOL_OPTIONS:-}" =~ -Xmx|MaxHeapSize|MaxRAM ]] && return 0
    elif [[ " ${SPARKGD_SUBMIT_OPTS:-} " =~ --driver-memory|spark\.driver\.memory ]] \
      || [[ -n "${SPARK_DRIVER_MEMORY:-}" ]] \
      || grep -qs '^ *spark\.driver\.memory' "${SPARK_HOME:-/nonexistent}/conf/spark-defaults.conf"; then
      return 0
    fi
    ram="$(machine_mib)"
    # java's default heap is a quarter of the machine; spark-submit's, 1g.
    [[ "$launcher" == java ]] && floor=$((ram / 4)) || floor=1024
    size="$(local_fit_heap_mib "$ram" "$floor" "${@:4}")"
    [[ -n "$size" ]] || return 0
    size="${size}m"
  else
    return 0
  fi
  # shellcheck disable=SC2206
  driver_memory=($flag$size)
}
