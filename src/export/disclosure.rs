//! Disclosure control at export time, over the cells about to be written.
//!
//! Load already withholds microdata cells below `--min-cell`. This check is
//! the last line: it catches what load cannot see or was told not to do.
//!
//! 1. Small cells: every microdata figure written (a buurt's own, or one
//!    rolled up over a wijk or pilot area) must rest on at least `threshold`
//!    units, and a share also on `n*p` and `n*(1-p)` of at least `threshold`.
//!    A figure whose count is unknown fails too.
//! 2. Differencing: a figure of a whole region taken from the input (a
//!    wijk's or gemeente's own row) includes the data of any suppressed
//!    member; written next to the other members, it gives the suppressed one
//!    away. Our own roll-ups only add up visible members and cannot.
//!
//! Scores, contributions, ranks, z and percentiles are computed without the
//! suppressed cells, and means over the scope only use visible values, so
//! they cannot reveal one either.

use super::cells::Cells;
use super::{ExportContext, ExportError};
use crate::domain::dataset::DEFAULT_MIN_CELL;
use crate::domain::teams::ConditionCheck;
use crate::domain::value::{Missing, Value};
use crate::i18n::Said;
use crate::said;
use std::collections::BTreeSet;
use std::fmt;

/// One cell an export may not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub indicator: String,
    /// Unit (or region) code.
    pub unit: String,
    pub why: Said,
}

/// By indicator, unit, then the English reason: the order the findings
/// have always been listed in (provenance, error).
impl Ord for Finding {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.indicator, &self.unit, &self.why.en, &self.why.nl).cmp(&(
            &other.indicator,
            &other.unit,
            &other.why.en,
            &other.why.nl,
        ))
    }
}

impl PartialOrd for Finding {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// English, as the provenance records it.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.indicator, self.unit, self.why)
    }
}

impl Finding {
    fn text_nl(&self) -> String {
        format!("{} {}: {}", self.indicator, self.unit, self.why.nl)
    }
}

/// What the check found, for the provenance and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct DisclosureSummary {
    /// Minimum units per cell at export.
    pub threshold: u32,
    /// The threshold load suppressed at (0 = nothing suppressed).
    pub load_min_cell: u32,
    pub allow_small_cells: bool,
    /// Microdata indicators with the suppressed cells written, per indicator.
    pub suppressed: Vec<(String, usize)>,
    /// Cells below the threshold written anyway (only with
    /// `allow_small_cells`; otherwise the export fails on them).
    pub findings: Vec<Finding>,
}

impl DisclosureSummary {
    pub fn microdata(&self) -> impl Iterator<Item = &str> {
        self.suppressed.iter().map(|(id, _)| id.as_str())
    }

    pub fn suppressed_total(&self) -> usize {
        self.suppressed.iter().map(|(_, n)| n).sum()
    }
}

const SHOWN: usize = 12;

pub fn message(threshold: u32, findings: &[Finding]) -> String {
    let shown: Vec<String> = findings.iter().take(SHOWN).map(|f| f.to_string()).collect();
    let more = findings.len().saturating_sub(SHOWN);
    format!(
        "export refused by disclosure control: {} microdata cell(s) would be based on fewer than {threshold} units or could be recomputed: {}{}. Load with a --min-cell of at least {threshold}, remove the totals that allow the differencing from the input, or write them anyway with `buurtradar export --allow-small-cells` (recorded in the provenance; not for publication)",
        findings.len(),
        shown.join("; "),
        if more > 0 {
            format!("; and {more} more")
        } else {
            String::new()
        }
    )
}

