//! The CBS table "buurt, wijk en gemeente per postcode en huisnummer"
//! (`PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024`, Windows-1252, buurt
//! codes without the `BU` prefix), used to place DUO address lists in
//! buurten. Nationally it has about 9 million rows, so it is streamed with
//! the `csv` crate and only the addresses the school list asks for are
//! kept; the columns read are plain ASCII, so no decoding is needed.

use crate::i18n::Said;
use crate::io::error::LoadError;
use crate::said;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// A postcode (4 digits, 2 letters, upper case, no space) and house number.
pub type Address = ([u8; 6], u32);

/// `"5038 ab"` -> `5038AB`; None when it is not a Dutch postcode.
pub fn postcode(raw: &[u8]) -> Option<[u8; 6]> {
    let mut out = [0u8; 6];
    let mut n = 0;
    for &b in raw
        .iter()
        .filter(|b| !b.is_ascii_whitespace() && **b != b'"')
    {
        if n == 6 {
            return None;
        }
        out[n] = b.to_ascii_uppercase();
        n += 1;
    }
    let ok = n == 6
        && out[..4].iter().all(u8::is_ascii_digit)
        && out[4..].iter().all(u8::is_ascii_uppercase);
    ok.then_some(out)
}

/// The house number: the leading digits (`12a`, `12-2`, `12 A` -> 12).
pub fn house_number(raw: &[u8]) -> Option<u32> {
    let t: Vec<u8> = raw
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == b'"')
        .take_while(u8::is_ascii_digit)
        .collect();
    std::str::from_utf8(&t)
        .ok()?
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// `08551001` or `8551001` (leading zero lost in a spreadsheet) -> `BU08551001`.
fn buurt_code(raw: &[u8]) -> Option<String> {
    let t = std::str::from_utf8(raw)
        .ok()?
        .trim()
        .trim_matches('"')
        .trim();
    let upper = t.to_ascii_uppercase();
    if upper.starts_with("BU") && upper.len() > 2 {
        return Some(upper);
    }
    if !upper.is_empty() && upper.len() <= 8 && upper.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some(format!("BU{upper:0>8}"));
    }
    None
}

/// What the table gave for the addresses asked.
#[derive(Debug, Default)]
pub struct Lookup {
    pub found: HashMap<Address, String>,
    /// Data rows read (all of them, not only the kept ones).
    pub rows: u64,
    /// Per kept address with an unusable buurt code: line and value.
    pub bad_codes: Vec<(u64, String)>,
}

fn err(file: &str, message: Said) -> LoadError {
    LoadError::Format {
        file: file.to_string(),
        message,
    }
}

fn header_names(line: &[u8], delim: u8) -> Vec<String> {
    let text = String::from_utf8_lossy(line);
    text.trim_start_matches('\u{feff}')
        .trim_end_matches(['\r', '\n'])
        .split(delim as char)
        .map(|h| h.trim().trim_matches('"').trim().to_string())
        .collect()
}

fn column(names: &[String], pick: impl Fn(&str) -> bool) -> Option<usize> {
    names.iter().position(|n| pick(&n.to_ascii_lowercase()))
}

