//! Where each feature's text lies in a FeatureCollection, found by following
//! only strings and brackets: a national file is mostly digits, which a
//! full parse reads one by one and this steps over.
//!
//! The scan proves nothing about the text between the brackets: every
//! slice it hands out is parsed in full later (features by the split read,
//! the other members here), so a file that is not valid JSON is still
//! refused. Anything it is unsure of (an escaped or repeated member name,
//! a top level that is not an object) gives `None`, and the file is read
//! the one-pass way.

use rayon::prelude::*;
use serde::de::IgnoredAny;
use serde_json::Value as Json;

/// The members of the collection the reader needs.
pub(super) struct Collection<'a> {
    pub(super) kind: Option<String>,
    pub(super) crs: Option<Json>,
    /// The text of each entry of `features`, if it is an array.
    pub(super) features: Option<Vec<&'a [u8]>>,
}

pub(super) fn scan(bytes: &[u8]) -> Option<Collection<'_>> {
    let mut s = Scanner::new(bytes);
    let mut c = Collection {
        kind: None,
        crs: None,
        features: None,
    };
    let mut seen = [false; 3];
    s.expect(b'{')?;
    if s.peek()? == b'}' {
        s.at += 1;
    } else {
        loop {
            let key = s.string()?;
            // Escapes would need decoding to compare: the one-pass read does.
            if key.contains(&b'\\') {
                return None;
            }
            // A name the one-pass read refuses (not UTF-8, a control byte).
            serde_json::from_slice::<&str>(key).ok()?;
            s.expect(b':')?;
            let slot = match key {
                b"\"type\"" => Some(0),
                b"\"crs\"" => Some(1),
                b"\"features\"" => Some(2),
                _ => None,
            };
            match slot {
                // A repeated member is an error in the one-pass read.
                Some(k) if seen[k] => return None,
                Some(k) => seen[k] = true,
                None => {}
            }
            match slot {
                Some(0) => c.kind = serde_json::from_slice(s.value()?).ok()?,
                Some(1) => c.crs = serde_json::from_slice(s.value()?).ok()?,
                Some(_) => c.features = s.features()?,
                None => {
                    serde_json::from_slice::<IgnoredAny>(s.value()?).ok()?;
                }
            }
            match s.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
    }
    s.at_end().then_some(c)
}

/// A place in JSON text, stepped over member by member.
pub(super) struct Scanner<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Scanner { bytes, at: 0 }
    }

    /// Only whitespace left.
    pub(super) fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.at == self.bytes.len()
    }

    /// JSON's four whitespace bytes, as the parser takes them.
    pub(super) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    pub(super) fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.at).copied()
    }

    pub(super) fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    pub(super) fn expect(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// A string with its quotes.
    pub(super) fn string(&mut self) -> Option<&'a [u8]> {
        self.expect(b'"')?;
        let start = self.at - 1;
        self.skip_string_body()?;
        self.bytes.get(start..self.at)
    }

    /// From after an opening quote to after the closing one.
    fn skip_string_body(&mut self) -> Option<()> {
        loop {
            let rest = self.bytes.get(self.at..)?;
            let k = rest.iter().position(|b| *b == b'"' || *b == b'\\')?;
            self.at += k;
            if self.bytes.get(self.at) == Some(&b'\\') {
                self.at += 2;
            } else {
                self.at += 1;
                return Some(());
            }
        }
    }

    /// The text of one value, brackets balanced; not checked beyond that.
    pub(super) fn value(&mut self) -> Option<&'a [u8]> {
        let first = self.peek()?;
        let start = self.at;
        match first {
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    self.skip_blocks(&mut depth);
                    let rest = self.bytes.get(self.at..)?;
                    let k = rest
                        .iter()
                        .position(|b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']'))?;
                    self.at += k + 1;
                    match rest.get(k)? {
                        b'"' => self.skip_string_body()?,
                        b'{' | b'[' => depth += 1,
                        _ => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
            }
            b'"' => {
                self.at += 1;
                self.skip_string_body()?;
            }
            _ => {
                while let Some(b) = self.bytes.get(self.at) {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
            }
        }
        let v = self.bytes.get(start..self.at)?;
        (!v.is_empty()).then_some(v)
    }

    /// Steps over whole blocks of bytes that hold no quote and cannot close
    /// the value (fewer closing brackets than its depth), counting their
    /// brackets at once: coordinates are mostly such blocks, and a byte at a
    /// time was the longest part of the scan.
    fn skip_blocks(&mut self, depth: &mut usize) {
        const BLOCK: usize = 16;
        while let Some(block) = self.bytes.get(self.at..self.at + BLOCK) {
            let (mut opens, mut closes, mut quotes) = (0u8, 0u8, 0u8);
            for &b in block {
                opens += u8::from(b == b'{' || b == b'[');
                closes += u8::from(b == b'}' || b == b']');
                quotes += u8::from(b == b'"');
            }
            if quotes > 0 || usize::from(closes) >= *depth {
                return;
            }
            *depth = *depth + usize::from(opens) - usize::from(closes);
            self.at += BLOCK;
        }
    }

    /// The `features` member: `null`, or an array whose entries are cut out.
    fn features(&mut self) -> Option<Option<Vec<&'a [u8]>>> {
        if self.peek()? != b'[' {
            let v = self.value()?;
            // Anything but null is refused by the one-pass read; let it say so.
            return (v == b"null").then_some(None);
        }
        self.at += 1;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(Some(Vec::new()));
        }
        let (entries, end) = entries(self.bytes, self.at)?;
        self.at = end;
        Some(Some(entries))
    }
}

