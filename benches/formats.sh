#!/usr/bin/env bash
# Whole-process timings of the national set in the forms users download:
# the GeoPackage against the GeoJSON + CSV files, and the DUO address list
# placed through the CBS postcode table (~9 million rows) against the
# same run without schools. Median wall time and peak memory of RUNS runs.
#
#   benches/formats.sh            # RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
TARGET="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked --workspace -q
BIN="$TARGET/release/buurtradar"
DIR="$TARGET/national-formats-42"
"$TARGET/release/buurtradar-synth" --scale national --formats --out "$DIR" >/dev/null

measure() {
  local times=() mems=()
  for _ in $(seq "$RUNS"); do
    local line
    # time's report goes to its own file: the command's stderr is dropped.
    /usr/bin/time -f "%e %M" -o "$TIMES" "$@" >/dev/null 2>/dev/null
    line=$(tail -1 "$TIMES")
    times+=("${line% *}"); mems+=("${line#* }")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  echo "$t s, $m MB"
}

GEOJSON=(--boundaries "$DIR/buurten_national_2024.geojson"
  --indicators "$DIR/kerncijfers_national_2024.csv"
  --indicators "$DIR/kwb_national_2024.csv")
rows=$(($(wc -l <"$DIR/pc6hnr_national_2024.csv") - 1))
echo "check, boundaries + figures as GeoJSON + CSV:  $(measure "$BIN" check "${GEOJSON[@]}")"
echo "check, boundaries + figures as one GeoPackage: $(measure "$BIN" check --boundaries "$DIR/wijkenbuurten_national_2024.gpkg")"
echo "check, + DUO list through the postcode table ($rows rows): $(measure "$BIN" check "${GEOJSON[@]}" \
  --schools "$DIR/duo_vestigingen_bo_national.csv" --postcode-table "$DIR/pc6hnr_national_2024.csv")"
