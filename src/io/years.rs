//! What effect measurement reads besides the ordinary inputs: the
//! boundary-change column (`ind_wbi`, `Indelingswijziging`), which the
//! indicator readers skip as a region descriptor, and the embedded sample's
//! follow-up year with its code map.

use super::source::Source;
use super::text::{decode, sniff_delimiter};
use crate::domain::registry::normalise_name;
use std::collections::BTreeSet;

pub const SAMPLE_FOLLOWUP: &[(&str, &[u8])] = &[
    (
        "sample-data/kerncijfers_denkerveen_2026.csv",
        include_bytes!("../../sample-data/kerncijfers_denkerveen_2026.csv"),
    ),
    (
        "sample-data/kwb_denkerveen_2026.csv",
        include_bytes!("../../sample-data/kwb_denkerveen_2026.csv"),
    ),
];
pub const SAMPLE_CODE_MAP: (&str, &[u8]) = (
    "sample-data/codes_denkerveen_2024_2026.csv",
    include_bytes!("../../sample-data/codes_denkerveen_2024_2026.csv"),
);

pub fn sample_followup() -> Vec<Source> {
    SAMPLE_FOLLOWUP
        .iter()
        .map(|(n, b)| Source::embedded(n, b))
        .collect()
}

pub fn sample_code_map() -> Source {
    Source::embedded(SAMPLE_CODE_MAP.0, SAMPLE_CODE_MAP.1)
}

const CODE_COLUMNS: &[&str] = &[
    "gwb_code",
    "gwb_code_10",
    "buurtcode",
    "bu_code",
    "regioaanduiding/codering",
    "codering",
];

/// Codes a delimited file marks as changed: an `ind_wbi` or
/// `Indelingswijziging` value other than 1 (1 = as the year before).
/// Files without such a column (or not delimited text) mark nothing.
pub fn read_change_flags(src: &Source) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if src.looks_like_json() || src.looks_like_parquet() || src.bytes.starts_with(b"PK") {
        return out;
    }
    let decoded = decode(&src.bytes);
    let text = decoded.text.as_ref();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let Ok(header) = reader.headers() else {
        return out;
    };
    let names: Vec<String> = header.iter().map(normalise_name).collect();
    let code = names.iter().position(|n| {
        let n = n.trim_end_matches(" (code)");
        CODE_COLUMNS.contains(&n)
    });
    let flag = names
        .iter()
        .position(|n| n == "ind_wbi" || n.contains("indelingswijziging"));
    let (Some(code), Some(flag)) = (code, flag) else {
        return out;
    };
    for rec in reader.records().flatten() {
        let (Some(c), Some(f)) = (rec.get(code), rec.get(flag)) else {
            continue;
        };
        let f = f.trim();
        if f.parse::<f64>().is_ok_and(|v| v != 1.0) {
            out.insert(c.trim().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_come_from_ind_wbi_other_than_one() {
        let src = Source::from_bytes(
            "k.csv",
            b"gwb_code;regio;ind_wbi;a_inw\nBU1;A;1;5\nBU2;B;2;5\nBU3;C;.;5\n".to_vec(),
        );
        assert_eq!(read_change_flags(&src), ["BU2".to_string()].into());
        let plain = Source::from_bytes("p.csv", b"gwb_code;a_inw\nBU2;5\n".to_vec());
        assert!(read_change_flags(&plain).is_empty());
    }

    #[test]
    fn the_sample_followup_marks_the_renumbered_buurt() {
        let flags: BTreeSet<String> = sample_followup()
            .iter()
            .flat_map(read_change_flags)
            .collect();
        assert_eq!(flags, ["BU99990320".to_string()].into());
    }
}