/// Arrays shorter than this are cut on one thread.
const PARALLEL_FROM: usize = 4 << 20;

/// The entries of an array from `at`, the start of its first entry, and
/// where the array ends. A long array is cut in pieces at once: each piece
/// but the first starts where an entry seems to start (`entry_start`) and
/// the piece before stops there. Only if that piece arrives at exactly that
/// place, about to read an entry, are the next piece's entries taken: the
/// cut from a place depends on nothing but the place, so they are the
/// entries one pass would find. Otherwise one pass goes on from where the
/// pieces stopped agreeing.
fn entries(bytes: &[u8], at: usize) -> Option<(Vec<&[u8]>, usize)> {
    let pieces = if bytes.len().saturating_sub(at) < PARALLEL_FROM {
        1
    } else {
        rayon::current_num_threads().clamp(1, 8)
    };
    entries_in(bytes, at, pieces)
}

fn entries_in(bytes: &[u8], at: usize, pieces: usize) -> Option<(Vec<&[u8]>, usize)> {
    let len = bytes.len().saturating_sub(at);
    if pieces <= 1 {
        return match cut(bytes, at, None)? {
            Cut::Done(out, end) => Some((out, end)),
            Cut::Stopped(..) => None,
        };
    }
    let mut starts = vec![at];
    for i in 1..pieces {
        let from = (at + len / pieces * i).max(starts[starts.len() - 1] + 1);
        if let Some(s) = entry_start(bytes, from) {
            starts.push(s);
        }
    }
    starts.dedup();
    let cuts: Vec<Option<Cut>> = (0..starts.len())
        .into_par_iter()
        .map(|i| cut(bytes, starts[i], starts.get(i + 1).copied()))
        .collect();
    let mut out = Vec::new();
    let mut resume = at;
    for (i, c) in cuts.into_iter().enumerate() {
        if resume != starts[i] {
            break;
        }
        match c {
            Some(Cut::Done(mut more, end)) => {
                out.append(&mut more);
                return Some((out, end));
            }
            Some(Cut::Stopped(mut more, stop)) => {
                out.append(&mut more);
                resume = stop;
            }
            // Only the first piece is known to start at an entry.
            None if i == 0 => return None,
            None => break,
        }
    }
    match cut(bytes, resume, None)? {
        Cut::Done(mut more, end) => {
            out.append(&mut more);
            Some((out, end))
        }
        Cut::Stopped(..) => None,
    }
}

enum Cut<'a> {
    /// The entries up to the array's end, and the place after its `]`.
    Done(Vec<&'a [u8]>, usize),
    /// The entries before the first that starts at or after the stop, and
    /// where that entry starts.
    Stopped(Vec<&'a [u8]>, usize),
}

/// The entries of an array from `at`, the start of an entry, to the array's
/// end or to the first entry starting at or after `stop`.
fn cut(bytes: &[u8], at: usize, stop: Option<usize>) -> Option<Cut<'_>> {
    let mut s = Scanner { bytes, at };
    let mut out = Vec::new();
    loop {
        s.skip_ws();
        if stop.is_some_and(|stop| s.at >= stop) {
            return Some(Cut::Stopped(out, s.at));
        }
        out.push(s.value()?);
        match s.next()? {
            b',' => continue,
            b']' => return Some(Cut::Done(out, s.at)),
            _ => return None,
        }
    }
}

