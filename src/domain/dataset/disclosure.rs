//! Disclosure control for microdata files: cells based on too few units
//! are withheld at load, so no output can print them. Fails closed: a
//! column of a microdata file that might be a count is treated as one.
//!
//! A file is microdata when it is declared so (`--microdata FILE`, or the
//! profile's `[disclosure] microdata` names or patterns), holds a column the
//! profile declares a count, or has a custom base-count column (`n`, `n_*`,
//! `*_n`: the remote-access naming convention). StatLine and kwb files are
//! published figures, already protected by CBS, and keep their values.
//!
//! In a microdata file, per [`MicroRole`]:
//! 1. every count cell (base or other) below `min_cell` is withheld;
//! 2. a row (area) with exactly one withheld count also loses its smallest
//!    visible count, so no row total can give the withheld one away;
//! 3. a wijk's or gemeente's own row is withheld where any area it covers
//!    is, so no column total can give it away;
//! 4. a share is withheld when its base n is withheld or below `min_cell`,
//!    or n*p or n*(1-p) is; any other figure when its base n is withheld or
//!    below `min_cell`.
//!
//! Steps 2-4 repeat until nothing changes (each only adds withheld cells).

use super::declared::{DeclaredKind, DisclosureSettings};
use super::secondary::{column_totals, row_totals};
use super::types::{Area, Indicator};
use crate::domain::report::LoadNote;
use crate::domain::value::{Missing, Value};
use std::collections::BTreeSet;

/// CBS's usual output rule for microdata aggregates.
pub const DEFAULT_MIN_CELL: u32 = 10;

/// What a column of a microdata file is, for disclosure control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MicroRole {
    /// The units behind the file's other figures (`n`, `n_*`, `*_n`).
    Base,
    /// Any other count: declared so, `aantal_*`, `a_*`, or integer values
    /// that are not a share or rate by declaration, name or unit.
    Count,
    /// A percentage (`pct_*`, `p_*`, `*_pct`, unit `%`).
    Share,
    /// Anything else: rates, means.
    Figure,
}

/// A count column of a microdata file (base or other), set at load.
pub fn is_count_column(ind: &Indicator) -> bool {
    matches!(ind.meta.micro, Some(MicroRole::Base | MicroRole::Count))
}

pub fn is_share(ind: &Indicator) -> bool {
    let id = ind.meta.id.as_str();
    id.starts_with("pct_")
        || id.starts_with("p_")
        || id.ends_with("_pct")
        || ind.meta.unit.trim() == "%"
}

fn is_base_name(id: &str) -> bool {
    id == "n" || id.starts_with("n_") || id.ends_with("_n")
}

/// A rate by name or unit ("per 1000", "‰"): not a count even when whole.
fn is_rate(ind: &Indicator) -> bool {
    let id = ind.meta.id.as_str();
    let unit = ind.meta.unit.to_lowercase();
    id.contains("_per_")
        || id.starts_with("rate_")
        || id.ends_with("_rate")
        || id.starts_with("gem_")
        || unit.contains("per ")
        || unit.contains('\u{2030}')
}

fn role(ind: &Indicator, settings: &DisclosureSettings) -> MicroRole {
    let id = ind.meta.id.as_str();
    match settings.kind_of(&ind.meta) {
        Some(DeclaredKind::Count) if is_base_name(id) => return MicroRole::Base,
        Some(DeclaredKind::Count) => return MicroRole::Count,
        Some(DeclaredKind::Share) => return MicroRole::Share,
        Some(DeclaredKind::Rate) => return MicroRole::Figure,
        None => {}
    }
    if is_base_name(id) {
        MicroRole::Base
    } else if is_share(ind) {
        MicroRole::Share
    } else if is_rate(ind) {
        MicroRole::Figure
    } else if id.starts_with("aantal_") || id.starts_with("a_") || all_whole(&ind.values) {
        MicroRole::Count
    } else {
        MicroRole::Figure
    }
}

