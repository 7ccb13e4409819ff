#!/usr/bin/env bash
# The ranking job side by side with what a user would script instead:
# `buurtradar rank --format csv` (everything, 1,000 draws) against
# benches/python_rank.py (geopandas read_file + sjoin, pandas z-scores, sort)
# on the national synthetic set, alternating, RUNS runs each; prints the
# median wall times and their ratio. Needs `pip install geopandas pyogrio`.
#
#   benches/vs_python.sh
#   RUNS=9 PYTHON=python3.12 benches/vs_python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
PYTHON="${PYTHON:-python3}"
TARGET="${CARGO_TARGET_DIR:-target}"
"$PYTHON" -c 'import geopandas, pyogrio' \
  || { echo "needs geopandas and pyogrio: pip install geopandas pyogrio" >&2; exit 1; }
cargo build --release --locked --workspace -q
BIN="$TARGET/release/buurtradar"
DIR="$TARGET/national-42"
"$TARGET/release/buurtradar-synth" --scale national --out "$DIR" >/dev/null
B="$DIR/buurten_national_2024.geojson"
K="$DIR/kerncijfers_national_2024.csv"
W="$DIR/kwb_national_2024.csv"
S="$DIR/scholen_national.geojson"

TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
# -o: the program's own stderr is dropped, time's report must not be
wall() {
  /usr/bin/time -o "$TIMES" -f "%e" "$@" >/dev/null 2>/dev/null
  tail -1 "$TIMES"
}
median() {
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

rust=() py=()
for _ in $(seq "$RUNS"); do
  rust+=("$(wall "$BIN" rank --format csv --boundaries "$B" --indicators "$K" --indicators "$W" --schools "$S")")
  py+=("$(wall "$PYTHON" benches/python_rank.py "$B" "$K" "$W" "$S" "$TARGET/national-python-rank.csv")")
done
r=$(printf '%s\n' "${rust[@]}" | median)
p=$(printf '%s\n' "${py[@]}" | median)
echo "buurtradar rank --format csv: $r s (median of $RUNS)"
echo "geopandas + pandas script:    $p s (median of $RUNS)"
awk -v r="$r" -v p="$p" 'BEGIN {printf "buurtradar is %.1fx faster\n", p / r}'
