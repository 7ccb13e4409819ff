//! The sample's follow-up year (2026): the 2024 buurt rows again, with a
//! planted, known effect and one code change, so that `baseline` and
//! `effect` can be shown end to end on files whose answer is known.
//!
//! - In the three [`PILOTS`] the youth-care share falls by exactly
//!   [`EFFECT`] percentage points; every other figure of every other buurt
//!   is unchanged (no common trend), so a difference-in-differences must
//!   recover the effect exactly.
//! - [`RENAMED`] gets a new code (same area); the code map says so, and
//!   kwb's `ind_wbi` marks the new code as changed.
//! - The retired code of 2024 is gone: absent in the follow-up, unmapped.
//! - Only buurt rows: gemeente and wijk rows would have to be recomputed
//!   from the changed buurten, and the effect is read on buurten.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::layout::{Kind, Layout};
use super::out_geojson::create;
use super::out_tables::{write_kwb_flagged, write_statline_year};
use super::publish::{Level, Row, Val};

/// The default profile's shortlist on the 2024 sample.
pub const PILOTS: [&str; 3] = ["BU99990210", "BU99990009", "BU99990808"];
/// Change of the youth-care share (percentage points) in the pilots.
pub const EFFECT: f64 = -2.0;
/// Old and new code of the renumbered buurt.
pub const RENAMED: (&str, &str) = ("BU99990302", "BU99990320");

/// The 2026 rows: buurten only, retired codes gone, the effect planted.
pub(crate) fn rows_2026(layout: &Layout, rows_2024: &[Row]) -> Vec<Row> {
    let retired: Vec<&str> = layout
        .buurten
        .iter()
        .filter(|b| b.kind == Kind::Retired)
        .map(|b| b.code.as_str())
        .collect();
    rows_2024
        .iter()
        .filter(|r| r.level == Level::Buurt && !retired.contains(&r.code.as_str()))
        .map(|r| {
            let mut r = r.clone();
            if PILOTS.contains(&r.code.as_str()) {
                if let Val::Num(v, d) = r.youth_care_pct {
                    r.youth_care_pct = Val::Num((v + EFFECT).max(0.0), d);
                }
            }
            if r.code == RENAMED.0 {
                r.code = RENAMED.1.to_string();
            }
            r
        })
        .collect()
}

/// Writes the follow-up StatLine and kwb files and the code map.
pub(crate) fn write(
    kerncijfers: &Path,
    kwb: &Path,
    code_map: &Path,
    layout: &Layout,
    rows_2024: &[Row],
) -> Result<()> {
    let rows = rows_2026(layout, rows_2024);
    write_statline_year(kerncijfers, &rows, "2026")?;
    write_kwb_flagged(kwb, &rows, &[RENAMED.1])?;
    let mut w = create(code_map)?;
    writeln!(w, "old;new;share")?;
    writeln!(w, "{};{};1", RENAMED.0, RENAMED.1)?;
    w.flush()
        .with_context(|| format!("writing {}", code_map.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{generate, Scale, SynthSpec};
    use anyhow::ensure;
    use std::collections::BTreeMap;

    /// code -> fields of a StatLine file, read back as text.
    fn by_code(path: &Path) -> Result<BTreeMap<String, Vec<String>>> {
        let text = std::fs::read_to_string(path)?;
        Ok(text
            .trim_start_matches('\u{feff}')
            .split_terminator("\r\n")
            .skip(1)
            .map(|l| {
                let f: Vec<String> = l
                    .split(';')
                    .map(|f| f.trim_matches('"').to_string())
                    .collect();
                (f[4].trim().to_string(), f)
            })
            .collect())
    }

    #[test]
    fn followup_plants_the_effect_and_the_code_change() -> Result<()> {
        let dir =
            std::env::temp_dir().join(format!("buurtradar-synth-{}-followup", std::process::id()));
        let s = generate(
            &SynthSpec {
                scale: Scale::Sample,
                seed: 42,
            },
            &dir,
        )?;
        let [kern, kwb, map] = s.followup_paths.clone().context("no follow-up files")?;
        let before = by_code(&s.kerncijfers_path)?;
        let after = by_code(&kern)?;
        let youth = 14; // "Zorg/Jongeren met jeugdzorg in natura (%)"
        let mut same = 0;
        for (code, row) in &after {
            ensure!(row[0] == "2026" && row[3] == "Buurt", "{code}: {row:?}");
            let old_code = if code == RENAMED.1 {
                RENAMED.0
            } else {
                code.as_str()
            };
            let old = before
                .get(old_code)
                .context(format!("{code} not in 2024"))?;
            if PILOTS.contains(&code.as_str()) {
                let (a, b): (f64, f64) = (old[youth].trim().parse()?, row[youth].trim().parse()?);
                ensure!((b - a - EFFECT).abs() < 1e-9, "{code}: {a} -> {b}");
                ensure!(old[5..youth] == row[5..youth] && old[youth + 1..] == row[youth + 1..]);
            } else {
                ensure!(old[5..] == row[5..], "{code} changed");
                same += 1;
            }
        }
        ensure!(same > 80 && !after.contains_key(RENAMED.0) && !after.contains_key("BU99990999"));
        ensure!(
            std::fs::read_to_string(&map)?
                == format!("old;new;share\n{};{};1\n", RENAMED.0, RENAMED.1)
        );
        let kwb_text = std::fs::read_to_string(&kwb)?;
        ensure!(kwb_text
            .lines()
            .any(|l| l.starts_with(RENAMED.1) && l.contains(";Buurt;2;")));
        ensure!(kwb_text.lines().filter(|l| l.contains(";Buurt;2;")).count() == 1);
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
