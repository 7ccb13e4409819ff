//! CSV records read once into one text buffer: the fields of every record
//! lie end to end in it, and a record lends its fields from there instead
//! of owning a `String` per cell.

use super::Row;
use crate::i18n::Said;
use crate::io::error::LoadError;
use crate::said;
use std::borrow::Cow;
use std::ops::Range;

/// One record with the 1-based line it started on. Fields are borrowed
/// from a [`Records`] buffer, or owned when they come from a spreadsheet.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub line: u64,
    pub fields: Vec<Cow<'a, str>>,
}

impl From<Row> for Record<'static> {
    fn from(row: Row) -> Self {
        Record {
            line: row.line,
            fields: row.fields.into_iter().map(Cow::Owned).collect(),
        }
    }
}

/// All records of a CSV: their fields' text in one string, each field's
/// end in it, and per record its line and first field.
pub struct Records {
    text: String,
    ends: Vec<usize>,
    starts: Vec<(u64, usize)>,
}

impl Records {
    /// Split `text` with the csv crate, as [`super::read_rows`] does, but
    /// copy each record's fields into the shared buffer.
    pub fn read(file: &str, text: &str, delimiter: u8) -> Result<Records, LoadError> {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut lines = LineCounter::new(text.as_bytes());
        let mut buf: Vec<u8> = Vec::with_capacity(text.len());
        let mut ends = Vec::new();
        let mut starts = Vec::new();
        let mut rec = csv::ByteRecord::new();
        loop {
            match rdr.read_byte_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {
                    let line = rec.position().map(|p| lines.at(p.byte())).unwrap_or(0);
                    starts.push((line, ends.len()));
                    let base = buf.len();
                    buf.extend_from_slice(rec.as_slice());
                    ends.extend(
                        (0..rec.len())
                            .filter_map(|i| rec.range(i))
                            .map(|r| base + r.end),
                    );
                }
                Err(e) => {
                    let line = e.position().map(|p| lines.at(p.byte())).unwrap_or(0);
                    return Err(LoadError::Csv {
                        file: file.to_string(),
                        line,
                        message: Said::same(e.to_string()),
                    });
                }
            }
        }
        // The input is UTF-8 and the csv crate only splits at and drops
        // ASCII bytes, so every field stays UTF-8; checked once here.
        let text = String::from_utf8(buf).map_err(|e| LoadError::Csv {
            file: file.to_string(),
            line: 0,
            message: said!(
                "veldtekst is geen UTF-8: {e}",
                "field text is not UTF-8: {e}"
            ),
        })?;
        Ok(Records { text, ends, starts })
    }

    /// The records, lending their fields from the buffer.
    pub fn records(&self) -> Vec<Record<'_>> {
        let next = self.starts.iter().skip(1).map(|&(_, f)| f);
        self.starts
            .iter()
            .zip(next.chain([self.ends.len()]))
            .map(|(&(line, first), last)| Record {
                line,
                fields: (first..last)
                    .map(|k| Cow::Borrowed(self.field(k)))
                    .collect(),
            })
            .collect()
    }

    fn field(&self, k: usize) -> &str {
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p]);
        self.text.get(start..self.ends[k]).unwrap_or("")
    }
}

/// Line numbers from byte offsets. csv's own line count lags behind on
/// CRLF files; the line comes from the record's byte offset instead.
/// Records come in file order, so the newlines are counted once, from
/// where the last record was.
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    counted: (usize, u64),
}

impl<'a> LineCounter<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted: (0, 0),
        }
    }

    /// The 1-based line of the record starting at `byte`.
    pub fn at(&mut self, byte: u64) -> u64 {
        let bytes = self.bytes;
        let mut b = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while b < bytes.len() && (bytes[b] == b'\n' || bytes[b] == b'\r') {
            b += 1;
        }
        if b < self.counted.0 {
            self.counted = (0, 0);
        }
        let span: Range<usize> = self.counted.0..b;
        self.counted.1 += bytes[span].iter().filter(|&&c| c == b'\n').count() as u64;
        self.counted.0 = b;
        self.counted.1 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read_rows, Source};
    use super::*;
    use crate::io::text::sniff_delimiter;
    use proptest::prelude::*;

    type Lines = Vec<(u64, Vec<String>)>;

    fn fast(text: &str) -> Result<Lines, String> {
        let records =
            Records::read("t.csv", text, sniff_delimiter(text)).map_err(|e| e.to_string())?;
        Ok(records
            .records()
            .into_iter()
            .map(|r| (r.line, r.fields.iter().map(|f| f.to_string()).collect()))
            .collect())
    }

    fn owned(text: &str) -> Result<Lines, String> {
        let (rows, _) = read_rows(&Source::from_bytes("t.csv", text.as_bytes().to_vec()))
            .map_err(|e| e.to_string())?;
        Ok(rows.into_iter().map(|r| (r.line, r.fields)).collect())
    }

    #[test]
    fn edge_cases_split_as_the_owned_reader_does() {
        for text in [
            "a;b\r\n\r\n\"x\ny\";1\r\nz;2\r\n\n\nw;3\n",
            "\"a\"\"b\";\"\";;\n;\n\"open",
            "x,\"1,5\",\"é\"\r\n\r\n,,\n",
            "Kop;\"Zee\"dijk\";\"  20.8\"\nsolo\n\"\"\n",
            "a\tb\tc\n1\t\"2\t3\"\t\n",
        ] {
            assert_eq!(fast(text), owned(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn random_text_splits_as_the_owned_reader_does(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "BU0001", "12", ",5", ";", ",", "\t", "\"", "\"\"", "\n", "\r\n", "\r",
                    " ", ".", "é", "\u{a0}", "-",
                ]),
                1..80,
            )
        ) {
            let text: String = parts.concat();
            prop_assume!(!text.trim().is_empty());
            prop_assert_eq!(fast(&text), owned(&text));
        }
    }
}
