#!/usr/bin/env bash
# The ranking job side by side with what a user would script instead, on the
# national synthetic set, alternating, RUNS runs each; prints the median wall
# times and two ratios:
#   - benches/python_rank.py, "less work": geopandas read_file + sjoin, pandas
#     z-scores, weights, sort; no Monte Carlo, no adjacency, no LISA;
#   - benches/python_rank_full.py, "same work": that plus the profile's
#     winsorising and coverage rule, 1,000 Monte Carlo weight draws, queen
#     contiguity from shared vertices and the LISA with 999 permutations,
#     all in vectorised numpy.
# Against `buurtradar rank --format csv` (everything, 1,000 draws). Needs
# `pip install geopandas pyogrio` (shapely, pandas and numpy come with it).
#
#   benches/vs_python.sh
#   RUNS=9 PYTHON=python3.12 benches/vs_python.sh
#   BUURTRADAR_BIN=path/to/buurtradar BUURTRADAR_NATIONAL=dir benches/vs_python.sh
#
# BUURTRADAR_BIN: time this binary and build nothing. BUURTRADAR_NATIONAL: a
# folder that already holds the national set (buurten_national_2024.geojson,
# kerncijfers_national_2024.csv, kwb_national_2024.csv,
# scholen_national.geojson); with both set, cargo is not run at all.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
PYTHON="${PYTHON:-python3}"
TARGET="${CARGO_TARGET_DIR:-target}"
"$PYTHON" -c 'import geopandas, pyogrio, shapely' \
  || { echo "needs geopandas and pyogrio: pip install geopandas pyogrio" >&2; exit 1; }
if [ -z "${BUURTRADAR_BIN:-}" ] || [ -z "${BUURTRADAR_NATIONAL:-}" ]; then
  cargo build --release --locked --workspace -q
fi
BIN="${BUURTRADAR_BIN:-$TARGET/release/buurtradar}"
if [ -n "${BUURTRADAR_NATIONAL:-}" ]; then
  DIR="$BUURTRADAR_NATIONAL"
else
  DIR="$TARGET/national-42"
  "$TARGET/release/buurtradar-synth" --scale national --out "$DIR" >/dev/null
fi
B="$DIR/buurten_national_2024.geojson"
K="$DIR/kerncijfers_national_2024.csv"
W="$DIR/kwb_national_2024.csv"
S="$DIR/scholen_national.geojson"
for f in "$B" "$K" "$W" "$S"; do
  [ -f "$f" ] || { echo "missing input: $f" >&2; exit 1; }
done

TIMES=$(mktemp)
OUT=$(mktemp -d)
trap 'rm -rf "$TIMES" "$OUT"' EXIT
# -o: the program's own stderr is dropped, time's report must not be
wall() {
  /usr/bin/time -o "$TIMES" -f "%e" "$@" >/dev/null 2>/dev/null
  tail -1 "$TIMES"
}
median() {
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

rust=() less=() same=()
for _ in $(seq "$RUNS"); do
  rust+=("$(wall "$BIN" rank --format csv --boundaries "$B" --indicators "$K" --indicators "$W" --schools "$S")")
  less+=("$(wall "$PYTHON" benches/python_rank.py "$B" "$K" "$W" "$S" "$OUT/python-rank.csv")")
  same+=("$(wall "$PYTHON" benches/python_rank_full.py "$B" "$K" "$W" "$S" "$OUT/python-rank-full.csv")")
done
r=$(printf '%s\n' "${rust[@]}" | median)
l=$(printf '%s\n' "${less[@]}" | median)
s=$(printf '%s\n' "${same[@]}" | median)
echo "buurtradar rank --format csv:          $r s (median of $RUNS)"
echo "python_rank.py (less work):            $l s (median of $RUNS)"
echo "python_rank_full.py (same work):       $s s (median of $RUNS)"
awk -v r="$r" -v l="$l" -v s="$s" 'BEGIN {
  printf "%.1fx vs less work: the script reads, joins schools, z-scores, weighs and sorts (no Monte Carlo, no adjacency, no LISA)\n", l / r
  printf "%.1fx vs same work: the script also winsorises, runs 1,000 Monte Carlo weight draws, builds queen contiguity and a 999-permutation LISA\n", s / r
}'
