//! StatLine exports whose `Perioden` column holds several years: the rows
//! of one year, so one download can be the baseline and the follow-up.
//! A period is matched on its start: `2022` selects `2022` and `2022JJ00`.

use super::error::LoadError;
use super::source::Source;
use super::text::{decode, sniff_delimiter};
use crate::i18n::Said;
use crate::said;
use std::collections::BTreeSet;

const PERIOD_COLUMNS: &[&str] = &["perioden", "periode", "jaar"];

fn format_err(src: &Source, message: Said) -> LoadError {
    LoadError::Format {
        file: src.name.clone(),
        message,
    }
}

/// The index of the period column of a delimited file, with the file's text
/// and delimiter; `None` for files without one (or not delimited text).
fn period_column(src: &Source) -> Option<(String, u8, usize)> {
    if src.looks_like_json() || src.looks_like_parquet() || src.bytes.starts_with(b"PK") {
        return None;
    }
    let text = decode(&src.bytes).text.into_owned();
    let delim = sniff_delimiter(&text);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(text.as_bytes());
    let col = r.headers().ok()?.iter().position(|h| {
        PERIOD_COLUMNS.contains(
            &h.trim()
                .trim_start_matches('\u{feff}')
                .to_lowercase()
                .as_str(),
        )
    })?;
    Some((text, delim, col))
}

/// The distinct periods of a file's period column (empty without one).
pub fn periods(src: &Source) -> BTreeSet<String> {
    let Some((text, delim, col)) = period_column(src) else {
        return BTreeSet::new();
    };
    csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(col).map(|v| v.trim().to_string()))
        .filter(|v| !v.is_empty())
        .collect()
}

/// The file with only the rows of `period` (and its header), named
/// `<file> (Perioden <period>)`. A file without a period column, or whose
/// column lacks the period, is an error naming what the file holds.
pub fn select_period(src: &Source, period: &str) -> Result<Source, LoadError> {
    let Some((text, delim, col)) = period_column(src) else {
        return Err(format_err(
            src,
            said!(
                "geen kolom Perioden om {period} uit te kiezen",
                "no Perioden column to select {period} from"
            ),
        ));
    };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    // Keep each wanted row as written: byte ranges of the text.
    let _ = r.headers();
    let mut kept = String::with_capacity(text.len());
    let body_start = r.position().byte() as usize;
    kept.push_str(&text[..body_start]);
    let mut start = body_start;
    let mut seen = BTreeSet::new();
    let mut rows = 0usize;
    loop {
        match r.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(format_err(
                    src,
                    said!("regel {line}: {e}", "line {line}: {e}"),
                ));
            }
        }
        let end = r.position().byte() as usize;
        let value = record.get(col).unwrap_or("").trim();
        if value.starts_with(period) {
            kept.push_str(&text[start..end]);
            rows += 1;
        } else if !value.is_empty() {
            seen.insert(value.to_string());
        }
        start = end;
    }
    // Records end before their line break's last byte: keep the file's
    // final line break.
    if text.ends_with('\n') && !kept.ends_with('\n') {
        kept.push('\n');
    }
    if rows == 0 {
        return Err(format_err(
            src,
            said!(
                "geen rijen van periode {period}; de kolom Perioden bevat: {}",
                "no rows of period {period}; its Perioden column holds: {}",
                seen.iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok(Source::from_bytes(
        &format!("{} (Perioden {period})", src.name),
        kept.into_bytes(),
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn src(text: &str) -> Source {
        Source::from_bytes("kwb.csv", text.as_bytes().to_vec())
    }

    const TWO_YEARS: &str = "\u{feff}\"Perioden\";\"Codering\";\"a\"\r\n\
        \"2022JJ00\";\"BU01\";\"1,5\"\r\n\
        \"2024JJ00\";\"BU01\";\"2,5\"\r\n\
        \"2022JJ00\";\"BU02\";\"3;5\"\r\n";

    #[test]
    fn one_year_of_two_keeps_the_header_and_its_rows_as_written() {
        let s = select_period(&src(TWO_YEARS), "2022").unwrap();
        let text = String::from_utf8(s.bytes.to_vec()).unwrap();
        // The byte-order mark goes (the text is decoded), the rest stays.
        assert_eq!(
            text,
            "\"Perioden\";\"Codering\";\"a\"\r\n\"2022JJ00\";\"BU01\";\"1,5\"\r\n\"2022JJ00\";\"BU02\";\"3;5\"\r\n"
        );
        assert_eq!(s.name, "kwb.csv (Perioden 2022)");
        assert_eq!(
            periods(&src(TWO_YEARS)).into_iter().collect::<Vec<_>>(),
            ["2022JJ00", "2024JJ00"]
        );
    }

    #[test]
    fn a_missing_period_or_column_is_an_error_naming_what_is_there() {
        let e = select_period(&src(TWO_YEARS), "2023")
            .unwrap_err()
            .to_string();
        assert!(e.contains("kwb.csv") && e.contains("2023"), "{e}");
        assert!(e.contains("2022JJ00, 2024JJ00"), "{e}");
        let e = select_period(&src("code;a\nBU01;1\n"), "2022")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no Perioden column"), "{e}");
        assert!(periods(&src("code;a\nBU01;1\n")).is_empty());
    }
}
