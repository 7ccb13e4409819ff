//! kwb-YYYY.xlsx as CBS publishes it: the first sheet, short column names
//! (`gwb_code_10`, `regio`, `a_inw`, `p_hh_li`, ...), the same symbols as
//! the CSV (`.` secret, empty) and numbers stored either as numbers or as
//! text with a decimal comma. Cells become text and go through the same
//! layout detection and cell parsing as the CSV, so both read alike.

use super::error::LoadError;
use super::indicators::from_raw;
use super::source::Source;
use super::table::{table_from_rows, Row};
use crate::domain::dataset::IndicatorTable;
use crate::i18n::Said;
use crate::said;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// xlsx is a zip archive like many others: the name says which kind. A
/// file named .xlsx that is not one gets the xlsx reader's clear error.
pub fn looks_like_xlsx(src: &Source) -> bool {
    matches!(src.extension().as_str(), "xlsx" | "xlsm")
}

fn err(file: &str, message: Said) -> LoadError {
    LoadError::Format {
        file: file.to_string(),
        message,
    }
}

/// Text of one cell as a CSV would have it. Numbers keep Rust's shortest
/// round-trip form, so 26.4 reads back as exactly 26.4.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

pub fn read_xlsx(src: &Source) -> Result<IndicatorTable, LoadError> {
    let file = src.name.as_str();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(&src.bytes[..])).map_err(|e| {
        err(
            file,
            said!("kan niet als xlsx lezen: {e}", "cannot read as xlsx: {e}"),
        )
    })?;
    let Some(sheet) = wb.sheet_names().first().cloned() else {
        return Err(err(
            file,
            said!("de werkmap heeft geen bladen", "the workbook has no sheets"),
        ));
    };
    let range = wb
        .worksheet_range(&sheet)
        .map_err(|e| err(file, said!("blad {sheet:?}: {e}", "sheet {sheet:?}: {e}")))?;
    // Line numbers are spreadsheet row numbers, as the user sees them.
    let first = range.start().map(|(r, _)| r as u64).unwrap_or(0);
    let rows: Vec<Row> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: first + i as u64 + 1,
            fields: cells.iter().map(cell_text).collect(),
        })
        .collect();
    if rows.is_empty() {
        return Err(LoadError::Empty {
            file: format!("{file} (sheet {sheet:?})"),
        });
    }
    let named = Source::from_bytes(&format!("{file} (sheet {sheet:?})"), Vec::new());
    let raw = table_from_rows(&named, rows, None)?;
    let mut t = from_raw(raw);
    t.file = file.to_string();
    t.format = said!("kwb xlsx, blad {sheet}", "kwb xlsx, sheet {sheet}");
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::{Missing, Value};
    use rust_xlsxwriter::Workbook;

    fn book(rows: &[&[&str]], numbers: bool) -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("KWB2024").unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match v.parse::<f64>() {
                    Ok(n) if numbers && r > 0 => ws.write_number(r as u32, c as u16, n),
                    _ => ws.write_string(r as u32, c as u16, *v),
                }
                .unwrap();
            }
        }
        wb.add_worksheet().set_name("Toelichting").unwrap();
        wb.save_to_buffer().unwrap()
    }

    const KWB: &[&[&str]] = &[
        &[
            "gwb_code_10",
            "regio",
            "gm_naam",
            "recs",
            "ind_wbi",
            "a_inw",
            "p_hh_li",
            "p_jz_tn",
        ],
        &[
            "GM0001", "Testgem", "Testgem", "Gemeente", "1", "25000", "9.5", "11",
        ],
        &[
            "BU00010001",
            "Oost",
            "Testgem",
            "Buurt",
            "1",
            "1200",
            "8.5",
            "       .",
        ],
        &[
            "BU00010002",
            "West",
            "Testgem",
            "Buurt",
            "1",
            "800",
            "26,4",
            "",
        ],
    ];

    #[test]
    fn first_sheet_short_names_symbols_and_decimal_commas() {
        let bytes = book(KWB, true);
        let src = Source::from_bytes("kwb-2024.xlsx", bytes);
        assert!(looks_like_xlsx(&src));
        let t = read_xlsx(&src).unwrap();
        assert_eq!(t.format.en, "kwb xlsx, sheet KWB2024");
        assert_eq!(t.format.nl, "kwb xlsx, blad KWB2024");
        assert_eq!(t.regions.len(), 3);
        assert_eq!(t.regions[1].code, "BU00010001");
        assert_eq!(t.regions[1].line, 3);
        let headers: Vec<&str> = t.indicators.iter().map(|i| i.header.as_str()).collect();
        assert_eq!(
            headers,
            ["a_inw", "p_hh_li", "p_jz_tn"],
            "descriptors are not indicators"
        );
        assert_eq!(t.indicators[0].values[1], Value::Num(1200.0));
        assert_eq!(t.indicators[1].values[2], Value::Num(26.4));
        assert_eq!(t.indicators[2].values[1], Value::Missing(Missing::Secret));
    }

    #[test]
    fn xlsx_reads_like_the_same_kwb_as_csv() {
        let csv: String = KWB.iter().map(|r| r.join(";") + "\n").collect();
        let from_csv = super::super::indicators::read_indicators(&Source::from_bytes(
            "kwb-2024.csv",
            csv.into_bytes(),
        ))
        .unwrap();
        for numbers in [true, false] {
            let x = read_xlsx(&Source::from_bytes("kwb-2024.xlsx", book(KWB, numbers))).unwrap();
            assert_eq!(x.indicators.len(), from_csv.indicators.len());
            for (a, b) in x.indicators.iter().zip(&from_csv.indicators) {
                assert_eq!(a.header, b.header);
                assert_eq!(a.values, b.values, "{}", a.header);
            }
        }
        assert_eq!(from_csv.format, Said::same("kwb CSV"));
    }

    #[test]
    fn sheet_without_a_code_column_names_sheet_and_columns() {
        let bytes = book(&[&["naam", "waarde"], &["x", "1"]], false);
        let e = read_xlsx(&Source::from_bytes("kwb.xlsx", bytes))
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("kwb.xlsx (sheet \"KWB2024\")") && e.contains("naam, waarde"),
            "{e}"
        );
    }

    #[test]
    fn not_an_xlsx_is_a_clear_error() {
        let e = read_xlsx(&Source::from_bytes(
            "kwb.xlsx",
            b"gwb_code;a_inw\n".to_vec(),
        ))
        .err()
        .unwrap()
        .to_string();
        assert!(e.starts_with("kwb.xlsx: cannot read as xlsx"), "{e}");
    }
}