/// [`message`] in Dutch.
pub fn message_nl(threshold: u32, findings: &[Finding]) -> String {
    let shown: Vec<String> = findings.iter().take(SHOWN).map(Finding::text_nl).collect();
    let more = findings.len().saturating_sub(SHOWN);
    format!(
        "export geweigerd door de onthullingscontrole: {} op minder dan {threshold} eenheden berusten of terug te rekenen zijn: {}{}. Laad met een --min-cell van minstens {threshold}, haal de totalen die het terugrekenen mogelijk maken uit de invoer, of schrijf ze toch met `buurtradar export --allow-small-cells` (vastgelegd in de herkomst; niet voor publicatie)",
        match findings.len() {
            1 => "1 microdatacel zou".to_string(),
            n => format!("{n} microdatacellen zouden"),
        },
        shown.join("; "),
        if more > 0 {
            format!("; en nog {more}")
        } else {
            String::new()
        }
    )
}

pub fn threshold(ctx: &ExportContext) -> u32 {
    ctx.options
        .min_cell
        .or(ctx.inputs.min_cell)
        .or(ctx.inputs.disclosure.min_cell)
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_MIN_CELL)
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// Rule 1 for one written figure; `None` when it may be written.
fn small(value: f64, n: Option<f64>, share: bool, t: f64) -> Option<Said> {
    let Some(n) = n else {
        return Some(said!(
            "het aantal eenheden erachter is onbekend",
            "the number of units behind it is unknown"
        ));
    };
    if n < t {
        let n = num(n);
        return Some(said!("gebaseerd op {n} eenheden", "based on {n} units"));
    }
    if share {
        let p = (value / 100.0).clamp(0.0, 1.0);
        if n * p < t {
            let np = num(n * p);
            return Some(said!("n*p = {np} gevallen", "n*p = {np} cases"));
        }
        if n * (1.0 - p) < t {
            let nq = num(n * (1.0 - p));
            return Some(said!(
                "complement n*(1-p) = {nq}",
                "complement n*(1-p) = {nq}"
            ));
        }
    }
    None
}

fn is_suppressed(v: Value) -> bool {
    v == Value::Missing(Missing::Suppressed)
}

pub fn check(ctx: &ExportContext, cells: &Cells) -> Result<DisclosureSummary, ExportError> {
    let t = threshold(ctx);
    let tf = f64::from(t);
    let ds = ctx.ds;
    let a = ctx.analysis;
    let units = a.units.len();
    let mut found: BTreeSet<Finding> = BTreeSet::new();
    let mut suppressed = Vec::new();
    let micro: Vec<usize> = (0..cells.indicator_count())
        .filter(|&j| cells.info[j].microdata)
        .collect();

    for &j in &micro {
        let info = &cells.info[j];
        let mut n_suppressed = 0;
        for u in 0..units {
            let c = cells.get(u, j);
            match c.value {
                Value::Num(x) => {
                    if let Some(why) = small(x, c.n, info.share, tf) {
                        found.insert(Finding {
                            indicator: info.id.clone(),
                            unit: a.units[u].code.clone(),
                            why,
                        });
                    }
                }
                v if is_suppressed(v) => n_suppressed += 1,
                _ => {}
            }
            if c.published && c.value.num().is_some() {
                // The wijk's own row covers every buurt of the wijk.
                let code = &a.units[u].code;
                let covers = |i: usize| ds.areas[i].wijk_code.as_deref() == Some(code.as_str());
                differencing(ctx, cells, j, code, u, &covers, &mut found);
            }
        }
        suppressed.push((info.id.clone(), n_suppressed));
    }

    // Team reasons quote the gemeente's figure next to the unit's: when
    // that is the gemeente's own row of a microdata file, it is a published
    // total over every unit of the gemeente.
    for p in &ctx.teams.proposals {
        let Some(u) = a.units.iter().position(|x| x.code == p.buurt_code) else {
            continue;
        };
        let gm = &a.units[u].gemeente_code;
        let Some(&row) = ds.index.get(gm) else {
            continue;
        };
        for check in team_checks(p) {
            let Some(j) = cells.index(&check.indicator) else {
                continue;
            };
            let info = &cells.info[j];
            if !info.microdata || check.gemeente_value.is_none() {
                continue;
            }
            let Value::Num(x) = ds.indicators[j].values[row] else {
                continue;
            };
            let n = info
                .counts
                .iter()
                .map(|&k| ds.indicators[k].values[row].num())
                .try_fold(f64::INFINITY, |acc, n| n.map(|n| acc.min(n)))
                .filter(|n| n.is_finite());
            let n = if info.is_count {
                Some(n.map_or(x, |n| n.min(x)))
            } else {
                n
            };
            if let Some(why) = small(x, n, info.share, tf) {
                found.insert(Finding {
                    indicator: info.id.clone(),
                    unit: gm.clone(),
                    why: said!(
                        "gemeentecijfer in de teamredenen {why}",
                        "gemeente figure in the team reasons {why}";
                        why
                    ),
                });
            }
            let covers = |i: usize| ds.areas[i].gemeente_code == *gm;
            differencing(ctx, cells, j, gm, usize::MAX, &covers, &mut found);
        }
    }

    let findings: Vec<Finding> = found.into_iter().collect();
    if !findings.is_empty() && !ctx.options.allow_small_cells {
        return Err(ExportError::SmallCells {
            threshold: t,
            findings,
        });
    }
    Ok(DisclosureSummary {
        threshold: t,
        load_min_cell: ctx.inputs.min_cell(),
        allow_small_cells: ctx.options.allow_small_cells,
        suppressed,
        findings,
    })
}