/// The next place from `from` that looks like the start of a feature: an
/// object after `}` and `,`. Only a guess (the text may be inside a string
/// or deeper in a feature); `entries` checks it.
fn entry_start(bytes: &[u8], from: usize) -> Option<usize> {
    let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut at = from;
    loop {
        at += bytes.get(at..)?.iter().position(|&b| b == b'}')? + 1;
        let mut i = at;
        while bytes.get(i).is_some_and(ws) {
            i += 1;
        }
        if bytes.get(i) != Some(&b',') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(ws) {
            i += 1;
        }
        if bytes.get(i) == Some(&b'{') {
            return Some(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::number::generate::Rng;
    use super::*;

    #[test]
    fn features_are_cut_where_a_full_parse_finds_them() {
        let docs = [
            r#"{"type":"FeatureCollection","features":[{"a":1},{"b":[1,{"c":"]}"}]}]}"#,
            " \r\n{ \"name\" : \"x]}\\\"\" ,\t\"features\" : [ {\"s\":\"\\\\\"} , [ ] , 12 , \"t\" , null ] , \"type\" : \"FeatureCollection\" , \"crs\":{\"properties\":{\"name\":\"EPSG:28992\"}} }\n",
            r#"{"features":[],"type":"FeatureCollection","bbox":[0,1e3,-2.5,4]}"#,
            r#"{"type":null,"features":[{"x":"ü\u00fc"}],"other":{"deep":[[["{"]]]}}"#,
        ];
        for d in docs {
            let full: Json = serde_json::from_str(d).unwrap();
            let c = scan(d.as_bytes()).unwrap();
            let features: Vec<Json> = c
                .features
                .unwrap()
                .iter()
                .map(|f| serde_json::from_slice(f).unwrap())
                .collect();
            assert_eq!(Json::Array(features), full["features"], "{d}");
            assert_eq!(c.kind.as_deref(), full["type"].as_str(), "{d}");
            assert_eq!(
                c.crs.as_ref(),
                full.get("crs").filter(|v| !v.is_null()),
                "{d}"
            );
        }
        let none = scan(br#"{"type":"FeatureCollection","features":null}"#).unwrap();
        assert!(none.features.is_none());
    }

    /// A random JSON value: long arrays of numbers as in coordinates, and
    /// strings full of brackets, quotes and escapes.
    fn random_value(r: &mut Rng, depth: u32) -> Json {
        let pick = if depth == 0 { r.below(3) } else { r.below(6) };
        match pick {
            0 => Json::from(r.below(1_000_000) as f64 / 8.0),
            1 => {
                let parts = ["[", "]", "{", "}", "\"", "\\", "x", " ", "]]]]", "ü"];
                let n = r.below(12);
                Json::from(
                    (0..n)
                        .map(|_| parts[r.below(parts.len() as u64) as usize])
                        .collect::<String>(),
                )
            }
            2 => Json::Null,
            3 | 4 => {
                let n = if r.below(3) == 0 {
                    r.below(60)
                } else {
                    r.below(4)
                };
                Json::Array((0..n).map(|_| random_value(r, depth - 1)).collect())
            }
            _ => {
                let n = r.below(5);
                Json::Object(
                    (0..n)
                        .map(|i| (format!("k{i}]"), random_value(r, depth - 1)))
                        .collect(),
                )
            }
        }
    }

    #[test]
    fn long_random_features_are_cut_where_a_full_parse_finds_them() {
        let mut r = Rng(0x5DEE_CE66_D1CE_4E5B);
        for round in 0..300 {
            let features: Vec<Json> = (0..1 + r.below(6))
                .map(|_| {
                    let depth = 1 + r.below(7) as u32;
                    random_value(&mut r, depth)
                })
                .collect();
            let doc = serde_json::json!({"type": "FeatureCollection", "features": features});
            let text = if round % 2 == 0 {
                serde_json::to_string(&doc).unwrap()
            } else {
                serde_json::to_string_pretty(&doc).unwrap()
            };
            let c = scan(text.as_bytes()).unwrap();
            let cut: Vec<Json> = c
                .features
                .unwrap()
                .iter()
                .map(|f| serde_json::from_slice(f).unwrap())
                .collect();
            assert_eq!(cut, features, "{text}");
        }
    }

    /// Entries full of what looks like the start of an entry: `},{` in
    /// strings, in geometry collections, and after the array's end.
    fn decoy_feature(r: &mut Rng, i: usize) -> String {
        let decoys = [
            r#""a},{b""#,
            r#""},{\"}, {""#,
            r#"{"type":"GeometryCollection","geometries":[{"x":1},{"y":[2,{"z":3}]}, {}]}"#,
            r#"[{}, {}]"#,
            r#"null"#,
            r#""\\"},{"#,
        ];
        let n = r.below(4) as usize;
        let values: Vec<String> = (0..n)
            .map(|k| {
                let d = decoys[r.below(decoys.len() as u64) as usize];
                format!(r#""k{k}": {d}"#)
            })
            .collect();
        match r.below(8) {
            0 => format!("[{i}, {{}}]"),
            1 => format!(r#""s{i}}},{{""#),
            _ if values.is_empty() => format!(r#"{{"id":{i}}}"#),
            _ => format!(r#"{{"id":{i},{}}}"#, values.join(",\n ")),
        }
    }

    #[test]
    fn entries_cut_in_pieces_are_the_entries_cut_in_one_pass() {
        let mut r = Rng(0x0123_4567_89AB_CDEF);
        let (mut agreed, mut stopped_agreeing) = (0, 0);
        for round in 0..2_000 {
            let n = 1 + r.below(30) as usize;
            let features: Vec<String> = (0..n).map(|i| decoy_feature(&mut r, i)).collect();
            let sep = if round % 2 == 0 { "," } else { " ,\n  " };
            let mut text = format!(
                r#"{{"type":"FeatureCollection","features":[{}],"after":[{{}},{{}}, {{"x":"}},{{"}}]}}"#,
                features.join(sep)
            );
            // Now and then broken, so a piece fails or ends early.
            if r.below(5) == 0 {
                let at = r.below(text.len() as u64) as usize;
                text.replace_range(at..=at, "]");
            }
            let bytes = text.as_bytes();
            let Some(open) = text.find('[') else { continue };
            let mut s = Scanner::new(bytes);
            s.at = open + 1;
            if s.peek() == Some(b']') {
                continue;
            }
            let at = s.at;
            let one = entries_in(bytes, at, 1);
            for pieces in 2..=6 {
                let got = entries_in(bytes, at, pieces);
                assert_eq!(got, one, "{pieces} pieces: {text}");
            }
            if one.is_some() {
                agreed += 1;
            } else {
                stopped_agreeing += 1;
            }
        }
        assert!(
            agreed > 500 && stopped_agreeing > 100,
            "{agreed} {stopped_agreeing}"
        );
    }

    #[test]
    fn what_it_is_unsure_of_is_left_to_the_full_parse() {
        for d in [
            r#"{"\u0074ype":"FeatureCollection","features":[]}"#,
            r#"{"type":"FeatureCollection","features":[],"features":[]}"#,
            r#"{"type":"FeatureCollection","features":[]} x"#,
            r#"{"type":"FeatureCollection","features":[]"#,
            r#"{"type":"FeatureCollection" "features":[]}"#,
            r#"{"type":"FeatureCollection","features":{}}"#,
            r#"{"type":"FeatureCollection","features":[{"a":"]}"#,
            r#"{"type":"FeatureCollection","features":[{},]}"#,
            r#"{"type":"FeatureCollection","features":[],"x":[1,}"#,
            r#"{"type":7,"features":[]}"#,
            r#"[{"type":"FeatureCollection"}]"#,
            "",
            "{\"type\":\"FeatureCollection\",\"features\":[],\"a\u{1}\":1}",
        ] {
            assert!(scan(d.as_bytes()).is_none(), "{d}");
        }
        let not_utf8 = b"{\"type\":\"FeatureCollection\",\"features\":[],\"\xff\":1}";
        assert!(serde_json::from_slice::<Json>(not_utf8).is_err());
        assert!(scan(not_utf8).is_none());
    }
}
