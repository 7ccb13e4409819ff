//! Indicator files: StatLine CSV (normal and transposed), kwb CSV, Parquet,
//! and figures attached to boundary features. All end as an
//! [`IndicatorTable`]: region codes down, indicator columns across.

use super::cell::{trim, Cell, Column};
use super::error::LoadError;
use super::source::Source;
use super::table::{looks_like_code, with_table, RawTable};
use crate::domain::dataset::{IndicatorTable, RawIndicator, RegionRow};
use crate::domain::registry::unit_from_title;
use crate::domain::report::Issue;
use crate::domain::value::{Missing, Value};
use crate::i18n::Said;
use crate::said;

pub use super::descriptor::is_descriptor;

pub fn read_indicators(src: &Source) -> Result<IndicatorTable, LoadError> {
    if src.looks_like_parquet() || src.extension() == "parquet" {
        return super::parquet::read_parquet(src);
    }
    if super::xlsx::looks_like_xlsx(src) {
        return super::xlsx::read_xlsx(src);
    }
    with_table(src, from_raw)
}

fn format_label(raw: &RawTable) -> Said {
    if raw.transposed {
        said!("StatLine CSV (getransponeerd)", "StatLine CSV (transposed)")
    } else if raw
        .header
        .iter()
        .any(|h| h.contains('/') && h.trim_end().ends_with(')'))
    {
        "StatLine CSV".into()
    } else if raw
        .header
        .get(raw.code_col)
        .is_some_and(|h| h.trim().to_ascii_lowercase().starts_with("gwb_code"))
    {
        "kwb CSV".into()
    } else {
        "CSV".into()
    }
}

