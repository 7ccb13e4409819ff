//! Coordinate reference systems. Everything is brought into Rijksdriehoek
//! (EPSG:28992, metres) at load, so area, distance and point-in-polygon work
//! in one planar CRS. The projection itself is proj4rs (pure Rust).

use crate::i18n::Said;
use crate::said;
use geo::Coord;
use proj4rs::proj::Proj;
use proj4rs::transform::{transform, Transform, TransformClosure};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Crs {
    /// WGS84 longitude/latitude in degrees (EPSG:4326 / CRS84).
    Wgs84,
    /// Amersfoort / RD New (EPSG:28992), metres.
    Rd,
}

impl Crs {
    /// The name people read, in both languages.
    pub fn name(self) -> Said {
        match self {
            Crs::Wgs84 => said!(
                "WGS84 (EPSG:4326, lengte/breedte)",
                "WGS84 (EPSG:4326, lon/lat)"
            ),
            Crs::Rd => said!(
                "Rijksdriehoek (EPSG:28992, meter)",
                "Rijksdriehoek (EPSG:28992, metres)"
            ),
        }
    }
}

/// English, as logs and machine formats have it.
impl fmt::Display for Crs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name().en)
    }
}

/// How the CRS of a file was decided, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrsDecision {
    pub crs: Crs,
    pub how: Said,
}

impl CrsDecision {
    /// "WGS84 (EPSG:4326, lon/lat) (detected from coordinate range)".
    pub fn text(&self) -> Said {
        let (crs, how) = (self.crs.name(), &self.how);
        said!("{crs} ({how})", "{crs} ({how})"; crs, how)
    }
}

// PROJ's definition of EPSG:28992 with the 7-parameter datum shift; about a
// metre from RDNAPTRANS, far below the generalisation of buurt maps.
const RD_PROJ: &str = "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs";
const WGS84_PROJ: &str = "+proj=longlat +datum=WGS84 +no_defs";

/// Bounding box of the raw coordinates of a file.
#[derive(Debug, Clone, Copy)]
pub struct Extent {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Extent {
    pub fn empty() -> Extent {
        Extent {
            min_x: f64::INFINITY,
            min_y: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: f64::NEG_INFINITY,
        }
    }

    pub fn add(&mut self, x: f64, y: f64) {
        self.min_x = self.min_x.min(x);
        self.min_y = self.min_y.min(y);
        self.max_x = self.max_x.max(x);
        self.max_y = self.max_y.max(y);
    }

    /// This extent grown to hold `other` as well.
    pub fn merge(&mut self, other: &Extent) {
        self.min_x = self.min_x.min(other.min_x);
        self.min_y = self.min_y.min(other.min_y);
        self.max_x = self.max_x.max(other.max_x);
        self.max_y = self.max_y.max(other.max_y);
    }

    pub fn is_empty(&self) -> bool {
        self.min_x > self.max_x
    }

    fn fits_wgs84(&self) -> bool {
        self.min_x >= -180.0 && self.max_x <= 180.0 && self.min_y >= -90.0 && self.max_y <= 90.0
    }

    /// The RD grid's valid area (with a margin for the Wadden and the sea).
    fn fits_rd(&self) -> bool {
        self.min_x >= -10_000.0
            && self.max_x <= 310_000.0
            && self.min_y >= 280_000.0
            && self.max_y <= 640_000.0
    }