fn all_whole(values: &[Value]) -> bool {
    let mut any = false;
    for v in values {
        if let Value::Num(x) = v {
            if x.fract() != 0.0 {
                return false;
            }
            any = true;
        }
    }
    any
}

/// The microdata files: declared ones, those with a declared count, and
/// those with a custom base count.
fn microdata_files(
    indicators: &[Indicator],
    declared: &[String],
    settings: &DisclosureSettings,
) -> BTreeSet<String> {
    let mut files: BTreeSet<String> = indicators
        .iter()
        .filter(|i| !i.meta.derived)
        .filter(|i| {
            (!i.meta.known && is_base_name(&i.meta.id))
                || settings.declares_file(&i.meta.source)
                || settings.kind_of(&i.meta) == Some(DeclaredKind::Count)
        })
        .map(|i| i.meta.source.clone())
        .collect();
    for d in declared {
        if indicators.iter().any(|i| i.meta.source == *d) {
            files.insert(d.clone());
        }
    }
    files
}

/// The file a derived rate was computed from (`derived: a / b (file)`).
fn derived_from(source: &str) -> Option<&str> {
    source
        .strip_prefix("derived: ")?
        .rsplit_once(" (")?
        .1
        .strip_suffix(')')
}

/// Mark every column of a microdata file with its role and withhold what
/// the rules in the module docs say. Returns notes for the report.
pub(super) fn apply_disclosure(
    indicators: &mut [Indicator],
    areas: &[Area],
    min_cell: u32,
    declared: &[String],
    settings: &DisclosureSettings,
) -> Vec<LoadNote> {
    let files = microdata_files(indicators, declared, settings);
    for ind in indicators.iter_mut() {
        let file = if ind.meta.derived {
            derived_from(&ind.meta.source).map(str::to_string)
        } else {
            Some(ind.meta.source.clone())
        };
        if file.is_some_and(|f| files.contains(&f)) {
            // A derived rate is a figure, whatever its values look like.
            ind.meta.micro = Some(if ind.meta.derived {
                MicroRole::Figure
            } else {
                role(ind, settings)
            });
        }
    }
    let mut notes = Vec::new();
    for file in &files {
        let cols: Vec<usize> = (0..indicators.len())
            .filter(|&j| {
                indicators[j].meta.micro.is_some()
                    && (indicators[j].meta.source == *file
                        || derived_from(&indicators[j].meta.source) == Some(file.as_str()))
            })
            .collect();
        let before = count_suppressed(indicators, &cols);
        withhold_file(indicators, &cols, areas, f64::from(min_cell));
        let withheld = count_suppressed(indicators, &cols) - before;
        let base: Vec<&str> = cols
            .iter()
            .filter(|&&j| indicators[j].meta.micro == Some(MicroRole::Base))
            .map(|&j| indicators[j].meta.id.as_str())
            .collect();
        notes.push(LoadNote::Withheld {
            cells: withheld,
            file: file.clone(),
            min_cell,
            base: base.iter().map(|b| b.to_string()).collect(),
        });
    }
    notes
}

fn count_suppressed(indicators: &[Indicator], cols: &[usize]) -> usize {
    cols.iter()
        .map(|&j| {
            indicators[j]
                .values
                .iter()
                .filter(|v| **v == Value::Missing(Missing::Suppressed))
                .count()
        })
        .sum()
}

fn withhold(v: &mut Value) -> bool {
    if matches!(v, Value::Num(_)) {
        *v = Value::Missing(Missing::Suppressed);
        true
    } else {
        false
    }
}