/// Streams the table at `path`, keeping the buurt of each address in `needed`.
pub fn read_table(path: &Path, needed: &[Address]) -> Result<Lookup, LoadError> {
    let file = path.display().to_string();
    let f = File::open(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader = BufReader::with_capacity(1 << 20, f);
    let mut first = Vec::new();
    reader
        .read_until(b'\n', &mut first)
        .map_err(|e| err(&file, said!("kan niet lezen: {e}", "cannot read: {e}")))?;
    if first.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty { file });
    }
    let delim = if first.iter().filter(|b| **b == b';').count()
        >= first.iter().filter(|b| **b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let names = header_names(&first, delim);
    let pc = column(&names, |n| matches!(n, "pc6" | "postcode" | "pc"));
    let nr = column(&names, |n| {
        matches!(n, "huisnummer" | "huisnr" | "hnr" | "huisnummer-toevoeging")
    });
    let bu = column(&names, |n| {
        (n.starts_with("buurt") && !n.contains("naam")) || n == "bu_code"
    });
    let (Some(pc), Some(nr), Some(bu)) = (pc, nr, bu) else {
        let missing: Vec<&str> = [
            (pc, "postcode (PC6)"),
            (nr, "house number (Huisnummer)"),
            (bu, "buurt code (Buurt2024, ...)"),
        ]
        .iter()
        .filter(|(c, _)| c.is_none())
        .map(|(_, w)| *w)
        .collect();
        return Err(err(
            &file,
            Said::new(
                format!(
                    "geen CBS-postcodetabel (PC6;Huisnummer;Buurt...): geen kolom {}; aanwezige kolommen: {}",
                    missing.join(", geen kolom "),
                    names.join(", ")
                ),
                format!(
                    "not a CBS postcode table (PC6;Huisnummer;Buurt...): no {} column; columns are: {}",
                    missing.join(", no "),
                    names.join(", ")
                ),
            ),
        ));
    };
    let wanted: std::collections::HashSet<Address> = needed.iter().copied().collect();
    let mut out = Lookup::default();
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::ByteRecord::new();
    let mut line = 1u64;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(LoadError::Csv {
                    file,
                    line: line + 1,
                    message: Said::same(e.to_string()),
                })
            }
        }
        line += 1;
        out.rows += 1;
        let (Some(p), Some(n)) = (
            record.get(pc).and_then(postcode),
            record.get(nr).and_then(house_number),
        ) else {
            continue;
        };
        if !wanted.contains(&(p, n)) || out.found.contains_key(&(p, n)) {
            continue;
        }
        let raw = record.get(bu).unwrap_or_default();
        match buurt_code(raw) {
            Some(code) => {
                out.found.insert((p, n), code);
            }
            None => out
                .bad_codes
                .push((line, String::from_utf8_lossy(raw).into_owned())),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn postcodes_and_numbers() {
        assert_eq!(postcode(b"5038 ab"), Some(*b"5038AB"));
        assert_eq!(postcode(b"\"5038AB\""), Some(*b"5038AB"));
        assert_eq!(postcode(b"503 AB"), None);
        assert_eq!(postcode(b"5038 ABC"), None);
        assert_eq!(house_number(b"12a"), Some(12));
        assert_eq!(house_number(b" 12-2"), Some(12));
        assert_eq!(house_number(b"a12"), None);
        assert_eq!(house_number(b"0"), None);
        assert_eq!(buurt_code(b"08551001").as_deref(), Some("BU08551001"));
        assert_eq!(buurt_code(b"8551001").as_deref(), Some("BU08551001"));
        assert_eq!(buurt_code(b"BU08551001").as_deref(), Some("BU08551001"));
        assert_eq!(buurt_code(b"0855-1001"), None);
    }

    fn table(text: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text).unwrap();
        f
    }

    #[test]
    fn keeps_only_the_addresses_asked_for() {
        let f = table(
            b"PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024\r\n5038AB;1;08550110;085501;0855\r\n5038AB;2;8550111;085501;0855\r\n1017RV;9;03630000;036300;0363\r\n5038AB;3;x-y;085501;0855\r\n",
        );
        let want = [
            (*b"5038AB", 2),
            (*b"1017RV", 9),
            (*b"5038AB", 3),
            (*b"9999ZZ", 1),
        ];
        let l = read_table(f.path(), &want).unwrap();
        assert_eq!(l.rows, 4);
        assert_eq!(l.found.len(), 2);
        assert_eq!(l.found[&(*b"5038AB", 2)], "BU08550111");
        assert_eq!(l.found[&(*b"1017RV", 9)], "BU03630000");
        assert_eq!(l.bad_codes, vec![(5, "x-y".to_string())]);
    }

    #[test]
    fn other_columns_are_a_clear_error() {
        let f = table(b"postcode;straat;woonplaats\n5038AB;Dorpsstraat;Tilburg\n");
        let e = read_table(f.path(), &[]).unwrap_err().to_string();
        assert!(
            e.contains("not a CBS postcode table")
                && e.contains("no house number (Huisnummer), no buurt code")
                && e.contains("columns are: postcode, straat, woonplaats"),
            "{e}"
        );
    }
}