    pub fn describe(&self) -> String {
        format!(
            "x {:.3}..{:.3}, y {:.3}..{:.3}",
            self.min_x, self.max_x, self.min_y, self.max_y
        )
    }
}

/// Read the legacy GeoJSON `crs` member, when there is one.
pub fn crs_from_member(member: &serde_json::Value) -> Option<Result<Crs, String>> {
    let name = member.pointer("/properties/name")?.as_str()?;
    let n = name.to_ascii_uppercase();
    if n.contains("28992") {
        Some(Ok(Crs::Rd))
    } else if n.contains("CRS84") || n.contains("4326") {
        Some(Ok(Crs::Wgs84))
    } else {
        Some(Err(name.to_string()))
    }
}

/// Decide the CRS of a file: an explicit `--crs` wins but must be plausible
/// for the coordinates; else the `crs` member; else the coordinate range.
pub fn decide(
    explicit: Option<Crs>,
    member: Option<Result<Crs, String>>,
    extent: &Extent,
) -> Result<CrsDecision, Said> {
    if extent.is_empty() {
        let crs = explicit.unwrap_or(Crs::Wgs84);
        return Ok(CrsDecision {
            crs,
            how: said!("geen coördinaten", "no coordinates"),
        });
    }
    let check = |crs: Crs, how: Said| -> Result<CrsDecision, Said> {
        let ok = match crs {
            Crs::Wgs84 => extent.fits_wgs84(),
            Crs::Rd => extent.fits_rd(),
        };
        if ok {
            Ok(CrsDecision { crs, how })
        } else {
            let hint = if extent.fits_rd() {
                said!(
                    " (ze lijken op Rijksdriehoek-meters: probeer --crs rd)",
                    " (they look like Rijksdriehoek metres: try --crs rd)"
                )
            } else if extent.fits_wgs84() {
                said!(
                    " (ze lijken op WGS84-graden: probeer --crs wgs84)",
                    " (they look like WGS84 degrees: try --crs wgs84)"
                )
            } else {
                Said::default()
            };
            let extent = extent.describe();
            let crs = crs.name();
            Err(said!(
                "coördinaten ({extent}) zijn geen geldige {crs} zoals {how} zegt{hint}",
                "coordinates ({extent}) are not valid {crs} as stated by {how}{hint}";
                crs, how, hint
            ))
        }
    };
    if let Some(crs) = explicit {
        return check(crs, Said::same("--crs"));
    }
    match member {
        Some(Ok(crs)) => {
            return check(
                crs,
                said!("het crs-lid van het bestand", "the file's crs member"),
            )
        }
        Some(Err(name)) => {
            return Err(said!(
                "crs {name:?} wordt niet ondersteund: gebruik een bestand in WGS84 of Rijksdriehoek (EPSG:28992)",
                "unsupported crs {name:?}: use a file in WGS84 or Rijksdriehoek (EPSG:28992)"
            ))
        }
        None => {}
    }
    if extent.fits_wgs84() {
        Ok(CrsDecision {
            crs: Crs::Wgs84,
            how: said!(
                "bepaald uit het coördinatenbereik",
                "detected from coordinate range"
            ),
        })
    } else if extent.fits_rd() {
        Ok(CrsDecision {
            crs: Crs::Rd,
            how: said!(
                "bepaald uit het coördinatenbereik",
                "detected from coordinate range"
            ),
        })
    } else {
        Err(said!(
            "coördinaten ({}) zijn geen WGS84-graden en geen Rijksdriehoek-meters; geef --crs",
            "coordinates ({}) are neither WGS84 degrees nor Rijksdriehoek metres; give --crs",
            extent.describe()
        ))
    }
}

struct Coords<'a>(&'a mut [Coord<f64>]);

impl Transform for Coords<'_> {
    fn transform_coordinates<F: TransformClosure>(
        &mut self,
        f: &mut F,
    ) -> proj4rs::errors::Result<()> {
        for c in self.0.iter_mut() {
            let (x, y, _) = f(c.x, c.y, 0.0)?;
            c.x = x;
            c.y = y;
        }
        Ok(())
    }
}

/// Projects WGS84 degrees to RD metres and back.
pub struct Projector {
    wgs84: Proj,
    rd: Proj,
}

impl Projector {
    pub fn new() -> Result<Projector, String> {
        Ok(Projector {
            wgs84: Proj::from_proj_string(WGS84_PROJ).map_err(|e| e.to_string())?,
            rd: Proj::from_proj_string(RD_PROJ).map_err(|e| e.to_string())?,
        })
    }

