# Sourced by the whole-process runners: `measure OUT CMD...` runs CMD
# RUNS times (stdout to OUT, stderr dropped) and prints the median wall
# time and the median peak resident size.
RUNS="${RUNS:-5}"
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT

measure() {
  local out=$1; shift
  local times=() mems=()
  for _ in $(seq "$RUNS"); do
    local line
    # time's report goes to its own file: the command's stderr is dropped.
    /usr/bin/time -f "%e %M" -o "$TIMES" "$@" >"$out" 2>/dev/null
    line=$(tail -1 "$TIMES")
    times+=("${line% *}"); mems+=("${line#* }")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  echo "$t s, $m MB"
}
