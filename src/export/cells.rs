//! The figures an export writes: every unit's value of every indicator,
//! with the reason when it is absent and, for microdata figures, the number
//! of units behind it. The disclosure check and every format read this one
//! table, so what is checked is what is written.

use super::exact::push_exact;
use crate::domain::aggregate::{aggregate, Origin};
use crate::domain::analysis::Analysis;
use crate::domain::dataset::{is_count_column, Dataset, Indicator, MicroRole};
use crate::domain::pilot::PilotRule;
use crate::domain::value::{Missing, Value};
use crate::i18n::Lang;
use crate::present::figure;
use crate::present::labels;
use rayon::prelude::*;

/// How an absent figure is written. Suppressed cells say exactly
/// "suppressed": a reader must never take them for 0 or for a gap in the data.
pub fn missing_text(m: Missing) -> &'static str {
    match m {
        Missing::Suppressed => "suppressed",
        other => other.label(),
    }
}

/// A cell for reading: the figure, or why it is absent.
pub fn cell_text(v: Value) -> String {
    match v {
        Value::Num(x) => figure(Some(x)),
        Value::Missing(m) => missing_text(m).to_string(),
    }
}

/// A cell for machines, appended to `out` (a table writer reuses one
/// buffer): full precision (shortest round-trip form), or why it is absent.
pub fn push_cell_exact(out: &mut String, v: Value) {
    match v {
        Value::Num(x) => push_exact(out, x),
        Value::Missing(m) => out.push_str(missing_text(m)),
    }
}

/// One indicator column as the exports describe it.
#[derive(Debug, Clone)]
pub struct IndicatorInfo {
    pub id: String,
    pub label: String,
    /// The label people read, per language (see `present::labels`).
    pub label_nl: String,
    pub label_en: String,
    /// The labels are made from the column name, not from the registry.
    pub label_from_name: bool,
    pub unit: String,
    pub source: String,
    pub known: bool,
    pub sensitive: bool,
    /// A figure of a microdata file (declared, or with a base count
    /// column), under disclosure control.
    pub microdata: bool,
    /// A count column of a microdata file (base `n`, `n_*`, `*_n`, or
    /// `aantal_*`, `a_*`, whole numbers).
    pub is_count: bool,
    /// A share (percentage), where the complement is checked too.
    pub share: bool,
    /// Dataset indices of the count columns of the same file.
    pub counts: Vec<usize>,
    /// Position among the ranking's indicators, when weighted.
    pub ranking: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub value: Value,
    /// Taken from a row of the input for the whole unit (a wijk's own
    /// figure), not rolled up by us from its visible members.
    pub published: bool,
    /// Microdata only: the units behind the figure, `None` when unknown.
    pub n: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Cells {
    pub info: Vec<IndicatorInfo>,
    m: usize,
    /// Unit-major: `cells[u * m + j]`.
    cells: Vec<Cell>,
}

fn info(ds: &Dataset, a: &Analysis) -> Vec<IndicatorInfo> {
    ds.indicators
        .iter()
        .map(|ind| {
            let microdata = ind.meta.micro.is_some();
            let same_file =
                |c: &Indicator| c.meta.micro.is_some() && c.meta.source == ind.meta.source;
            // The units behind a figure: the file's base counts, or every
            // count of the file when it has none (as at load).
            let mut counts: Vec<usize> = Vec::new();
            if microdata {
                counts = ds
                    .indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| same_file(c) && c.meta.micro == Some(MicroRole::Base))
                    .map(|(k, _)| k)
                    .collect();
                if counts.is_empty() {
                    counts = ds
                        .indicators
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| same_file(c) && is_count_column(c))
                        .map(|(k, _)| k)
                        .collect();
                }
            }
            let is_count = is_count_column(ind);
            IndicatorInfo {
                id: ind.meta.id.clone(),
                label: ind.meta.label_en.clone(),
                label_nl: labels::meta_label(&ind.meta, Lang::Nl),
                label_en: labels::meta_label(&ind.meta, Lang::En),
                label_from_name: labels::is_made_from_name(&ind.meta),
                unit: ind.meta.unit.clone(),
                source: ind.meta.source.clone(),
                known: ind.meta.known,
                sensitive: ind.meta.sensitive,
                microdata,
                is_count,
                share: ind.meta.micro == Some(MicroRole::Share),
                counts,
                ranking: a.ranking.indicators.iter().position(|i| *i == ind.meta.id),
            }
        })
        .collect()
}