    /// In place: lon/lat degrees -> RD metres.
    pub fn wgs84_to_rd(&self, coords: &mut [Coord<f64>]) -> Result<(), String> {
        for c in coords.iter_mut() {
            c.x = c.x.to_radians();
            c.y = c.y.to_radians();
        }
        transform(&self.wgs84, &self.rd, &mut Coords(coords)).map_err(|e| e.to_string())
    }

    /// In place: RD metres -> lon/lat degrees (for exports to GeoJSON).
    pub fn rd_to_wgs84(&self, coords: &mut [Coord<f64>]) -> Result<(), String> {
        transform(&self.rd, &self.wgs84, &mut Coords(coords)).map_err(|e| e.to_string())?;
        for c in coords.iter_mut() {
            c.x = c.x.to_degrees();
            c.y = c.y.to_degrees();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amersfoort_reference_point() {
        // The RD origin (Onze Lieve Vrouwetoren, Amersfoort) is at
        // x 155000, y 463000; its WGS84 position is 52.15517 N, 5.38721 E.
        let p = Projector::new().unwrap();
        let mut c = [Coord {
            x: 5.387_206_5,
            y: 52.155_174_4,
        }];
        p.wgs84_to_rd(&mut c).unwrap();
        assert!((c[0].x - 155_000.0).abs() < 2.0, "{:?}", c[0]);
        assert!((c[0].y - 463_000.0).abs() < 2.0, "{:?}", c[0]);
        p.rd_to_wgs84(&mut c).unwrap();
        assert!((c[0].x - 5.387_206_5).abs() < 1e-6 && (c[0].y - 52.155_174_4).abs() < 1e-6);
    }

    #[test]
    fn detection_and_override_checks() {
        let mut rd = Extent::empty();
        rd.add(125_532.0, 386_949.0);
        rd.add(135_756.0, 394_654.0);
        assert_eq!(decide(None, None, &rd).unwrap().crs, Crs::Rd);
        let e = decide(Some(Crs::Wgs84), None, &rd).unwrap_err();
        assert!(e.en.contains("--crs rd"), "{e}");
        assert!(
            e.nl.contains("geen geldige")
                && e.nl.contains(
                    "zoals --crs zegt (ze lijken op Rijksdriehoek-meters: probeer --crs rd)"
                ),
            "{}",
            e.nl
        );
        let mut w = Extent::empty();
        w.add(4.9, 51.5);
        assert_eq!(decide(None, None, &w).unwrap().crs, Crs::Wgs84);
        assert_eq!(
            decide(None, Some(Ok(Crs::Wgs84)), &w).unwrap().how.en,
            "the file's crs member"
        );
        assert_eq!(
            decide(None, Some(Ok(Crs::Wgs84)), &w).unwrap().how.nl,
            "het crs-lid van het bestand"
        );
        let mut far = Extent::empty();
        far.add(1.0e7, 1.0e7);
        assert!(decide(None, None, &far).is_err());
    }

    #[test]
    fn the_decision_reads_in_dutch_and_in_english() {
        let mut rd = Extent::empty();
        rd.add(125_532.0, 386_949.0);
        let d = decide(None, None, &rd).unwrap().text();
        assert_eq!(
            d.pick(crate::i18n::Lang::Nl),
            "Rijksdriehoek (EPSG:28992, meter) (bepaald uit het coördinatenbereik)"
        );
        assert_eq!(
            d.pick(crate::i18n::Lang::En),
            "Rijksdriehoek (EPSG:28992, metres) (detected from coordinate range)"
        );
        assert_eq!(Crs::Wgs84.to_string(), "WGS84 (EPSG:4326, lon/lat)");
        let none = decide(None, None, &Extent::empty()).unwrap().how;
        assert_eq!(
            (none.nl.as_str(), none.en.as_str()),
            ("geen coördinaten", "no coordinates")
        );
        let e = decide(Some(Crs::Wgs84), None, &rd).unwrap_err();
        assert!(
            e.nl.contains("geen geldige WGS84 (EPSG:4326, lengte/breedte)"),
            "{}",
            e.nl
        );
        assert!(e.en.contains("not valid WGS84 (EPSG:4326, lon/lat)"), "{e}");
    }
}
