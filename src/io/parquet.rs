//! Parquet indicator files (an analyst's export from R or Python), read with
//! polars. Codes from a string column, figures from numeric columns; string
//! columns of figures get the same cell rules as CSV.

use super::cell::{decide_mark, is_numeric_column, parse_cell, Cell};
use super::error::LoadError;
use super::indicators::is_descriptor;
use super::source::Source;
use super::table::{is_code_column, looks_like_code};
use crate::domain::dataset::{IndicatorTable, RawIndicator, RegionRow};
use crate::domain::report::Issue;
use crate::domain::value::{Missing, Value};
use crate::said;
use polars::prelude::*;
use std::io::Cursor;

fn err(src: &Source, e: impl std::fmt::Display) -> LoadError {
    LoadError::Parquet {
        file: src.name.clone(),
        message: e.to_string(),
    }
}

fn strings(col: &Column) -> Option<Vec<Option<String>>> {
    let s = col.as_materialized_series();
    let ca = s.str().ok()?;
    Some(ca.iter().map(|v| v.map(str::to_string)).collect())
}

pub fn read_parquet(src: &Source) -> Result<IndicatorTable, LoadError> {
    let bytes: Vec<u8> = src.bytes.to_vec();
    let df = ParquetReader::new(Cursor::new(bytes))
        .finish()
        .map_err(|e| err(src, e))?;
    let cols = df.columns();
    let names: Vec<String> = cols.iter().map(|c| c.name().to_string()).collect();
    let code_idx = names.iter().position(|n| is_code_column(n)).or_else(|| {
        cols.iter().position(|c| {
            strings(c).is_some_and(|v| v.iter().flatten().take(20).any(|s| looks_like_code(s)))
        })
    });
    let Some(code_idx) = code_idx else {
        return Err(LoadError::NoCodeColumn {
            file: src.name.clone(),
            looked_for: said!(
                "gwb_code, buurtcode, statcode, Regiocode, of een tekstkolom met GM/WK/BU-codes",
                "gwb_code, buurtcode, statcode, Regiocode, or a string column of GM/WK/BU codes"
            ),
            found: names.join(", "),
        });
    };
    let codes = strings(&cols[code_idx]).ok_or_else(|| LoadError::Format {
        file: src.name.clone(),
        message: said!(
            "codekolom {:?} is geen tekst",
            "code column {:?} is not text",
            names[code_idx]
        ),
    })?;
    let mut warnings = Vec::new();
    let mut regions = Vec::new();
    let mut keep = Vec::new();
    for (row, c) in codes.iter().enumerate() {
        let code = c.as_deref().map(str::trim).unwrap_or("");
        if looks_like_code(code) {
            regions.push(RegionRow {
                code: code.to_ascii_uppercase(),
                name: None,
                line: row as u64 + 1,
            });
            keep.push(row);
        } else {
            warnings.push(Issue::row(
                &src.name,
                row as u64 + 1,
                said!(
                    "rij zonder regiocode ({code:?}): overgeslagen",
                    "row without a region code ({code:?}): skipped"
                ),
            ));
        }
    }
    let mut indicators = Vec::new();
    for (i, col) in cols.iter().enumerate() {
        let header = names[i].trim().to_string();
        if i == code_idx || is_descriptor(&header) {
            continue;
        }
        let values: Vec<Value> = if col.dtype().is_primitive_numeric() {
            let s = col
                .as_materialized_series()
                .cast(&DataType::Float64)
                .map_err(|e| err(src, e))?;
            let ca = s.f64().map_err(|e| err(src, e))?;
            let all: Vec<Option<f64>> = ca.iter().collect();
            keep.iter()
                .map(|&r| match all[r] {
                    Some(v) if v.is_finite() => Missing::from_sentinel(v)
                        .map(Value::Missing)
                        .unwrap_or(Value::Num(v)),
                    Some(_) => Value::Missing(Missing::Invalid),
                    // Parquet nulls carry no reason: the closest CBS meaning.
                    None => Value::Missing(Missing::Secret),
                })
                .collect()
        } else if let Some(all) = strings(col) {
            let cells: Vec<&str> = keep
                .iter()
                .map(|&r| all[r].as_deref().unwrap_or(""))
                .collect();
            if !is_numeric_column(cells.iter().copied()) {
                continue;
            }
            let mark = decide_mark(cells.iter().copied());
            cells
                .iter()
                .zip(&regions)
                .map(|(c, r)| match parse_cell(c, mark) {
                    Cell::Value(v) => v,
                    Cell::Invalid(t) => {
                        warnings.push(Issue::row(
                            &src.name,
                            r.line,
                            said!(
                                "kolom {header:?}: waarde {t:?} is geen getal: als ontbrekend gelezen",
                                "column {header:?}: value {t:?} is not a number: treated as missing"
                            ),
                        ));
                        Value::Missing(Missing::Invalid)
                    }
                })
                .collect()
        } else {
            continue;
        };
        indicators.push(RawIndicator {
            header,
            unit: None,
            values,
        });
    }
    Ok(IndicatorTable {
        file: src.name.clone(),
        format: "Parquet".into(),
        regions,
        indicators,
        warnings,
    })
}

/// Write a table of codes and float columns as Parquet (tests and the
/// generator use it to produce real Parquet files).
pub fn write_parquet(
    out: &mut impl std::io::Write,
    codes: &[String],
    columns: &[(String, Vec<Option<f64>>)],
) -> Result<(), String> {
    let mut cols: Vec<Column> = vec![Column::new("gwb_code".into(), codes)];
    for (name, v) in columns {
        cols.push(Column::new(name.as_str().into(), v));
    }
    let mut df = DataFrame::new(codes.len(), cols).map_err(|e| e.to_string())?;
    ParquetWriter::new(out)
        .finish(&mut df)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parquet_round_trip_with_sentinels_and_nulls() {
        let mut buf = Vec::new();
        write_parquet(
            &mut buf,
            &["GM0001".into(), "BU00010001".into(), "BU00010002".into()],
            &[
                (
                    "a_inw".into(),
                    vec![Some(300.0), Some(100.0), Some(-99997.0)],
                ),
                ("p_jz_tn".into(), vec![None, Some(12.5), Some(3.0)]),
            ],
        )
        .unwrap();
        let t = read_parquet(&Source::from_bytes("x.parquet", buf)).unwrap();
        assert_eq!(t.regions.len(), 3);
        assert_eq!(t.indicators[0].values[2], Value::Missing(Missing::Secret));
        assert_eq!(t.indicators[1].values[1], Value::Num(12.5));
        assert_eq!(t.indicators[1].values[0], Value::Missing(Missing::Secret));
    }

    #[test]
    fn garbage_is_an_error_naming_the_file() {
        let e = read_parquet(&Source::from_bytes("x.parquet", b"PAR1garbage".to_vec()))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.parquet: cannot read Parquet"), "{e}");
    }
}
