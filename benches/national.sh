#!/usr/bin/env bash
# Whole-process timings on the national synthetic set: `check` and
# `rank --format csv` (1,000 draws), median wall time and peak memory of
# RUNS runs each. With a second binary (`benches/national.sh OLD_BINARY`)
# both are timed side by side and their rank CSVs must be byte-identical.
# SCALE=blocks times the 250,000-area blocks set instead.
#
#   benches/national.sh                 # this checkout, release build
#   RUNS=9 benches/national.sh /path/to/older/buurtradar
#   SCALE=blocks RUNS=3 benches/national.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/measure.sh
TARGET="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked --workspace -q
NEW="$TARGET/release/buurtradar"
SCALE="${SCALE:-national}"
DIR="$TARGET/$SCALE-42"
"$TARGET/release/buurtradar-synth" --scale "$SCALE" --out "$DIR" >/dev/null
ARGS=(--boundaries "$DIR/buurten_${SCALE}_2024.geojson"
  --indicators "$DIR/kerncijfers_${SCALE}_2024.csv"
  --indicators "$DIR/kwb_${SCALE}_2024.csv"
  --schools "$DIR/scholen_${SCALE}.geojson")

k=0
for bin in "$NEW" "$@"; do
  echo "== $bin"
  echo "check:             $(measure /dev/null "$bin" check "${ARGS[@]}")"
  echo "rank --format csv: $(measure "$TARGET/$SCALE-rank-$k.csv" "$bin" rank --format csv "${ARGS[@]}")"
  k=$((k + 1))
done
if [ $# -gt 0 ]; then
  cmp "$TARGET/$SCALE-rank-0.csv" "$TARGET/$SCALE-rank-1.csv" \
    && echo "rank CSVs are byte-identical"
fi
