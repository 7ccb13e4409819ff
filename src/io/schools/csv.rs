//! Schools from CSV: lon/lat or RD x/y columns, or a buurt-code column
//! for lists that were joined to buurten elsewhere.

use super::{
    counted_kinds, is_primary, kind_key, no_kind_column, place_points, Location, Origin, RawSchool,
    SchoolFile, SchoolOptions,
};
use crate::domain::registry::normalise_name;
use crate::domain::report::Issue;
use crate::domain::value::Value;
use crate::io::cell::{decide_mark, parse_cell, Cell};
use crate::io::crs::{decide, Crs, Extent};
use crate::io::error::LoadError;
use crate::io::source::Source;
use crate::io::table::{read_rows, Row};
use crate::said;
use geo::Coord;

const LON_KEYS: &[&str] = &["lon", "lng", "longitude", "lengtegraad", "long"];
const LAT_KEYS: &[&str] = &["lat", "latitude", "breedtegraad"];
const X_KEYS: &[&str] = &[
    "x",
    "rd_x",
    "x_rd",
    "xcoord",
    "x_coord",
    "x-coordinaat",
    "coordinaat_x",
    "rdx",
];
const Y_KEYS: &[&str] = &[
    "y",
    "rd_y",
    "y_rd",
    "ycoord",
    "y_coord",
    "y-coordinaat",
    "coordinaat_y",
    "rdy",
];
const CODE_KEYS: &[&str] = &[
    "buurtcode",
    "bu_code",
    "buurt",
    "buurt2022",
    "buurt2023",
    "buurt2024",
    "buurt2025",
    "gwb_code",
    "statcode",
];

/// `08551001` (CBS postcode table) -> `BU08551001`.
fn buurt_code(raw: &str) -> Option<String> {
    let t = raw.trim().to_ascii_uppercase();
    if t.is_empty() {
        return None;
    }
    if t.starts_with("BU") {
        Some(t)
    } else if t.len() == 8 && t.chars().all(|c| c.is_ascii_alphanumeric()) {
        Some(format!("BU{t}"))
    } else {
        None
    }
}

pub(super) fn find_col(header: &[String], keys: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| keys.contains(&normalise_name(h).as_str()))
}

/// Where a CSV keeps what a school needs.
pub(super) struct Columns {
    /// Two coordinate columns and the CRS their names imply: lon/lat is
    /// WGS84, x/y is left to the extent.
    coords: Option<(usize, usize, Option<Crs>)>,
    code: Option<usize>,
    pub(super) name: Option<usize>,
    pub(super) place: Option<usize>,
    pub(super) gemeente: Option<usize>,
    pub(super) kind: Option<usize>,
}

impl Columns {
    fn find(header: &[String], opts: &SchoolOptions) -> Columns {
        let lon = find_col(header, LON_KEYS);
        let lat = find_col(header, LAT_KEYS);
        let x = find_col(header, X_KEYS);
        let y = find_col(header, Y_KEYS);
        Columns {
            coords: match (lon, lat, x, y) {
                (Some(a), Some(b), _, _) => Some((a, b, Some(Crs::Wgs84))),
                (_, _, Some(a), Some(b)) => Some((a, b, None)),
                _ => None,
            },
            code: find_col(header, CODE_KEYS),
            name: find_col(
                header,
                &[
                    "vestigingsnaam",
                    "naam",
                    "name",
                    "instellingsnaam",
                    "schoolnaam",
                ],
            ),
            place: find_col(
                header,
                &["plaatsnaam", "plaats", "gemeentenaam", "gemeente"],
            ),
            gemeente: find_col(header, &["gemeentenaam", "gemeente"]),
            kind: kind_key(header.iter().map(String::as_str), opts)
                .and_then(|k| header.iter().position(|h| *h == k)),
        }
    }
}

