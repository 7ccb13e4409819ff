//! A CSV as rows of trimmed-later strings with their line numbers, plus the
//! shape detection StatLine exports need: preamble lines, a two-row header,
//! a transposed layout and a footer.

use super::cell::trim;
use super::error::LoadError;
use super::source::Source;
use super::text::{decode, sniff_delimiter};
use crate::domain::registry::normalise_name;
use crate::i18n::Said;
use crate::said;

mod records;
pub use records::Record;
use records::{LineCounter, Records};

/// One parsed record with the 1-based line it started on.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

/// A table in "regions are rows" form, whatever the file looked like.
#[derive(Debug, Clone)]
pub struct RawTable<'a> {
    pub file: String,
    pub header: Vec<String>,
    pub rows: Vec<Record<'a>>,
    pub code_col: usize,
    pub name_col: Option<usize>,
    /// Units per column when the file gives them apart from the header
    /// (the transposed export has a unit column).
    pub units: Vec<Option<String>>,
    /// Lines we skipped on purpose (title, footer), for the report.
    pub skipped: Vec<Said>,
    pub encoding_note: Option<Said>,
    pub transposed: bool,
}

/// Names of the column that holds region codes, already normalised.
pub const CODE_COLUMNS: &[&str] = &[
    "regioaanduiding/codering",
    "codering",
    "regiocode",
    "regiocode (gemeente, wijk, buurt)",
    "gwb_code",
    "gwb_code_10",
    "gwb_code_8",
    "gwb_code_10 ",
    "buurtcode",
    "bu_code",
    "statcode",
    "regio_code",
    "regiocode_buurt",
    "wijkenenbuurten",
    "code",
];

const NAME_COLUMNS: &[&str] = &[
    "wijken en buurten",
    "regio",
    "regionaam",
    "buurtnaam",
    "bu_naam",
    "statnaam",
    "naam",
];

pub fn is_code_column(header: &str) -> bool {
    let n = normalise_name(header);
    CODE_COLUMNS.contains(&n.as_str())
}

/// True for region codes as CBS writes them: GM0363, WK036300, BU03630000,
/// and since 2023 with letters (WK0363MB). NL00 for the country.
pub fn looks_like_code(raw: &str) -> bool {
    let t = trim(raw).as_bytes();
    let prefixed = |p: &[u8]| t.get(..2).is_some_and(|x| x.eq_ignore_ascii_case(p));
    if !(prefixed(b"BU") || prefixed(b"WK") || prefixed(b"GM")) {
        return t.eq_ignore_ascii_case(b"NL00") || t.eq_ignore_ascii_case(b"NL01");
    }
    let rest = &t[2..];
    (4..=8).contains(&rest.len())
        && rest.iter().all(u8::is_ascii_alphanumeric)
        && rest.iter().take(4).all(u8::is_ascii_digit)
}

pub fn read_rows(src: &Source) -> Result<(Vec<Row>, Option<Said>), LoadError> {
    let decoded = decode(&src.bytes);
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: src.name.clone(),
        });
    }
    let delim = sniff_delimiter(&decoded.text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let mut lines = LineCounter::new(decoded.text.as_bytes());
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let line = rec.position().map(|p| lines.at(p.byte())).unwrap_or(0);
                rows.push(Row {
                    line,
                    fields: rec.iter().map(str::to_string).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map(|p| lines.at(p.byte())).unwrap_or(0);
                return Err(LoadError::Csv {
                    file: src.name.clone(),
                    line,
                    message: Said::same(e.to_string()),
                });
            }
        }
    }
    Ok((rows, decoded.encoding_note))
}

/// A line left out on purpose (title, footer), with what it held.
fn skipped_line(line: u64, text: &str) -> Said {
    said!("regel {line}: {text}", "line {line}: {text}")
}

fn is_blank(row: &Record) -> bool {
    row.fields.iter().all(|f| f.trim().is_empty())
}

