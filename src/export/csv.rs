//! The full ranking as one rectangular table: a row per unit, with
//! eligibility, stability, the team, and per indicator the unit's value
//! (weighted indicators first, each followed by its contribution to the
//! score). Absent values say why ("suppressed", "secret/unknown"), never 0;
//! their contribution is 0 because they did not count.
//! Provenance goes to a sidecar TOML so that every CSV reader can open the
//! table as it is; the sidecar's `[[columns]]` list gives each indicator's
//! labels (Dutch, English) and unit, since the header keeps the ids.

use super::cells::cell_exact;
use super::{Document, ExportError, Exporter, Format};

pub struct Csv;

pub const SIDECAR_SUFFIX: &str = ".provenance.toml";

impl Exporter for Csv {
    fn format(&self) -> Format {
        Format::Csv
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        table(doc).map_err(ExportError::other)
    }

    fn sidecar(&self, doc: &Document) -> Result<Option<(&'static str, Vec<u8>)>, ExportError> {
        let mut text = doc.provenance.to_toml()?;
        text.push('\n');
        text.push_str(&columns_toml(doc)?);
        Ok(Some((SIDECAR_SUFFIX, text.into_bytes())))
    }
}

/// One indicator of the table as the sidecar describes it: the header
/// keeps the id, people read the label.
#[derive(serde::Serialize)]
struct ColumnRecord<'a> {
    id: &'a str,
    label_nl: &'a str,
    label_en: &'a str,
    /// The labels are made from the column name (no registry entry).
    label_from_name: bool,
    unit: &'a str,
    /// The table's columns that hold this indicator.
    csv_columns: Vec<String>,
}

#[derive(serde::Serialize)]
struct ColumnList<'a> {
    columns: Vec<ColumnRecord<'a>>,
}

/// The `[[columns]]` list of the sidecar: per indicator its labels in
/// both languages and its unit.
fn columns_toml(doc: &Document) -> Result<String, ExportError> {
    let cells = &doc.cells;
    let columns = cells
        .column_order()
        .into_iter()
        .map(|j| {
            let i = &cells.info[j];
            let mut csv_columns = vec![format!("value_{}", i.id)];
            if i.ranking.is_some() {
                csv_columns.push(format!("contribution_{}", i.id));
            }
            ColumnRecord {
                id: &i.id,
                label_nl: &i.label_nl,
                label_en: &i.label_en,
                label_from_name: i.label_from_name,
                unit: &i.unit,
                csv_columns,
            }
        })
        .collect();
    toml::to_string(&ColumnList { columns }).map_err(ExportError::other)
}

/// A text cell that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, as OWASP
/// recommends for CSV injection; a number (`-3.5`) stays a number.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn table(doc: &Document) -> Result<Vec<u8>, csv::Error> {
    let cells = &doc.cells;
    let columns = cells.column_order();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "rank",
        "eligible_rank",
        "code",
        "name",
        "gemeente_code",
        "gemeente",
        "score",
        "coverage",
        "eligible",
        "shortlisted",
        "stability",
        "p_top_k",
        "rank_median",
        "rank_p05",
        "rank_p95",
        "primary_schools",
        "inhabitants",
        "children_0_15",
        "team",
        "reasons",
        "members",
        "chosen_by",
        "removed_by_hand",
        "rank_range",
        "tied",
        "small_population",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for &j in &columns {
        let id = &cells.info[j].id;
        header.push(format!("value_{id}"));
        if cells.info[j].ranking.is_some() {
            header.push(format!("contribution_{id}"));
        }
    }
    let smoothed_ids = super::spatial::smoothed_ids(doc);
    header.extend(smoothed_ids.iter().map(|id| format!("smoothed_{id}")));
    header.extend(["lisa_i", "lisa_p", "lisa_class"].map(String::from));
    w.write_record(header.iter().map(|h| neutralise(h).into_owned()))?;
    let f = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    let o = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
    for (&u, r) in doc.order.iter().zip(&doc.rows) {
        let mut rec = vec![
            r.rank.map(|x| x.to_string()).unwrap_or_default(),
            r.eligible_rank.map(|x| x.to_string()).unwrap_or_default(),
            r.code.clone(),
            r.name.clone(),
            r.gemeente_code.clone(),
            r.gemeente.clone(),
            f(r.score),
            format!("{}", r.coverage),
            r.eligible.to_string(),
            r.shortlisted.to_string(),
            r.label.clone().unwrap_or_default(),
            f(r.p_top_k),
            o(r.rank_median),
            o(r.rank_p05),
            o(r.rank_p95),
            o(r.schools),
            f(r.inhabitants),
            f(r.children_0_15),
            doc.team_names(&r.code).join("; "),
            r.reasons.join("; "),
            r.members.join(" "),
            r.chosen_by.map(|c| c.id().to_string()).unwrap_or_default(),
            r.removed_by_hand.to_string(),
            r.rank_range
                .map(|(lo, hi)| format!("{lo}-{hi}"))
                .unwrap_or_default(),
            r.tied.to_string(),
            r.small_population.to_string(),
        ];
        for &j in &columns {
            let v = cells.get(u, j).value;
            rec.push(cell_exact(v));
            if let Some(k) = cells.info[j].ranking {
                // 0 where the value is absent: it did not count, and the
                // value column beside it says why.
                rec.push(match r.score {
                    None => String::new(),
                    Some(_) => format!("{}", r.contributions.get(k).copied().unwrap_or(0.0)),
                });
            }
        }
        for id in &smoothed_ids {
            rec.push(f(super::spatial::smoothed(doc, u, id)));
        }
        let (li, lp, lc) = super::spatial::lisa(doc, u);
        rec.extend([f(li), f(lp), lc.to_string()]);
        w.write_record(rec.iter().map(|c| neutralise(c).into_owned()))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_are_neutralised_and_numbers_stay_numbers() {
        for hostile in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        for safe in ["-3.5", "+2", "12", "Kleiakker", "", "a=b"] {
            assert_eq!(neutralise(safe), safe);
        }
    }
}
