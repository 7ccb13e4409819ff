#!/usr/bin/env bash
# Whole-process timings on the national synthetic set: `check` and
# `rank --format csv` (1,000 draws), median wall time and peak memory of
# RUNS runs each. With a second binary (`benches/national.sh OLD_BINARY`)
# both are timed side by side and their rank CSVs must be byte-identical.
#
#   benches/national.sh                 # this checkout, release build
#   RUNS=9 benches/national.sh /path/to/older/buurtradar
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
TARGET="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked --workspace -q
NEW="$TARGET/release/buurtradar"
DIR="$TARGET/national-42"
"$TARGET/release/buurtradar-synth" --scale national --out "$DIR" >/dev/null
ARGS=(--boundaries "$DIR/buurten_national_2024.geojson"
  --indicators "$DIR/kerncijfers_national_2024.csv"
  --indicators "$DIR/kwb_national_2024.csv"
  --schools "$DIR/scholen_national.geojson")


# median of the wall times (s) and of the peak resident sizes (MB)
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

k=0
for bin in "$NEW" "$@"; do
  echo "== $bin"
  echo "check:             $(measure /dev/null "$bin" check "${ARGS[@]}")"
  echo "rank --format csv: $(measure "$TARGET/national-rank-$k.csv" "$bin" rank --format csv "${ARGS[@]}")"
  k=$((k + 1))
done
if [ $# -gt 0 ]; then
  cmp "$TARGET/national-rank-0.csv" "$TARGET/national-rank-1.csv" \
    && echo "rank CSVs are byte-identical"
fi