/// Read a CSV of regional figures in any of the CBS layouts and hand the
/// table to `f`: its cells borrow from one buffer that lives only as long.
pub fn with_table<T>(src: &Source, f: impl FnOnce(RawTable<'_>) -> T) -> Result<T, LoadError> {
    let decoded = decode(&src.bytes);
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: src.name.clone(),
        });
    }
    let delim = sniff_delimiter(&decoded.text);
    let records = Records::read(&src.name, &decoded.text, delim)?;
    let raw = layout(src, records.records(), decoded.encoding_note)?;
    Ok(f(raw))
}

/// The layout detection on rows from any container (CSV, a spreadsheet).
pub fn table_from_rows(
    src: &Source,
    rows: Vec<Row>,
    encoding_note: Option<Said>,
) -> Result<RawTable<'static>, LoadError> {
    layout(
        src,
        rows.into_iter().map(Record::from).collect(),
        encoding_note,
    )
}

fn layout<'a>(
    src: &Source,
    rows: Vec<Record<'a>>,
    encoding_note: Option<Said>,
) -> Result<RawTable<'a>, LoadError> {
    if let Some(t) = transposed(src, &rows, encoding_note.clone())? {
        return Ok(t);
    }
    let header_idx = rows
        .iter()
        .position(|r| r.fields.iter().any(|f| is_code_column(f)))
        .or_else(|| header_by_values(&rows));
    let Some(h) = header_idx else {
        let found = rows
            .iter()
            .find(|r| !is_blank(r))
            .map(|r| r.fields.join(", "))
            .unwrap_or_default();
        return Err(LoadError::NoCodeColumn {
            file: src.name.clone(),
            looked_for: said!(
                "een kolom met een naam als Regioaanduiding/Codering, Regiocode, gwb_code, buurtcode, statcode, of een kolom met GM/WK/BU-codes",
                "a column named like Regioaanduiding/Codering, Regiocode, gwb_code, buurtcode, statcode, or a column of GM/WK/BU codes"
            ),
            found,
        });
    };
    let mut skipped: Vec<Said> = rows[..h]
        .iter()
        .filter(|r| !is_blank(r))
        .map(|r| skipped_line(r.line, &r.fields.join(" ")))
        .collect();
    let mut header: Vec<String> = rows[h]
        .fields
        .iter()
        .map(|f| f.trim().to_string())
        .collect();
    let code_col = header
        .iter()
        .position(|f| is_code_column(f))
        .or_else(|| code_col_by_values(&rows[h + 1..], header.len()))
        .unwrap_or(0);
    let mut data_start = h + 1;
    // Old two-row headers: the second header row has no code in the code
    // column. Fold it into the first so titles stay unique.
    if let Some(next) = rows.get(h + 1) {
        let code = next.fields.get(code_col).map(|c| c.as_ref()).unwrap_or("");
        if !looks_like_code(code) && !is_blank(next) && rows.len() > h + 2 {
            for (i, f) in next.fields.iter().enumerate() {
                let f = f.trim();
                if f.is_empty() {
                    continue;
                }
                if let Some(hd) = header.get_mut(i) {
                    *hd = if hd.is_empty() {
                        f.to_string()
                    } else {
                        format!("{hd}/{f}")
                    };
                }
            }
            data_start = h + 2;
        }
    }
    let width = header.len();
    let mut data = Vec::new();
    for r in rows.into_iter().skip(data_start) {
        if is_blank(&r) {
            continue;
        }
        // A footer ("Bron: CBS") is one field where a record has many.
        if r.fields.len() == 1 && width > 2 {
            skipped.push(skipped_line(r.line, r.fields[0].trim()));
            continue;
        }
        data.push(r);
    }
    let name_col = header.iter().position(|f| {
        let n = normalise_name(f);
        NAME_COLUMNS.contains(&n.as_str())
    });
    let units = vec![None; width];
    Ok(RawTable {
        file: src.name.clone(),
        header,
        rows: data,
        code_col,
        name_col,
        units,
        skipped,
        encoding_note,
        transposed: false,
    })
}