/// Turn a raw table into typed indicator columns, reporting every cell we
/// could not read and every row we could not use.
pub fn from_raw(raw: RawTable<'_>) -> IndicatorTable {
    let mut warnings = Vec::new();
    if let Some(note) = &raw.encoding_note {
        warnings.push(Issue::file(&raw.file, note.clone()));
    }
    for s in &raw.skipped {
        warnings.push(Issue::file(
            &raw.file,
            Said::new(
                format!("overgeslagen: {}", s.nl),
                format!("skipped {}", s.en),
            ),
        ));
    }
    let width = raw.header.len();
    let mut regions = Vec::with_capacity(raw.rows.len());
    let mut kept_rows = Vec::with_capacity(raw.rows.len());
    for row in &raw.rows {
        let code = row.fields.get(raw.code_col).map(|c| trim(c)).unwrap_or("");
        if !looks_like_code(code) {
            warnings.push(Issue::line(
                &raw.file,
                row.line,
                said!(
                    "rij zonder regiocode (de codekolom bevat {code:?}): overgeslagen",
                    "row without a region code (code column holds {code:?}): skipped"
                ),
            ));
            continue;
        }
        if row.fields.len() != width {
            warnings.push(Issue::line(
                &raw.file,
                row.line,
                said!(
                    "{} velden waar de kop er {width} heeft: ontbrekende velden als leeg gelezen",
                    "{} fields where the header has {width}: missing fields read as empty",
                    row.fields.len()
                ),
            ));
        }
        let name = raw
            .name_col
            .and_then(|c| row.fields.get(c))
            .map(|n| trim(n))
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        regions.push(RegionRow {
            code: code.to_ascii_uppercase(),
            name,
            line: row.line,
        });
        kept_rows.push(row);
    }
    // Indicator columns, each with its trimmed header.
    let wanted: Vec<(usize, String)> = (0..width)
        .filter(|&col| col != raw.code_col && Some(col) != raw.name_col)
        .map(|col| (col, raw.header[col].trim().to_string()))
        .filter(|(_, h)| !h.is_empty() && !is_descriptor(h))
        .collect();
    // Read row by row, as the rows lie in memory, and judge the columns
    // afterwards.
    let mut columns: Vec<Column> = wanted
        .iter()
        .map(|_| Column::with_capacity(kept_rows.len()))
        .collect();
    for r in &kept_rows {
        for ((col, _), column) in wanted.iter().zip(&mut columns) {
            column.push(r.fields.get(*col).map(|f| f.as_ref()).unwrap_or(""));
        }
    }
    let mut indicators = Vec::new();
    for ((col, header), column) in wanted.into_iter().zip(columns) {
        // An all-symbol column ("." throughout) is a published but empty
        // indicator, not text: keep it so coverage shows 0%.
        if !column.is_numeric() && !column.all_symbols() {
            warnings.push(Issue::file(
                &raw.file,
                said!(
                    "kolom {header:?} bevat tekst, geen cijfers: niet als indicator gebruikt",
                    "column {header:?} is text, not figures: not used as an indicator"
                ),
            ));
            continue;
        }
        let mut values = Vec::with_capacity(kept_rows.len());
        for (r, c) in kept_rows.iter().zip(column.cells(column.mark())) {
            match c {
                Cell::Value(v) => values.push(v),
                Cell::Invalid(text) => {
                    warnings.push(Issue::line(
                        &raw.file,
                        r.line,
                        said!(
                            "kolom {header:?}: waarde {text:?} is geen getal: als ontbrekend gelezen",
                            "column {header:?}: value {text:?} is not a number: treated as missing"
                        ),
                    ));
                    values.push(Value::Missing(Missing::Invalid));
                }
            }
        }
        let unit = raw.units[col].clone().or_else(|| unit_from_title(&header));
        indicators.push(RawIndicator {
            header,
            unit,
            values,
        });
    }
    IndicatorTable {
        file: raw.file.clone(),
        format: format_label(&raw),
        regions,
        indicators,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> IndicatorTable {
        read_indicators(&Source::from_bytes("t.csv", text.as_bytes().to_vec())).unwrap()
    }

    #[test]
    fn statline_quirks() {
        let t = table(
            "\u{feff}\"Perioden\";\"Wijken en buurten\";\"Regiocode (gemeente, wijk, buurt) (code)\";\"Opleidingsniveau/Laag/Waarde (%)\";\"Leeg (%)\"\r\n\
             \"2019\";\"Amsterdam\";\"GM0363    \";\"    20.8\";\"       .\"\r\n\
             \"2019\";\"Kop Zeedijk\";\"BU03630000\";\"       .\";\"       .\"\r\n",
        );
        assert_eq!(t.regions.len(), 2);
        assert_eq!(t.regions[0].code, "GM0363");
        assert_eq!(t.regions[1].name.as_deref(), Some("Kop Zeedijk"));
        assert_eq!(t.indicators.len(), 2, "period column is not an indicator");
        assert_eq!(t.indicators[0].values[0], Value::Num(20.8));
        assert_eq!(t.indicators[0].values[1], Value::Missing(Missing::Secret));
        assert_eq!(t.indicators[0].unit.as_deref(), Some("%"));
        assert_eq!(t.format, Said::same("StatLine CSV"));
    }

    #[test]
    fn kwb_mixed_decimal_marks_and_trailing_space_names() {
        let t = table(
            "gwb_code;regio;recs;p_hh_osm;g_wozbag \nBU00010001;A;Buurt;26,4;312.5\nBU00010002;B;Buurt;       .;1.2\nBU00010003;C;Buurt;,;\n",
        );
        let osm = &t.indicators[0];
        assert_eq!(osm.values[0], Value::Num(26.4));
        assert_eq!(osm.values[1], Value::Missing(Missing::Secret));
        assert_eq!(osm.values[2], Value::Missing(Missing::Secret));
        assert_eq!(t.indicators[1].header, "g_wozbag");
        assert_eq!(t.indicators[1].values[1], Value::Num(1.2));
    }

    #[test]
    fn bad_cells_and_rows_are_reported_not_dropped_silently() {
        let t = table("gwb_code;a_inw\nBU00010001;12\nBU00010002;NaN\nTotaal;14\n");
        assert_eq!(t.regions.len(), 2);
        assert_eq!(t.indicators[0].values[1], Value::Missing(Missing::Invalid));
        let msgs: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("line 3") && m.contains("NaN")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("line 4") && m.contains("Totaal")),
            "{msgs:?}"
        );
    }

    #[test]
    fn boundary_change_code_is_not_an_indicator() {
        let t = table(
            "\"Wijken en buurten\";\"Regiocode (gemeente, wijk, buurt) (code)\";\"Indelingswijziging gemeente, wijk, buurt (code)\";\"Bevolking/Aantal inwoners (aantal)\"\n\
             \"A\";\"BU00010001\";\"1\";\"120\"\n\
             \"B\";\"BU00010002\";\"2\";\"80\"\n",
        );
        let headers: Vec<&str> = t.indicators.iter().map(|i| i.header.as_str()).collect();
        assert_eq!(headers, ["Bevolking/Aantal inwoners (aantal)"]);
    }

    /// Through the shared-buffer reader and through owned rows, as a
    /// spreadsheet's rows go: the same table, value for value.
    fn both_ways(bytes: &[u8]) -> (String, String) {
        let src = Source::from_bytes("t.csv", bytes.to_vec());
        let fast = read_indicators(&src).map(|t| format!("{t:?}"));
        let owned = super::super::table::read_rows(&src)
            .and_then(|(rows, note)| super::super::table::table_from_rows(&src, rows, note))
            .map(|raw| format!("{:?}", from_raw(raw)));
        let show = |r: Result<String, LoadError>| r.unwrap_or_else(|e| format!("error: {e}"));
        (show(fast), show(owned))
    }

    #[test]
    fn shared_buffer_reads_as_owned_rows_do() {
        for text in [
            "\u{feff}\"Perioden\";\"Wijken en buurten\";\"Regiocode (gemeente, wijk, buurt) (code)\";\"A (%)\"\r\n\"2019\";\"Kop \"\"Z\"\"\";\"BU03630000\";\"  1,5\"\r\n",
            "\"Titel\"\n\nRegiocode;x;y\n;a;b\nBU00010001;1;2\nGM0001;.;-99997\n\"Bron: CBS\"\n",
            "gwb_code;a\nBU00010001;1\nTotaal;2\nBU00010002;NaN;4\n",
            "Onderwerp;;Aa\nRegioaanduiding|Codering;;GM1680\nAfstand;km;2,1\n",
        ] {
            let (fast, owned) = both_ways(text.as_bytes());
            assert_eq!(fast, owned, "{text:?}");
        }
        // Windows-1252, as DUO and older CBS downloads are.
        let (fast, owned) = both_ways(b"gwb_code;naam;a\nBU00010001;Caf\xe9;\x961\n");
        assert!(fast.contains("Windows-1252"), "{fast}");
        assert_eq!(fast, owned);
    }

    proptest::proptest! {
        #[test]
        fn random_tables_read_as_owned_rows_do(
            cells in proptest::collection::vec(
                proptest::sample::select(vec![
                    "BU00010001", "GM0001", "Totaal", "12", "1,5", "1.234,5", "2.5", " . ", "x",
                    "-", "-99997", "NaN", "", "\"a;b\"", "\"\"", "\"  3\"", "naam", "é",
                ]),
                0..60,
            ),
            width in 2usize..5,
            delim in proptest::sample::select(vec![";", ",", "\t"]),
        ) {
            let mut text = ["gwb_code", "regio", "a", "b", "c"][..width].join(delim);
            for (i, c) in cells.iter().enumerate() {
                text.push_str(if i % width == 0 { "\n" } else { delim });
                text.push_str(c);
            }
            let (fast, owned) = both_ways(text.as_bytes());
            proptest::prop_assert_eq!(fast, owned);
        }
    }

    #[test]
    fn all_secret_column_is_kept_as_empty_indicator() {
        let t = table("gwb_code;p_jz_tn\nBU00010001;.\nBU00010002;.\n");
        assert_eq!(t.indicators.len(), 1);
        assert!(t.indicators[0].values.iter().all(|v| v.num().is_none()));
    }
}
