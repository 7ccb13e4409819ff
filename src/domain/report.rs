//! What a load found: every dropped, unmatched or doubtful row or feature,
//! so nothing is lost silently. `check` prints it; other commands print its
//! warnings count and keep going.

use super::value::Missing;
use crate::i18n::{Lang, Said};
use crate::said;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// A warning tied to a place in an input file, said in both languages.
/// Machine formats keep the English `location` and `message` they always
/// had and add the Dutch as `location_nl` and `message_nl`.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub file: String,
    /// "regel 12" / "line 12" or "object 7 (BU08553206)" / "feature 7
    /// (BU08553206)"; empty when it concerns the file.
    pub location: Said,
    pub message: Said,
}

impl Issue {
    pub fn file(file: &str, message: Said) -> Issue {
        Issue {
            file: file.to_string(),
            location: Said::default(),
            message,
        }
    }

    pub fn line(file: &str, line: u64, message: Said) -> Issue {
        Issue {
            file: file.to_string(),
            location: said!("regel {line}", "line {line}"),
            message,
        }
    }

    /// A data row of a file without lines (Parquet), counted from 1.
    pub fn row(file: &str, row: u64, message: Said) -> Issue {
        Issue {
            file: file.to_string(),
            location: said!("rij {row}", "row {row}"),
            message,
        }
    }

    pub fn feature(file: &str, index: usize, code: Option<&str>, message: Said) -> Issue {
        let location = match code {
            Some(c) => said!("object {index} ({c})", "feature {index} ({c})"),
            None => said!("object {index}", "feature {index}"),
        };
        Issue {
            file: file.to_string(),
            location,
            message,
        }
    }

    /// The warning as one line in `lang`: file, place, message.
    pub fn text(&self, lang: Lang) -> String {
        let location = self.location.pick(lang);
        let message = self.message.pick(lang);
        if location.is_empty() {
            format!("{}: {message}", self.file)
        } else {
            format!("{}: {location}: {message}", self.file)
        }
    }
}

/// English, as logs and tests have always read it.
impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Issue", 5)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("location", &self.location.en)?;
        st.serialize_field("location_nl", &self.location.nl)?;
        st.serialize_field("message", &self.message.en)?;
        st.serialize_field("message_nl", &self.message.nl)?;
        st.end()
    }
}

#[derive(Debug, Clone)]
pub struct InputSummary {
    pub role: String,
    pub file: String,
    /// "GeoJSON", "CSV met coördinaten" / "CSV with coordinates", ...
    pub format: Said,
    pub records: usize,
}

/// `format` in English as scripts read it, `format_nl` added.
impl Serialize for InputSummary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("InputSummary", 5)?;
        st.serialize_field("role", &self.role)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("format", &self.format.en)?;
        st.serialize_field("format_nl", &self.format.nl)?;
        st.serialize_field("records", &self.records)?;
        st.end()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct GemeenteCount {
    pub name: Option<String>,
    pub buurten: usize,
    pub with_geometry: usize,
}

#[derive(Debug, Clone)]
pub struct Duplicate {
    pub file: String,
    pub code: String,
    /// Lines or feature numbers where the code occurs; the first is kept.
    pub places: Vec<Said>,
}

impl Duplicate {
    /// The places as one list in `lang`.
    pub fn places_text(&self, lang: Lang) -> String {
        let places: Vec<&str> = self.places.iter().map(|p| p.pick(lang)).collect();
        places.join(", ")
    }
}

/// `places` in English as scripts read it, `places_nl` added.
impl Serialize for Duplicate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let en: Vec<&str> = self.places.iter().map(|p| p.en.as_str()).collect();
        let nl: Vec<&str> = self.places.iter().map(|p| p.nl.as_str()).collect();
        let mut st = s.serialize_struct("Duplicate", 4)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("places", &en)?;
        st.serialize_field("places_nl", &nl)?;
        st.end()
    }
}

