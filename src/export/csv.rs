//! The full ranking as one rectangular table: a row per unit, with
//! eligibility, stability, the team, and per indicator the unit's value
//! (weighted indicators first, each followed by its contribution to the
//! score). Absent values say why ("suppressed", "secret/unknown"), never 0;
//! their contribution is 0 because they did not count.
//! Provenance goes to a sidecar TOML so that every CSV reader can open the
//! table as it is; the sidecar's `[[columns]]` list gives each indicator's
//! labels (Dutch, English) and unit, since the header keeps the ids.

use super::cells::push_cell_exact;
use super::exact::push_exact;
use super::{Document, ExportError, Exporter, Format};
use crate::domain::analysis::UnitRow;
use rayon::prelude::*;

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
        let mut text = doc.provenance()?.to_toml()?;
        text.push('\n');
        text.push_str(&columns_toml(doc)?);
        Ok(Some((SIDECAR_SUFFIX, text.into_bytes())))
    }

    fn render_reads_provenance(&self) -> bool {
        false
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
    let mut bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    // Rows do not depend on one another: runs of them are written on every
    // core and joined in order, the same bytes as one writer gives.
    let parts: Vec<Result<Vec<u8>, csv::Error>> = doc
        .order
        .par_chunks(ROWS_PER_PART)
        .zip(doc.rows.par_chunks(ROWS_PER_PART))
        .map(|(order, rows)| write_rows(doc, &columns, &smoothed_ids, order, rows))
        .collect();
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    bytes.reserve_exact(parts.iter().map(Vec::len).sum());
    for part in parts {
        bytes.extend_from_slice(&part);
    }
    Ok(bytes)
}

/// Rows handed to one writer at a time.
const ROWS_PER_PART: usize = 1024;

fn write_rows(
    doc: &Document,
    columns: &[usize],
    smoothed_ids: &[&str],
    order: &[usize],
    rows: &[UnitRow],
) -> Result<Vec<u8>, csv::Error> {
    let cells = &doc.cells;
    let mut out = RowWriter {
        w: csv::Writer::from_writer(Vec::new()),
        buf: String::new(),
    };
    for (&u, r) in order.iter().zip(rows) {
        out.int(r.rank)?;
        out.int(r.eligible_rank)?;
        out.text(&r.code)?;
        out.text(&r.name)?;
        out.text(&r.gemeente_code)?;
        out.text(&r.gemeente)?;
        out.num(r.score)?;
        out.num(Some(r.coverage))?;
        out.int(Some(r.eligible))?;
        out.int(Some(r.shortlisted))?;
        out.text(r.label.as_deref().unwrap_or_default())?;
        out.num(r.p_top_k)?;
        out.int(r.rank_median)?;
        out.int(r.rank_p05)?;
        out.int(r.rank_p95)?;
        out.int(r.schools)?;
        out.num(r.inhabitants)?;
        out.num(r.children_0_15)?;
        let team = doc
            .team(&r.code)
            .map(|p| &p.members[..])
            .unwrap_or_default();
        out.joined(team.iter().map(|m| m.name_nl.as_str()), "; ")?;
        out.joined(r.reasons.iter().map(String::as_str), "; ")?;
        out.joined(r.members.iter().map(String::as_str), " ")?;
        out.text(r.chosen_by.map(|c| c.id()).unwrap_or_default())?;
        out.int(Some(r.removed_by_hand))?;
        out.range(r.rank_range)?;
        out.int(Some(r.tied))?;
        out.int(Some(r.small_population))?;
        for &j in columns {
            out.buf.clear();
            push_cell_exact(&mut out.buf, cells.get(u, j).value);
            out.flush_buf()?;
            if let Some(k) = cells.info[j].ranking {
                // 0 where the value is absent: it did not count, and the
                // value column beside it says why.
                out.num(
                    r.score
                        .map(|_| r.contributions.get(k).copied().unwrap_or(0.0)),
                )?;
            }
        }
        for id in smoothed_ids {
            out.num(super::spatial::smoothed(doc, u, id))?;
        }
        let (li, lp, lc) = super::spatial::lisa(doc, u);
        out.num(li)?;
        out.num(lp)?;
        out.text(lc)?;
        out.w.write_record(std::iter::empty::<&[u8]>())?;
    }
    out.w.into_inner().map_err(|e| e.into_error().into())
}

/// Writes a row's cells one by one through a single reused buffer: a
/// national table has a million cells, and a string per cell (twice, with
/// the neutralising copy) was most of the export's time.
struct RowWriter {
    w: csv::Writer<Vec<u8>>,
    buf: String,
}

impl RowWriter {
    fn text(&mut self, cell: &str) -> Result<(), csv::Error> {
        self.w.write_field(neutralise(cell).as_bytes())
    }

    /// The buffer as one cell, neutralised like any text.
    fn flush_buf(&mut self) -> Result<(), csv::Error> {
        self.w.write_field(neutralise(&self.buf).as_bytes())
    }

    /// A number in full precision, empty when absent. A number's text is
    /// never neutralised (it parses as a number), so it goes straight out.
    fn num(&mut self, v: Option<f64>) -> Result<(), csv::Error> {
        self.buf.clear();
        if let Some(x) = v {
            push_exact(&mut self.buf, x);
        }
        self.w.write_field(self.buf.as_bytes())
    }

    /// A count, flag or other value as it displays, empty when absent.
    fn int<T: std::fmt::Display>(&mut self, v: Option<T>) -> Result<(), csv::Error> {
        use std::fmt::Write;
        self.buf.clear();
        if let Some(x) = v {
            // Writing to a String cannot fail.
            let _ = write!(self.buf, "{x}");
        }
        self.flush_buf()
    }

    fn range(&mut self, v: Option<(usize, usize)>) -> Result<(), csv::Error> {
        use std::fmt::Write;
        self.buf.clear();
        if let Some((lo, hi)) = v {
            // Writing to a String cannot fail.
            let _ = write!(self.buf, "{lo}-{hi}");
        }
        self.flush_buf()
    }

    fn joined<'a>(
        &mut self,
        parts: impl Iterator<Item = &'a str>,
        sep: &str,
    ) -> Result<(), csv::Error> {
        self.buf.clear();
        for (i, p) in parts.enumerate() {
            if i > 0 {
                self.buf.push_str(sep);
            }
            self.buf.push_str(p);
        }
        self.flush_buf()
    }
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
