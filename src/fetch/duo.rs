//! DUO's open-data list "Alle vestigingen basisonderwijs" (`;`, CRLF,
//! Windows-1252). The gemeente's lines are kept byte for byte, header
//! included, so the file reads exactly as the national download does;
//! `--postcode-table` places its schools later.

use super::error::{FetchError, Problem, Service};
use super::gemeente::Gemeente;
use super::http::Client;

pub const DEFAULT_URL: &str =
    "https://www.duo.nl/open_onderwijsdata/images/03.-alle-vestigingen-basisonderwijs.csv";

pub struct DuoResult {
    pub csv: Vec<u8>,
    /// SHA-256 input: the national list as downloaded.
    pub downloaded: Vec<u8>,
    pub schools: usize,
}

pub fn fetch_schools(client: &Client, url: &str, g: &Gemeente) -> Result<DuoResult, FetchError> {
    let body = client.get(url, &Service::Duo)?;
    let (csv, schools) = keep_gemeente(&body, g, url)?;
    Ok(DuoResult {
        csv,
        downloaded: body,
        schools,
    })
}

/// The header and the gemeente's lines of the national list.
pub fn keep_gemeente(body: &[u8], g: &Gemeente, url: &str) -> Result<(Vec<u8>, usize), FetchError> {
    let looks_binary_or_html = body.contains(&0)
        || body
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'<' || *b == b'{');
    if looks_binary_or_html {
        return Err(FetchError::answer(url, Problem::NotText));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut records = Vec::new();
    for r in reader.byte_records() {
        let r = r.map_err(|_| FetchError::answer(url, Problem::NotText))?;
        let start = r.position().map(|p| p.byte() as usize).unwrap_or(0);
        records.push((start, r));
    }
    let Some((_, header)) = records.first() else {
        return Err(FetchError::answer(url, Problem::NotText));
    };
    let names: Vec<String> = header
        .iter()
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    let Some(col) = names
        .iter()
        .position(|n| n.eq_ignore_ascii_case("GEMEENTENUMMER"))
    else {
        return Err(FetchError::answer(
            url,
            Problem::NoColumn {
                wanted: "GEMEENTENUMMER".into(),
                found: names.join(", "),
            },
        ));
    };
    // A record's bytes run to the start of the next one (or the end).
    let span = |i: usize| {
        let start = records[i].0;
        let end = records.get(i + 1).map_or(body.len(), |(s, _)| *s);
        &body[start..end]
    };
    let mut out = span(0).to_vec();
    let mut kept = 0;
    for (i, (_, r)) in records.iter().enumerate().skip(1) {
        let number = r
            .get(col)
            .and_then(|f| std::str::from_utf8(f).ok())
            .and_then(|s| s.trim().parse::<u32>().ok());
        if number == Some(g.number()) {
            out.extend_from_slice(span(i));
            kept += 1;
        }
    }
    if kept == 0 {
        return Err(FetchError::answer(url, Problem::NoRows(g.code.clone())));
    }
    // The csv reader starts a record after its `\r`, so each kept span
    // runs from the `\n` ending the line before to its own `\r`: only the
    // last line needs its terminator completed.
    if out.ends_with(b"\r") {
        out.push(b'\n');
    } else if !out.ends_with(b"\n") {
        out.extend_from_slice(b"\r\n");
    }
    Ok((out, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goirle() -> Gemeente {
        Gemeente {
            code: "GM0785".into(),
            name: "Goirle".into(),
        }
    }

    #[test]
    fn keeps_header_and_the_gemeentes_lines_byte_for_byte() {
        let body = b"A;GEMEENTENUMMER;C\r\nx;0785;\xe9\r\ny;0855;z\r\nq;785;r";
        let (out, n) = keep_gemeente(body, &goirle(), "u").unwrap();
        assert_eq!(n, 2);
        assert_eq!(out, b"A;GEMEENTENUMMER;C\r\nx;0785;\xe9\r\nq;785;r\r\n");
        let (out, _) =
            keep_gemeente(b"A;GEMEENTENUMMER\r\nx;0785\r\ny;0855\r\n", &goirle(), "u").unwrap();
        assert_eq!(out, b"A;GEMEENTENUMMER\r\nx;0785\r\n");
        let (out, _) = keep_gemeente(b"A;GEMEENTENUMMER\nx;0785\ny;1\n", &goirle(), "u").unwrap();
        assert_eq!(out, b"A;GEMEENTENUMMER\nx;0785\n");
    }

    #[test]
    fn html_and_lists_without_the_column_are_refused() {
        let e = keep_gemeente(b"<html>", &goirle(), "u").unwrap_err();
        assert!(e.to_string().starts_with("u: "), "{e}");
        let e = keep_gemeente(b"A;B\r\n1;2\r\n", &goirle(), "u").unwrap_err();
        assert!(e.to_string().contains("GEMEENTENUMMER"), "{e}");
    }
}