/// Codes of one indicator file compared with the boundaries.
#[derive(Debug, Clone, Serialize)]
pub struct JoinReport {
    pub file: String,
    pub regions_in_file: usize,
    pub buurten_in_file: usize,
    pub matched_buurten: usize,
    /// BU codes in this file but not in the boundaries.
    pub only_in_file: Vec<String>,
    /// Boundary buurten this file has no row for.
    pub only_in_boundaries: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub source: String,
    pub known: bool,
    pub derived: bool,
    pub sensitive: bool,
    pub buurten: usize,
    pub present: usize,
    pub missing: BTreeMap<Missing, usize>,
}

#[derive(Debug, Clone)]
pub struct UnmatchedSchool {
    pub name: String,
    pub kind: String,
    pub place: String,
    /// Where it is in its file and why it was not placed.
    pub location: Said,
}

/// `location` in English as scripts read it, `location_nl` added.
impl Serialize for UnmatchedSchool {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("UnmatchedSchool", 5)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("place", &self.place)?;
        st.serialize_field("location", &self.location.en)?;
        st.serialize_field("location_nl", &self.location.nl)?;
        st.end()
    }
}

#[derive(Debug, Clone, Default)]
pub struct SchoolReport {
    /// "points in polygons", "buurt code column", "proxy: ...", "none: ...".
    pub method: Said,
    pub file: Option<String>,
    pub total: usize,
    pub counted: usize,
    /// The kinds asked for as they were given, or "all (no kind column)".
    pub kinds_counted: Vec<Said>,
    pub by_kind: BTreeMap<String, usize>,
    pub matched: usize,
    pub unmatched: Vec<UnmatchedSchool>,
    pub buurten_with_min_schools: BTreeMap<u32, usize>,
}

impl SchoolReport {
    /// The kinds counted as one list in `lang`.
    pub fn kinds_text(&self, lang: Lang) -> String {
        let kinds: Vec<&str> = self.kinds_counted.iter().map(|k| k.pick(lang)).collect();
        kinds.join(", ")
    }
}

/// `method` and `kinds_counted` in English as scripts read them, their
/// Dutch added as `method_nl` and `kinds_counted_nl`.
impl Serialize for SchoolReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let en: Vec<&str> = self.kinds_counted.iter().map(|k| k.en.as_str()).collect();
        let nl: Vec<&str> = self.kinds_counted.iter().map(|k| k.nl.as_str()).collect();
        let mut st = s.serialize_struct("SchoolReport", 11)?;
        st.serialize_field("method", &self.method.en)?;
        st.serialize_field("method_nl", &self.method.nl)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("counted", &self.counted)?;
        st.serialize_field("kinds_counted", &en)?;
        st.serialize_field("kinds_counted_nl", &nl)?;
        st.serialize_field("by_kind", &self.by_kind)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("unmatched", &self.unmatched)?;
        st.serialize_field("buurten_with_min_schools", &self.buurten_with_min_schools)?;
        st.end()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LoadReport {
    pub inputs: Vec<InputSummary>,
    /// "WGS84 (...) (detected from coordinate range); stored as Rijksdriehoek";
    /// json keeps the English and adds the Dutch as `crs_nl`.
    #[serde(flatten, serialize_with = "crs_fields")]
    pub crs: Said,
    pub gemeenten: BTreeMap<String, GemeenteCount>,
    pub buurten: usize,
    pub without_geometry: Vec<String>,
    pub duplicates: Vec<Duplicate>,
    pub joins: Vec<JoinReport>,
    pub indicators: Vec<Coverage>,
    pub schools: SchoolReport,
    /// Things worth knowing that are not problems (e.g. where names came from).
    pub notes: Vec<LoadNote>,
    pub warnings: Vec<Issue>,
}

/// The CRS line as `crs` (English) and `crs_nl`.
fn crs_fields<S: serde::Serializer>(crs: &Said, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(2))?;
    m.serialize_entry("crs", &crs.en)?;
    m.serialize_entry("crs_nl", &crs.nl)?;
    m.end()
}

/// A note of the load report, as a kind with its figures so that front
/// ends can say it in their language; recorded (json) as its English text.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadNote {
    /// Disclosure control withheld cells of a microdata file.
    Withheld {
        cells: usize,
        file: String,
        min_cell: u32,
        /// The file's base count columns; empty when it has none.
        base: Vec<String>,
    },
    /// Gemeente names came from the school file.
    NamesFromSchools { names: Vec<String> },
}