impl Cells {
    pub fn build(ds: &Dataset, a: &Analysis) -> Cells {
        let info = info(ds, a);
        let m = ds.indicators.len();
        // Units do not depend on one another: their cells are made on every
        // core and laid end to end in unit order.
        let info_ref = &info;
        let cells: Vec<Cell> = a
            .members
            .par_iter()
            .enumerate()
            .flat_map_iter(|(u, members)| {
                // Must mirror how the analysis built its unit columns, or the
                // check would vet other numbers than the ranking used.
                let published_code = match a.rule {
                    PilotRule::Wijk => Some(a.units[u].code.as_str()),
                    _ => None,
                };
                let direct = matches!(a.rule, PilotRule::Buurt | PilotRule::Catchment);
                ds.indicators.iter().enumerate().map(move |(j, ind)| {
                    let (value, published) = match (direct, members.as_slice()) {
                        (true, [i]) => (ind.values[*i], false),
                        _ => {
                            let f = aggregate(ds, ind, published_code, members);
                            (f.value, f.origin == Origin::Published)
                        }
                    };
                    let n = if info_ref[j].microdata && value.num().is_some() {
                        let behind = units_behind(
                            ds,
                            &info_ref[j],
                            j,
                            members,
                            published_code.filter(|_| published),
                        );
                        // A count is itself the number of units it shows.
                        match (info_ref[j].is_count, value.num()) {
                            (true, Some(x)) => Some(behind.map_or(x, |n| n.min(x))),
                            _ => behind,
                        }
                    } else {
                        None
                    };
                    Cell {
                        value,
                        published,
                        n,
                    }
                })
            })
            .collect();
        Cells { info, m, cells }
    }

    pub fn get(&self, unit: usize, indicator: usize) -> &Cell {
        &self.cells[unit * self.m + indicator]
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.info.iter().position(|i| i.id == id)
    }

    pub fn indicator_count(&self) -> usize {
        self.m
    }

    /// Indicators in the order exports list them: the ranking's first (in
    /// profile order), then the rest in dataset order.
    pub fn column_order(&self) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..self.m)
            .filter(|&j| self.info[j].ranking.is_some())
            .collect();
        ranked.sort_by_key(|&j| self.info[j].ranking);
        ranked.extend((0..self.m).filter(|&j| self.info[j].ranking.is_none()));
        ranked
    }
}

/// The units behind a microdata figure: the count of its own row when the
/// figure is a row of the input, else the sum over the members that have
/// the figure (a roll-up only uses those). With several count columns in
/// one file, the smallest decides, as at load.
fn units_behind(
    ds: &Dataset,
    info: &IndicatorInfo,
    j: usize,
    members: &[usize],
    published: Option<&str>,
) -> Option<f64> {
    let ind = &ds.indicators[j];
    let mut smallest: Option<f64> = None;
    for &k in &info.counts {
        let count = &ds.indicators[k];
        let n = match published.and_then(|p| ds.index.get(p)) {
            Some(&row) => count.values[row].num()?,
            None => {
                let mut sum = 0.0;
                for &i in members.iter().filter(|&&i| ind.values[i].num().is_some()) {
                    sum += count.values[i].num()?;
                }
                sum
            }
        };
        smallest = Some(smallest.map_or(n, |s: f64| s.min(n)));
    }
    smallest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(x: f64) -> String {
        let mut s = String::new();
        push_exact(&mut s, x);
        s
    }

    #[test]
    fn exact_numbers_are_written_as_display_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            3715.0,
            17.2,
            0.1 + 0.2,
            -0.00521322198677557,
            1e14,
            999_999_999_999_999.0,
            1e15,
            -1e15,
            2f64.powi(53),
            1e21,
            1e-7,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // A spread of whole and fractional values of every size.
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for k in 0..20_000u32 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            let x = f64::from_bits(bits);
            values.push(x);
            values.push(x.trunc());
            values.push(f64::from(k) - 10_000.0);
        }
        for x in values {
            assert_eq!(exact(x), format!("{x}"), "{x:e}");
        }
    }

    #[test]
    fn absent_cells_say_why() {
        let mut s = String::new();
        push_cell_exact(&mut s, Value::Missing(Missing::Suppressed));
        push_cell_exact(&mut s, Value::Num(2.5));
        assert_eq!(s, "suppressed2.5");
    }
}