/// When no header names a code column: the first row followed by rows whose
/// some column holds region codes.
fn header_by_values(rows: &[Record]) -> Option<usize> {
    (0..rows.len().min(30)).find(|&i| {
        let width = rows[i].fields.len();
        width > 1 && code_col_by_values(&rows[i + 1..], width).is_some()
    })
}

fn code_col_by_values(rows: &[Record], width: usize) -> Option<usize> {
    let sample: Vec<&Record> = rows.iter().take(50).collect();
    if sample.is_empty() {
        return None;
    }
    (0..width).find(|&c| {
        let hits = sample
            .iter()
            .filter(|r| r.fields.get(c).is_some_and(|f| looks_like_code(f)))
            .count();
        hits * 2 > sample.len()
    })
}

/// The transposed StatLine layout: variables are rows, regions are columns,
/// with a row whose first cell ends in "Codering" holding the region codes.
fn transposed<'a>(
    src: &Source,
    rows: &[Record<'a>],
    encoding_note: Option<Said>,
) -> Result<Option<RawTable<'a>>, LoadError> {
    let Some(ci) = rows.iter().take(40).position(|r| {
        r.fields.first().is_some_and(|f| {
            let n = f.trim().to_lowercase();
            n.ends_with("|codering") || n.ends_with("/codering")
        }) && r
            .fields
            .iter()
            .skip(1)
            .filter(|f| looks_like_code(f))
            .count()
            >= 1
    }) else {
        return Ok(None);
    };
    let code_row = &rows[ci];
    // Region columns: those with a code in the code row. The column before
    // them is the unit column.
    let region_cols: Vec<usize> = code_row
        .fields
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, f)| looks_like_code(f))
        .map(|(i, _)| i)
        .collect();
    let first_region = region_cols.first().copied().unwrap_or(1);
    let unit_col = if first_region >= 2 {
        Some(first_region - 1)
    } else {
        None
    };
    // The names row is the one before the code rows with a name per region
    // ("Onderwerp";"";"Nederland";...).
    let names_row = rows[..ci].iter().rev().find(|r| {
        r.fields.len() > first_region && r.fields[0].trim().eq_ignore_ascii_case("onderwerp")
    });
    let mut skipped: Vec<Said> = rows[..ci]
        .iter()
        .filter(|r| !is_blank(r) && r.fields.len() <= 1)
        .map(|r| skipped_line(r.line, &r.fields.join(" ")))
        .collect();
    let mut header = vec![
        "Regioaanduiding/Codering".to_string(),
        "Wijken en buurten".to_string(),
    ];
    let mut units = vec![None, None];
    let mut var_rows: Vec<&Record<'a>> = Vec::new();
    for r in rows.iter().skip(ci + 1) {
        if is_blank(r) {
            continue;
        }
        if r.fields.len() <= first_region {
            skipped.push(skipped_line(r.line, &r.fields.join(" ")));
            continue;
        }
        let label = r.fields[0].trim();
        // Further region descriptors (e.g. "Indelingswijziging") are not figures.
        if label.to_lowercase().starts_with("regioaanduiding") {
            let line = r.line;
            skipped.push(said!(
                "regel {line}: regiokenmerk {label}",
                "line {line}: region descriptor {label}"
            ));
            continue;
        }
        header.push(label.replace('|', "/"));
        units.push(
            unit_col
                .and_then(|u| r.fields.get(u))
                .map(|u| u.trim().to_string()),
        );
        var_rows.push(r);
    }
    if var_rows.is_empty() {
        return Err(LoadError::Format {
            file: src.name.clone(),
            message: said!(
                "gekantelde StatLine-tabel (regiocodes op regel {}) heeft geen rijen met variabelen",
                "transposed StatLine table (region codes on line {}) has no variable rows",
                code_row.line
            ),
        });
    }
    let mut data = Vec::with_capacity(region_cols.len());
    for &c in &region_cols {
        let mut fields = Vec::with_capacity(header.len());
        fields.push(code_row.fields[c].clone());
        fields.push(
            names_row
                .and_then(|n| n.fields.get(c))
                .cloned()
                .unwrap_or_default(),
        );
        for r in &var_rows {
            fields.push(r.fields.get(c).cloned().unwrap_or_default());
        }
        data.push(Record {
            // Values of one region come from many lines: quote the code row.
            line: code_row.line,
            fields,
        });
    }
    Ok(Some(RawTable {
        file: src.name.clone(),
        header,
        rows: data,
        code_col: 0,
        name_col: Some(1),
        units,
        skipped,
        encoding_note,
        transposed: true,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::from_bytes("t.csv", text.as_bytes().to_vec())
    }

    /// The table read as `read_indicators` reads it, its cells copied out.
    fn read_table(src: &Source) -> Result<RawTable<'static>, LoadError> {
        with_table(src, |t| RawTable {
            rows: t
                .rows
                .iter()
                .map(|r| Record {
                    line: r.line,
                    fields: r.fields.iter().map(|f| f.to_string().into()).collect(),
                })
                .collect(),
            file: t.file,
            header: t.header,
            code_col: t.code_col,
            name_col: t.name_col,
            units: t.units,
            skipped: t.skipped,
            encoding_note: t.encoding_note,
            transposed: t.transposed,
        })
    }

    #[test]
    fn codes_with_letters_and_padding() {
        assert!(looks_like_code("GM0363    "));
        assert!(looks_like_code("WK0363MB"));
        assert!(looks_like_code("BU03630000"));
        assert!(!looks_like_code("Amsterdam"));
        assert!(!looks_like_code("BUurt"));
        assert!(looks_like_code(" bu03630000 "));
        assert!(looks_like_code("nl00"));
        assert!(!looks_like_code("BU036"));
        assert!(!looks_like_code("BU0363000012"));
        assert!(!looks_like_code("GM03é3"));
        assert!(!looks_like_code("B"));
    }

    #[test]
    fn lines_count_from_the_file_with_crlf_and_quoted_breaks() {
        let (rows, _) = read_rows(&src("a;b\r\n\r\n\"x\ny\";1\r\nz;2\r\n\n\nw;3\n")).unwrap();
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 5, 8]);
    }

    #[test]
    fn preamble_and_footer_are_skipped() {
        let t = read_table(&src(
            "\"Kerncijfers 2016\"\n\n\"Wijken en buurten\";\"Regioaanduiding/Codering (code)\";\"Bevolking/Aantal inwoners (aantal)\"\n\"A\";\"BU00010001\";\"  100\"\n\"Bron: CBS\"\n",
        ))
        .unwrap();
        assert_eq!(t.code_col, 1);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].line, 4);
        assert_eq!(t.skipped.len(), 2);
    }

    #[test]
    fn two_row_header_is_folded() {
        let t = read_table(&src(
            "Regiocode;Bevolking;Bevolking\n;Aantal inwoners;Mannen\nBU00010001;100;50\nBU00010002;200;90\n",
        ))
        .unwrap();
        assert_eq!(t.header[1], "Bevolking/Aantal inwoners");
        assert_eq!(t.rows.len(), 2);
    }

    #[test]
    fn missing_code_column_names_what_was_found() {
        let e = read_table(&src("naam;waarde\nx;1\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.csv") && e.contains("naam, waarde"), "{e}");
    }

    #[test]
    fn codes_found_by_values_without_known_header() {
        let t = read_table(&src("id;score\nBU00010001;1\nBU00010002;2\n")).unwrap();
        assert_eq!(t.code_col, 0);
        assert_eq!(t.rows.len(), 2);
    }
}
