//! Turning downloaded bytes into text: BOM, UTF-8 or Windows-1252 (DUO),
//! and the delimiter of a CSV.

use crate::i18n::Said;
use crate::said;
use std::borrow::Cow;

pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// Set when the file was not UTF-8 and we read it as Windows-1252.
    pub encoding_note: Option<Said>,
}

pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: Cow::Borrowed(s),
            encoding_note: None,
        },
        Err(e) => {
            // DUO and older CBS downloads are Windows-1252; Latin-1 is a
            // subset for every printable character, so one decoder serves both.
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Decoded {
                text: Cow::Owned(text.into_owned()),
                encoding_note: Some(said!(
                    "geen geldige UTF-8 (eerste foute byte op positie {}): als Windows-1252 gelezen",
                    "not valid UTF-8 (first bad byte at offset {}): read as Windows-1252",
                    e.valid_up_to()
                )),
            }
        }
    }
}

/// Pick the delimiter that splits the first non-empty lines most
/// consistently. Quoted text is skipped so a `;` inside a name does not vote.
pub fn sniff_delimiter(text: &str) -> u8 {
    let candidates = [b';', b',', b'\t'];
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b';', 0usize);
    for &d in &candidates {
        let counts: Vec<usize> = lines.iter().map(|l| count_unquoted(l, d)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        // Lines with the modal count: robust to a title line or a footer.
        let modal = counts.iter().filter(|&&c| c == max && c > 0).count();
        let score = modal * max;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_unquoted(line: &str, delim: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delim && !in_quotes {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_cp1252_decoded() {
        let d = decode(b"\xEF\xBB\xBFa;b");
        assert_eq!(d.text, "a;b");
        assert!(d.encoding_note.is_none());
        let d = decode(b"Basisschool De Bijenkorf \x96 Caf\xe9");
        assert_eq!(d.text, "Basisschool De Bijenkorf \u{2013} Caf\u{e9}");
        assert!(d.encoding_note.is_some());
    }

    #[test]
    fn delimiter_ignores_quoted_text() {
        assert_eq!(sniff_delimiter("\"a;b\",c,d\n\"x;y\",1,2\n"), b',');
        assert_eq!(
            sniff_delimiter("\"a\";\"b, c\";\"d\"\n\"1\";\"2\";\"3\"\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
    }
}
