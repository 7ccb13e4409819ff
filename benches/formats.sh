#!/usr/bin/env bash
# Whole-process timings of the national set in the forms users download:
# the GeoPackage against the GeoJSON + CSV files, and the DUO address list
# placed through the CBS postcode table (~9 million rows) against the
# same run without schools. Median wall time and peak memory of RUNS runs.
#
#   benches/formats.sh            # RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/measure.sh
TARGET="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked --workspace -q
BIN="$TARGET/release/buurtradar"
DIR="$TARGET/national-formats-42"
"$TARGET/release/buurtradar-synth" --scale national --formats --out "$DIR" >/dev/null

GEOJSON=(--boundaries "$DIR/buurten_national_2024.geojson"
  --indicators "$DIR/kerncijfers_national_2024.csv"
  --indicators "$DIR/kwb_national_2024.csv")
rows=$(($(wc -l <"$DIR/pc6hnr_national_2024.csv") - 1))
echo "check, boundaries + figures as GeoJSON + CSV:  $(measure /dev/null "$BIN" check "${GEOJSON[@]}")"
echo "check, boundaries + figures as one GeoPackage: $(measure /dev/null "$BIN" check --boundaries "$DIR/wijkenbuurten_national_2024.gpkg")"
echo "check, + DUO list through the postcode table ($rows rows): $(measure /dev/null "$BIN" check "${GEOJSON[@]}" \
  --schools "$DIR/duo_vestigingen_bo_national.csv" --postcode-table "$DIR/pc6hnr_national_2024.csv")"
