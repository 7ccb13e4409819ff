//! kwb-YYYY.xlsx as CBS publishes it: one data sheet first, the short
//! column names, numbers stored as numbers and the symbols (`.`, a lone
//! `,`) as text, plus an explanation sheet the reader must ignore. The
//! cells are the kwb CSV's, so both files hold the same figures.

use std::path::Path;

use anyhow::{Context, Result};
use rust_xlsxwriter::Workbook;

use super::out_tables::{kwb_fields, KWB_HEADER};
use super::publish::Row;

/// Columns before this one are codes and names: always text.
const FIRST_VALUE_COLUMN: usize = 4;

pub(crate) fn write_kwb_xlsx(path: &Path, rows: &[Row]) -> Result<()> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("KWB2024")?;
    for (c, name) in KWB_HEADER.split(';').enumerate() {
        ws.write_string(0, c as u16, name)?;
    }
    for (r, fields) in kwb_fields(rows, &[]).iter().enumerate() {
        let row = r as u32 + 1;
        for (c, field) in fields.iter().enumerate() {
            let col = c as u16;
            // The CSV's decimal comma is a display choice; Excel stores the number.
            let number = field.replace(',', ".").parse::<f64>().ok();
            match number {
                _ if field.is_empty() => continue,
                Some(n) if c >= FIRST_VALUE_COLUMN => ws.write_number(row, col, n)?,
                _ => ws.write_string(row, col, field)?,
            };
        }
    }
    let notes = wb.add_worksheet().set_name("Toelichting")?;
    notes.write_string(
        0,
        0,
        "Synthetisch voorbeeld (Denkerveen bestaat niet); opbouw als kwb-2024.xlsx",
    )?;
    // A fixed creation date keeps the file byte-identical per seed.
    let props = rust_xlsxwriter::DocProperties::new()
        .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 1)?);
    wb.set_properties(&props);
    wb.save(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
