# Sourced by scripts/sparkgd: the class archive of a local run's JVM (the JDK's AppCDS).
#
# A local run spends most of its JVM and Spark start loading, checking and linking the classes
# of some 200 jars. Mapped from an archive, JVM and Spark start take less than half as long:
# 1.0-1.1 s instead of 2.4-2.6 for the sample fit (SPARKGD_CLASS_ARCHIVE=on/off, model.json's
# timings; README, Configuration). The archive is made once per build,
# next to the jar, by a fit of the bundled sample data that the JVM records
# (-XX:ArchiveClassesAtExit; about 20 s, said on the terminal), before the first fit that finds
# it missing or older than the build; every local run then maps it (-XX:SharedArchiveFile). A
# JVM that cannot map it (another JDK, a heap over 32 GiB) runs without it, as before.
# SPARKGD_CLASS_ARCHIVE=off: no archive.

# Prints the JVM options for the archive of $jar (one a line) for the command line "$@" (its
# first word the command), first making the archive for a fit; nothing without one. Needs jar,
# classpath_file, main_class, root, jvm_opts and local_jit (scripts/sparkgd).
class_archive_options() {
  [[ "${SPARKGD_CLASS_ARCHIVE:-on}" == off ]] && return 0
  local archive="${jar%.jar}.jsa"
  if [[ ! -f "$archive" || "$jar" -nt "$archive" || "$classpath_file" -nt "$archive" ]]; then
    [[ "${1:-}" == fit ]] || return 0
    make_class_archive "$archive" || return 0
  fi
  printf '%s\n' "-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off
}

# Records the classes of a sample fit into $1. Fails when another run is making it (a lock
# younger than 10 minutes: older, its maker was killed), or when it failed for this build
# already (a marker newer than the jar), so that no run waits twice.
make_class_archive() {
  local archive="$1" lock="$1.lock" failed="$1.failed" work status=0
  [[ -f "$failed" && "$failed" -nt "$jar" ]] && return 1
  if [[ -n "$(find "$lock" -maxdepth 0 -mmin +10 2> /dev/null)" ]]; then
    rm -rf "$lock"
  fi
  mkdir "$lock" 2> /dev/null || return 1
  work="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$lock' '$work' '$archive.tmp'" EXIT
  echo "sparkgd: making the class archive that starts later runs about 1.5 s sooner (once per" \
    "build, about 20 s)..." >&2
  java "${jvm_opts[@]}" "${local_jit[@]}" "-XX:ArchiveClassesAtExit=$archive.tmp" \
    -Xlog:cds=off -Xlog:cds+dynamic=off "-Dlog4j2.configurationFile=$root/conf/log4j2.properties" \
    "-Dsparkgd.log.dir=$work" -cp "$jar:$(cat "$classpath_file")" "$main_class" fit \
    --master 'local[*]' --config "$root/conf/sparkgd.properties" \
    --input "$root/sample-data/advertising.csv" --label sales --features TV,radio,newspaper \
    --output "$work/fit" > "$work/console" 2>&1 || status=$?
  if ((status == 0)) && [[ -s "$archive.tmp" ]]; then
    mv -f "$archive.tmp" "$archive"
  elif ((status <= 128)); then # above 128: stopped by a signal (Ctrl-C), not failed
    touch "$failed"
    echo "sparkgd: warning: the class archive could not be made (runs start without it):" \
      "$(tail -n 1 "$work/console")" >&2
  fi
  rm -rf "$lock" "$work" "$archive.tmp"
  trap - EXIT
  [[ -f "$archive" && ! "$jar" -nt "$archive" ]]
}