fn withhold_file(indicators: &mut [Indicator], cols: &[usize], areas: &[Area], min: f64) {
    let role = |ind: &Indicator| ind.meta.micro.unwrap_or(MicroRole::Figure);
    let counts: Vec<usize> = cols
        .iter()
        .copied()
        .filter(|&j| matches!(role(&indicators[j]), MicroRole::Base | MicroRole::Count))
        .collect();
    // The units behind the other figures: the base counts, or every count
    // when the file has no base.
    let mut base: Vec<usize> = counts
        .iter()
        .copied()
        .filter(|&j| role(&indicators[j]) == MicroRole::Base)
        .collect();
    if base.is_empty() {
        base = counts.clone();
    }
    for &j in &counts {
        for v in indicators[j].values.iter_mut() {
            if v.num().is_some_and(|x| x < min) {
                withhold(v);
            }
        }
    }
    let units = areas.len();
    loop {
        let mut changed = row_totals(indicators, &counts, units);
        changed |= column_totals(indicators, &counts, areas);
        for &j in cols.iter().filter(|j| !counts.contains(j)) {
            let share = role(&indicators[j]) == MicroRole::Share;
            for a in 0..units {
                let Value::Num(x) = indicators[j].values[a] else {
                    continue;
                };
                // The smallest base decides; a withheld or absent one
                // leaves the figure unprotected, so it goes too.
                let n = base
                    .iter()
                    .map(|&k| indicators[k].values[a].num())
                    .try_fold(f64::INFINITY, |acc, n| n.map(|n| acc.min(n)));
                let small = match n {
                    None => true,
                    Some(n) if !n.is_finite() || n < min => true,
                    Some(n) if share => {
                        let p = (x / 100.0).clamp(0.0, 1.0);
                        n * p < min || n * (1.0 - p) < min
                    }
                    Some(_) => false,
                };
                if small {
                    changed |= withhold(&mut indicators[j].values[a]);
                }
            }
        }
        let others: Vec<usize> = cols
            .iter()
            .copied()
            .filter(|j| !counts.contains(j))
            .collect();
        changed |= column_totals(indicators, &others, areas);
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{feature, table};
    use super::super::types::RawIndicator;
    use super::MicroRole;
    use crate::domain::dataset::DatasetBuilder;
    use crate::domain::value::{Missing, Value};

    #[test]
    fn microdata_cells_below_the_threshold_are_withheld() {
        let b = DatasetBuilder::new(
            "b",
            (0..4)
                .map(|i| feature(i, &format!("BU0001000{i}")))
                .collect(),
        );
        let rows = [
            ("BU00010000", 2),
            ("BU00010001", 3),
            ("BU00010002", 4),
            ("BU00010003", 5),
        ];
        let mut t = table(
            "micro.csv",
            &rows,
            "n_kinderen",
            &[
                Value::Num(9.0),
                Value::Num(10.0),
                Value::Num(200.0),
                Value::Num(200.0),
            ],
        );
        t.indicators.push(RawIndicator {
            header: "pct_maatregel".into(),
            unit: None,
            // n*p: 0.9 (n<10), 5 (n*p<10), 10 (ok), n*(1-p) = 2 (complement too small)
            values: vec![
                Value::Num(10.0),
                Value::Num(50.0),
                Value::Num(5.0),
                Value::Num(99.0),
            ],
        });
        let d = b.build(vec![t]);
        let n = d.indicator("n_kinderen").unwrap();
        assert_eq!(n.values[0], Value::Missing(Missing::Suppressed));
        assert_eq!(n.values[1], Value::Num(10.0));
        let p = d.indicator("pct_maatregel").unwrap();
        assert_eq!(p.values[0], Value::Missing(Missing::Suppressed));
        assert_eq!(p.values[1], Value::Missing(Missing::Suppressed));
        assert_eq!(p.values[2], Value::Num(5.0));
        assert_eq!(p.values[3], Value::Missing(Missing::Suppressed));
        assert!(
            d.report.notes[0].to_string().contains("4 cells"),
            "{:?}",
            d.report.notes
        );
    }

    fn micro(
        rows: &[(&str, u64)],
        cols: &[(&str, Vec<f64>)],
        file: &str,
    ) -> super::super::types::IndicatorTable {
        let mut t = table(file, rows, cols[0].0, &vals(&cols[0].1));
        for (h, v) in &cols[1..] {
            t.indicators.push(RawIndicator {
                header: h.to_string(),
                unit: None,
                values: vals(v),
            });
        }
        t
    }

    fn vals(v: &[f64]) -> Vec<Value> {
        v.iter().map(|x| Value::Num(*x)).collect()
    }

    fn builder(n: usize) -> DatasetBuilder {
        DatasetBuilder::new(
            "b",
            (0..n)
                .map(|i| feature(i, &format!("BU0001000{i}")))
                .collect(),
        )
    }

    const S: Value = Value::Missing(Missing::Suppressed);

    #[test]
    fn hidden_event_counts_are_counts_too() {
        // The filed case: `aantal_*` next to `n_*` and a share.
        let rows = [("BU00010000", 2), ("BU00010001", 3), ("BU00010002", 4)];
        let t = micro(
            &rows,
            &[
                ("n_kinderen", vec![200.0, 300.0, 250.0]),
                ("pct_uithuisplaatsing", vec![20.0, 30.0, 40.0]),
                ("aantal_meldingen_veilig_thuis", vec![6.0, 8.0, 40.0]),
                ("a_zorg", vec![3.0, 50.0, 60.0]),
                ("dossiers", vec![70.0, 9.0, 80.0]),
                ("meldingen_per_1000", vec![2.0, 3.0, 4.0]),
            ],
            "micro.csv",
        );
        let d = builder(3).build(vec![t]);
        let v = |id: &str| d.indicator(id).unwrap().values.clone();
        assert_eq!(v("aantal_meldingen_veilig_thuis")[..2], [S, S]);
        assert_eq!(v("a_zorg")[0], S);
        // whole numbers, not named a share or rate: a count
        assert_eq!(v("dossiers")[1], S);
        // A rate is not a count, even in whole numbers.
        assert_eq!(v("meldingen_per_1000")[2], Value::Num(4.0));
        assert_eq!(v("n_kinderen")[2], Value::Num(250.0));
        assert_eq!(
            d.indicator("dossiers").unwrap().meta.micro,
            Some(MicroRole::Count)
        );
        assert_eq!(
            d.indicator("meldingen_per_1000").unwrap().meta.micro,
            Some(MicroRole::Figure)
        );
    }

    #[test]
    fn one_withheld_count_in_a_row_takes_the_smallest_visible_with_it() {
        // n_kinderen = n_jongens + n_meisjes: with only n_meisjes withheld,
        // the difference would give it away.
        let rows = [("BU00010000", 2), ("BU00010001", 3)];
        let t = micro(
            &rows,
            &[
                ("n_kinderen", vec![106.0, 200.0]),
                ("n_jongens", vec![100.0, 100.0]),
                ("n_meisjes", vec![6.0, 100.0]),
            ],
            "micro.csv",
        );
        let d = builder(2).build(vec![t]);
        let v = |id: &str| d.indicator(id).unwrap().values[0];
        assert_eq!(v("n_meisjes"), S);
        assert_eq!(v("n_jongens"), S, "smallest visible goes too");
        assert_eq!(v("n_kinderen"), Value::Num(106.0));
        assert_eq!(
            d.indicator("n_meisjes").unwrap().values[1],
            Value::Num(100.0)
        );
    }

    #[test]
    fn a_region_total_next_to_a_withheld_member_is_withheld() {
        let rows = [
            ("BU00010000", 2),
            ("BU00010001", 3),
            ("WK000100", 4),
            ("GM0001", 5),
        ];
        let t = micro(
            &rows,
            &[
                ("n_kinderen", vec![5.0, 300.0, 305.0, 305.0]),
                ("pct_x", vec![50.0, 50.0, 50.0, 50.0]),
            ],
            "micro.csv",
        );
        let d = builder(2).build(vec![t]);
        let at = |id: &str, code: &str| d.indicator(id).unwrap().values[d.index[code]];
        assert_eq!(at("n_kinderen", "BU00010000"), S);
        assert_eq!(at("n_kinderen", "WK000100"), S);
        assert_eq!(at("n_kinderen", "GM0001"), S);
        assert_eq!(at("pct_x", "BU00010000"), S);
        assert_eq!(at("pct_x", "WK000100"), S);
        assert_eq!(at("pct_x", "BU00010001"), Value::Num(50.0));
    }

    #[test]
    fn declared_microdata_without_base_count_fails_closed_and_public_files_stay() {
        let rows = [("BU00010000", 2), ("BU00010001", 3)];
        let declared = micro(
            &rows,
            &[
                ("a_gevallen", vec![4.0, 40.0]),
                ("gem_score", vec![1.5, 2.5]),
            ],
            "declared.csv",
        );
        let public = micro(
            &rows,
            &[
                ("a_inw", vec![4.0, 40.0]),
                ("aantal_scholen", vec![3.0, 1.0]),
            ],
            "kwb.csv",
        );
        let d = builder(2)
            .microdata(vec!["declared.csv".into()])
            .build(vec![declared, public]);
        let v = |id: &str| d.indicator(id).unwrap().values.clone();
        assert_eq!(v("a_gevallen"), vec![S, Value::Num(40.0)]);
        // the units behind a figure: the only count, withheld in row 0
        assert_eq!(v("gem_score"), vec![S, Value::Num(2.5)]);
        assert_eq!(v("inhabitants"), vals(&[4.0, 40.0]));
        assert_eq!(v("aantal_scholen"), vals(&[3.0, 1.0]));
        assert!(d.indicator("aantal_scholen").unwrap().meta.micro.is_none());
    }

    #[test]
    fn the_profile_declares_files_counts_shares_and_rates() {
        use crate::domain::dataset::DisclosureSettings;
        let rows = [("BU00010000", 2), ("BU00010001", 3)];
        // No base count, no count-like name: public by its columns alone.
        let by_pattern = micro(
            &rows,
            &[("dossiers", vec![4.0, 40.0]), ("score", vec![1.5, 2.5])],
            "zorg_2024.csv",
        );
        // A count with a name of its own makes its file microdata; whole
        // numbers declared a share or rate are not counts.
        let by_column = micro(
            &rows,
            &[
                ("cliënten", vec![200.0, 7.0]),
                ("bereik", vec![50.0, 96.0]),
                ("contacten_gem", vec![3.0, 4.0]),
                ("wachtenden", vec![80.0, 5.0]),
            ],
            "jeugd.csv",
        );
        let public = micro(&rows, &[("a_inw", vec![4.0, 40.0])], "kwb.csv");
        let settings = DisclosureSettings {
            microdata: vec!["zorg_*.csv".into()],
            counts: vec!["Cliënten".into()],
            shares: vec!["bereik".into()],
            rates: vec!["contacten_gem".into()],
            min_cell: None,
        };
        let d = builder(2)
            .declared(settings)
            .build(vec![by_pattern, by_column, public]);
        let v = |id: &str| d.indicator(id).unwrap().values.clone();
        let role = |id: &str| d.indicator(id).unwrap().meta.micro;
        assert_eq!(v("dossiers"), vec![S, Value::Num(40.0)]);
        assert_eq!(v("score"), vec![S, Value::Num(2.5)]);
        let clienten = d
            .indicators
            .iter()
            .find(|i| i.meta.header == "cliënten")
            .unwrap();
        assert_eq!(clienten.meta.micro, Some(MicroRole::Count));
        assert_eq!(clienten.values[1], S);
        assert_eq!(role("bereik"), Some(MicroRole::Share));
        assert_eq!(role("contacten_gem"), Some(MicroRole::Figure));
        assert_eq!(role("wachtenden"), Some(MicroRole::Count));
        // 50% of the smaller count, 80, is fine; row 1 has no safe base.
        assert_eq!(v("bereik"), vec![Value::Num(50.0), S]);
        // a declared rate of 3 is not a count of 3
        assert_eq!(v("contacten_gem")[0], Value::Num(3.0));
        // whole numbers, undeclared: a count
        assert_eq!(v("wachtenden"), vec![Value::Num(80.0), S]);
        assert_eq!(v("inhabitants"), vals(&[4.0, 40.0]));
        assert!(d.report.warnings.is_empty(), "{:?}", d.report.warnings);
    }
}
