# Sourced by scripts/sparkgd: the JIT of a local fit's JVM, which runs the tasks too.
#
# A narrow fit is a few hundred short Spark jobs: HotSpot's optimizing compiler (C2) spends one
# of the 2 cores of a small machine compiling Spark's code through the first hundreds of
# iterations, and the quick compiler alone (C1) makes them faster (docs/speed.md says what that
# rests on). A wide fit spends its time in the exact reference's QR and the refinement's
# compensated sums instead, where C2's code is about twice as fast: fresh processes, default
# options, 10^5 rows x 1,000 features 96 s with C1 against 53 s, 10^6 x 100 46 against 39 s.
# So C1 for a fit of fewer than $LOCAL_JIT_WIDE --features (or a --formula or --resume, whose
# width is not known here); predict, plot and generate keep the JVM's default. SPARKGD_JAVA_OPTS comes
# after these words, so -XX:TieredStopAtLevel=4 there gives C2 back.

LOCAL_JIT_WIDE=100

# Prints the JVM options for the command line "$@" (its first word the command); needs
# option_value (scripts/driver-memory.sh, sourced first).
local_jit_options() {
  [[ "${1:-}" == fit ]] || return 0
  local features
  features="$(option_value --features "${@:2}")"
  if [[ -z "$features" ]] || (($(tr -cd , <<< "$features" | wc -c) + 1 < LOCAL_JIT_WIDE)); then
    echo "-XX:TieredStopAtLevel=1"
  fi
}