/// Rule 2: a published figure of a region, written in the same export as
/// units inside that region of which one is suppressed.
fn differencing(
    ctx: &ExportContext,
    cells: &Cells,
    j: usize,
    region: &str,
    region_unit: usize,
    covers: &dyn Fn(usize) -> bool,
    found: &mut BTreeSet<Finding>,
) {
    let a = ctx.analysis;
    let hidden: Vec<&str> = (0..a.units.len())
        .filter(|&v| v != region_unit)
        .filter(|&v| a.members[v].iter().all(|&i| covers(i)))
        .filter(|&v| is_suppressed(cells.get(v, j).value))
        .map(|v| a.units[v].code.as_str())
        .collect();
    if !hidden.is_empty() {
        found.insert(Finding {
            indicator: cells.info[j].id.clone(),
            unit: region.to_string(),
            why: {
                let hidden = hidden.join(", ");
                said!(
                    "het eigen cijfer staat naast dat van de andere eenheden, zodat de onderdrukte {hidden} door aftrekken terug te rekenen zijn",
                    "its own figure is written next to its other units, so suppressed {hidden} could be recomputed by differencing"
                )
            },
        });
    }
}

fn team_checks(p: &crate::domain::teams::TeamProposal) -> Vec<&ConditionCheck> {
    let mut v: Vec<&ConditionCheck> = Vec::new();
    for m in p.members.iter().chain(&p.dropped_by_cap) {
        v.extend(&m.reasons);
    }
    for u in &p.unmet {
        v.extend(&u.member.reasons);
    }
    if let Some(nt) = &p.not_triggered {
        v.extend(nt.iter().filter_map(|n| n.closest.as_ref()));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reads_in_dutch_with_each_reason_and_in_english_as_before() {
        let findings = vec![Finding {
            indicator: "n_kinderen_4_12".into(),
            unit: "BU99990209".into(),
            why: small(4.0, Some(4.0), false, 10.0).unwrap(),
        }];
        let en = message(10, &findings);
        assert!(
            en.starts_with("export refused by disclosure control: 1 microdata cell(s) would be based on fewer than 10 units or could be recomputed: n_kinderen_4_12 BU99990209: based on 4 units. "),
            "{en}"
        );
        assert_eq!(
            ExportError::SmallCells {
                threshold: 10,
                findings: findings.clone()
            }
            .to_string(),
            en
        );
        let nl = message_nl(10, &findings);
        assert!(
            nl.starts_with("export geweigerd door de onthullingscontrole: 1 microdatacel zou op minder dan 10 eenheden berusten of terug te rekenen zijn: n_kinderen_4_12 BU99990209: gebaseerd op 4 eenheden. "),
            "{nl}"
        );
        let two = [findings.clone(), findings].concat();
        assert!(message_nl(10, &two).contains(": 2 microdatacellen zouden op minder dan 10"));
    }
}