pub(super) fn field(r: &Row, c: Option<usize>) -> String {
    c.and_then(|c| r.fields.get(c))
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

pub(super) fn read_csv(src: &Source, opts: &SchoolOptions) -> Result<SchoolFile, LoadError> {
    let (rows, encoding_note) = read_rows(src)?;
    let file = src.name.clone();
    let mut warnings = Vec::new();
    if let Some(n) = encoding_note {
        warnings.push(Issue::file(&file, n));
    }
    let Some((h, rest)) = rows.split_first() else {
        return Err(LoadError::Empty { file });
    };
    let header: Vec<String> = h.fields.iter().map(|f| f.trim().to_string()).collect();
    let cols = Columns::find(&header, opts);
    let data: Vec<&Row> = rest
        .iter()
        .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    if cols.coords.is_none() && cols.code.is_none() {
        if let Some(table) = &opts.postcode_table {
            return super::duo::read_duo(&file, &header, &cols, &data, opts, table, warnings);
        }
        return Err(LoadError::Format {
            file,
            message: said!(
                "geen coördinaatkolommen (lon/lat of x/y) en geen kolom met buurtcodes (buurtcode, Buurt2023, ...); aanwezige kolommen: {}. \
                 Geocodeer de DUO-lijst eerst, zet per school een buurtcode erbij, of geef de CBS-tabel \
                 \"buurt, wijk en gemeente per postcode en huisnummer\" met --postcode-table BESTAND.",
                "no coordinate columns (lon/lat or x/y) and no buurt-code column (buurtcode, Buurt2023, ...); columns are: {}. \
                 Geocode the DUO list first, add a buurt code per school, or give the CBS table \
                 \"buurt, wijk en gemeente per postcode en huisnummer\" with --postcode-table FILE.",
                header.join(", ")
            ),
        });
    }
    let mut pending = Vec::new();
    let mut coded = Vec::new();
    let mut extent = Extent::empty();
    let marks = cols.coords.map(|(a, b, _)| {
        (
            decide_mark(
                data.iter()
                    .map(|r| r.fields.get(a).map(String::as_str).unwrap_or("")),
            ),
            decide_mark(
                data.iter()
                    .map(|r| r.fields.get(b).map(String::as_str).unwrap_or("")),
            ),
        )
    });
    for r in &data {
        let name = field(r, cols.name);
        let kind = field(r, cols.kind);
        let school = RawSchool {
            primary: cols.kind.is_none() || is_primary(&kind, opts),
            name,
            kind,
            place: field(r, cols.place),
            gemeente: field(r, cols.gemeente),
            location: Location::Code(String::new()),
            origin: Origin::Line(r.line),
        };
        if let (Some((a, b, _)), Some((ma, mb))) = (cols.coords, marks) {
            let num = |c: usize, m| match parse_cell(
                r.fields.get(c).map(String::as_str).unwrap_or(""),
                m,
            ) {
                Cell::Value(Value::Num(v)) => Some(v),
                _ => None,
            };
            if let (Some(cx), Some(cy)) = (num(a, ma), num(b, mb)) {
                extent.add(cx, cy);
                pending.push((school, Coord { x: cx, y: cy }));
                continue;
            }
        }
        match cols
            .code
            .and_then(|c| r.fields.get(c))
            .and_then(|c| buurt_code(c))
        {
            Some(c) => coded.push(RawSchool {
                location: Location::Code(c),
                ..school
            }),
            None => warnings.push(Issue::line(
                &file,
                r.line,
                said!(
                    "school {:?} heeft geen bruikbare coördinaten of buurtcode: niet geplaatst",
                    "school {:?} has no usable coordinates or buurt code: not placed",
                    school.name
                ),
            )),
        }
    }
    let mut crs = None;
    let mut schools = Vec::new();
    if !pending.is_empty() {
        let explicit = opts.crs.or(cols.coords.and_then(|c| c.2));
        let d = decide(explicit, None, &extent).map_err(|message| LoadError::Crs {
            file: file.clone(),
            message,
        })?;
        schools = place_points(&file, pending, &d)?;
        crs = Some(d);
    }
    schools.extend(coded);
    if cols.kind.is_none() {
        warnings.push(no_kind_column(&file, opts));
    }
    let format = if cols.coords.is_some() {
        said!("CSV met coördinaten", "CSV with coordinates")
    } else {
        said!("CSV met buurtcodes", "CSV with buurt codes")
    };
    Ok(SchoolFile {
        file,
        format,
        schools,
        crs,
        kinds_counted: counted_kinds(cols.kind.is_some(), opts),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::super::read_schools;
    use super::*;

    fn src(name: &str, text: &[u8]) -> Source {
        Source::from_bytes(name, text.to_vec())
    }

    #[test]
    fn cp1252_csv_with_rd_coordinates_and_decimal_comma() {
        let f = read_schools(
            &src(
                "s.csv",
                b"VESTIGINGSNAAM;x;y\r\nDe Kr\xe9ke;133000,5;392000\r\nZonder;;\r\n",
            ),
            &SchoolOptions::default(),
        )
        .unwrap();
        assert_eq!(f.schools.len(), 1);
        assert_eq!(f.schools[0].name, "De Kr\u{e9}ke");
        assert_eq!(
            f.schools[0].location,
            Location::Point {
                x: 133000.5,
                y: 392000.0
            }
        );
        let msgs: Vec<String> = f.warnings.iter().map(|w| w.to_string()).collect();
        assert!(msgs.iter().any(|m| m.contains("Windows-1252")), "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("line 3") && m.contains("Zonder")),
            "{msgs:?}"
        );
    }

    #[test]
    fn buurt_code_column_without_prefix() {
        let f = read_schools(
            &src("s.csv", b"naam,Buurt2023\nA,08551001\n"),
            &SchoolOptions::default(),
        )
        .unwrap();
        assert_eq!(f.schools[0].location, Location::Code("BU08551001".into()));
    }

    #[test]
    fn duo_list_without_coordinates_is_a_clear_error() {
        let e = read_schools(
            &src(
                "duo.csv",
                b"INSTELLINGSCODE;VESTIGINGSNAAM;POSTCODE\n00AA;De Wereld;1017 RV\n",
            ),
            &SchoolOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("duo.csv") && e.contains("no coordinate columns") && e.contains("POSTCODE"),
            "{e}"
        );
    }
}