impl fmt::Display for LoadNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadNote::Withheld {
                cells,
                file,
                min_cell,
                base,
            } => write!(
                f,
                "disclosure control: {cells} cells of {file} withheld (microdata: counts below {min_cell}, shares with n*p or n*(1-p) below {min_cell}, figures on fewer than {min_cell} units in '{}', and cells that a row or region total would give away)",
                if base.is_empty() {
                    "(no base count: every figure withheld)".to_string()
                } else {
                    base.join("', '")
                }
            ),
            LoadNote::NamesFromSchools { names } => write!(
                f,
                "gemeente names taken from the school file (the boundaries have none): {}",
                names.join(", ")
            ),
        }
    }
}

impl Serialize for LoadNote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_reads_in_either_language_and_json_keeps_english_with_dutch_added() {
        let i = Issue::feature(
            "b.geojson",
            7,
            Some("BU08553206"),
            said!("geometrie is leeg", "geometry is empty"),
        );
        assert_eq!(
            i.text(Lang::Nl),
            "b.geojson: object 7 (BU08553206): geometrie is leeg"
        );
        assert_eq!(
            i.to_string(),
            "b.geojson: feature 7 (BU08553206): geometry is empty"
        );
        let j = serde_json::to_value(&i).unwrap();
        assert_eq!(j["location"], "feature 7 (BU08553206)");
        assert_eq!(j["location_nl"], "object 7 (BU08553206)");
        assert_eq!(j["message"], "geometry is empty");
        assert_eq!(j["message_nl"], "geometrie is leeg");
        let f = Issue::file("k.csv", said!("overgeslagen", "skipped"));
        assert_eq!(f.text(Lang::Nl), "k.csv: overgeslagen");
        assert_eq!(serde_json::to_value(&f).unwrap()["location_nl"], "");
    }

    #[test]
    fn duplicates_and_unplaced_schools_keep_english_fields_and_add_dutch() {
        let d = Duplicate {
            file: "k.csv".into(),
            code: "BU01".into(),
            places: vec![said!("regel 2", "line 2"), said!("regel 4", "line 4")],
        };
        assert_eq!(d.places_text(Lang::Nl), "regel 2, regel 4");
        let j = serde_json::to_value(&d).unwrap();
        assert_eq!(j["places"], serde_json::json!(["line 2", "line 4"]));
        assert_eq!(j["places_nl"], serde_json::json!(["regel 2", "regel 4"]));
        let u = UnmatchedSchool {
            name: "S".into(),
            kind: "basisschool".into(),
            place: "Goirle".into(),
            location: said!("object 3 op RD 1, 2", "feature 3 at RD 1, 2"),
        };
        let j = serde_json::to_value(&u).unwrap();
        assert_eq!(j["location"], "feature 3 at RD 1, 2");
        assert_eq!(j["location_nl"], "object 3 op RD 1, 2");
    }

    #[test]
    fn the_report_texts_keep_english_in_json_with_dutch_added() {
        let r = LoadReport {
            inputs: vec![InputSummary {
                role: "schools".into(),
                file: "s.csv".into(),
                format: said!("CSV met coördinaten", "CSV with coordinates"),
                records: 3,
            }],
            crs: said!("geen grenzen", "no boundaries"),
            schools: SchoolReport {
                method: said!("punten in vlakken", "points in polygons"),
                kinds_counted: vec![Said::same("basisschool"), Said::same("SBAO")],
                ..SchoolReport::default()
            },
            ..LoadReport::default()
        };
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["crs"], "no boundaries");
        assert_eq!(j["crs_nl"], "geen grenzen");
        assert_eq!(j["inputs"][0]["format"], "CSV with coordinates");
        assert_eq!(j["inputs"][0]["format_nl"], "CSV met coördinaten");
        assert_eq!(j["inputs"][0]["records"], 3);
        assert_eq!(j["schools"]["method"], "points in polygons");
        assert_eq!(j["schools"]["method_nl"], "punten in vlakken");
        assert_eq!(j["schools"]["kinds_counted"][1], "SBAO");
        assert_eq!(j["schools"]["kinds_counted_nl"][1], "SBAO");
        assert_eq!(r.schools.kinds_text(Lang::Nl), "basisschool, SBAO");
    }
}
