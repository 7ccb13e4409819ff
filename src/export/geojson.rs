//! One feature per unit, in WGS84 (RFC 7946: lon/lat, 6 decimals, outer
//! rings counter-clockwise), with rank, score, shortlist flag, team and the
//! values of the weighted indicators as properties, ready for QGIS. Always
//! MultiPolygon so a layer has one geometry type; `null` for a unit without
//! a shape, so that every unit still has its feature. The provenance is a
//! foreign member of the collection, which GIS tools ignore; so is
//! `indicators`, the labels (Dutch, English) and unit of every `value_*`
//! property.

use super::geometry::unit_shape;
use super::json::CellOut;
use super::provenance::Provenance;
use super::{Document, ExportError, Exporter, Format};
use crate::io::crs::Projector;
use geo::orient::{Direction, Orient};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Serialize;
use std::collections::BTreeMap;

pub struct GeoJson;

impl Exporter for GeoJson {
    fn format(&self) -> Format {
        Format::Geojson
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        render(doc)
    }
}

#[derive(Serialize)]
struct Props<'a> {
    code: &'a str,
    name: &'a str,
    gemeente_code: &'a str,
    gemeente: &'a str,
    rank: Option<usize>,
    eligible_rank: Option<usize>,
    score: Option<f64>,
    eligible: bool,
    shortlisted: bool,
    stability: Option<&'a str>,
    p_top_k: Option<f64>,
    primary_schools: Option<u32>,
    inhabitants: Option<f64>,
    children_0_15: Option<f64>,
    /// Role names, "; "-separated: one text field that QGIS can label with.
    team: String,
    reasons: String,
    members: String,
    /// On the shortlist: "rules" or "hand"; null off it.
    chosen_by: Option<&'static str>,
    removed_by_hand: bool,
    /// The eligibility rules the unit fails, "; "-separated.
    failed_rules: String,
    /// Ranks shared with units of the same score, [lowest, highest].
    rank_range: Option<(usize, usize)>,
    tied: bool,
    small_population: bool,
    #[serde(flatten)]
    values: BTreeMap<String, CellOut>,
}

/// What a `value_*` property holds, for people: labels and unit.
#[derive(Serialize)]
struct IndicatorLabels<'a> {
    label_nl: &'a str,
    label_en: &'a str,
    label_from_name: bool,
    unit: &'a str,
}

#[derive(Serialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    properties: Props<'a>,
    geometry: Option<Geometry>,
}

#[derive(Serialize)]
struct Head<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    provenance: &'a Provenance,
    /// Foreign member: id -> labels and unit of each `value_<id>` property.
    indicators: BTreeMap<&'a str, IndicatorLabels<'a>>,
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn ring(p: &Projector, ls: &LineString<f64>) -> Result<LineString<f64>, ExportError> {
    let mut cs: Vec<Coord<f64>> = ls.0.clone();
    p.rd_to_wgs84(&mut cs).map_err(ExportError::other)?;
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(cs.len());
    for c in cs {
        let c = Coord {
            x: round6(c.x),
            y: round6(c.y),
        };
        // Rounding can merge neighbouring vertices; a repeated position is
        // legal but useless.
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    Ok(LineString::new(out))
}

fn to_wgs84(p: &Projector, mp: &MultiPolygon<f64>) -> Result<MultiPolygon<f64>, ExportError> {
    let mut polys = Vec::with_capacity(mp.0.len());
    for poly in &mp.0 {
        let ext = ring(p, poly.exterior())?;
        if ext.0.len() < 4 {
            continue;
        }
        let holes = poly
            .interiors()
            .iter()
            .map(|r| ring(p, r))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .filter(|r| r.0.len() >= 4)
            .collect();
        polys.push(Polygon::new(ext, holes));
    }
    Ok(MultiPolygon::new(polys).orient(Direction::Default))
}

fn coordinates(mp: &MultiPolygon<f64>) -> Vec<Vec<Vec<[f64; 2]>>> {
    mp.0.iter()
        .map(|poly| {
            std::iter::once(poly.exterior())
                .chain(poly.interiors())
                .map(|r| r.0.iter().map(|c| [c.x, c.y]).collect())
                .collect()
        })
        .collect()
}

fn render(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let ds = doc.ds();
    let a = doc.analysis();
    let projector = Projector::new().map_err(ExportError::other)?;
    let cells = &doc.cells;
    let weighted: Vec<usize> = cells
        .column_order()
        .into_iter()
        .filter(|&j| cells.info[j].ranking.is_some())
        .collect();
    let head = serde_json::to_string(&Head {
        kind: "FeatureCollection",
        provenance: doc.provenance()?,
        indicators: weighted
            .iter()
            .map(|&j| {
                let i = &cells.info[j];
                (
                    i.id.as_str(),
                    IndicatorLabels {
                        label_nl: &i.label_nl,
                        label_en: &i.label_en,
                        label_from_name: i.label_from_name,
                        unit: &i.unit,
                    },
                )
            })
            .collect(),
    })
    .map_err(ExportError::other)?;
    // Compact features, one per line: small, and a diff shows which unit changed.
    let mut out = String::with_capacity(1 << 16);
    // Reopen the head object to append the features after the provenance.
    out.push_str(head.strip_suffix('}').unwrap_or(&head));
    out.push_str(",\"features\":[\n");
    for (i, (&u, r)) in doc.order.iter().zip(&doc.rows).enumerate() {
        let geometry = match unit_shape(ds, &a.members[u]) {
            Some(shape) => {
                let w = to_wgs84(&projector, &shape)?;
                (!w.0.is_empty()).then(|| Geometry {
                    kind: "MultiPolygon",
                    coordinates: coordinates(&w),
                })
            }
            None => None,
        };
        let f = Feature {
            kind: "Feature",
            id: &r.code,
            properties: Props {
                code: &r.code,
                name: &r.name,
                gemeente_code: &r.gemeente_code,
                gemeente: &r.gemeente,
                rank: r.rank,
                eligible_rank: r.eligible_rank,
                score: r.score,
                eligible: r.eligible,
                shortlisted: r.shortlisted,
                stability: r.label.as_deref(),
                p_top_k: r.p_top_k,
                primary_schools: r.schools,
                inhabitants: r.inhabitants,
                children_0_15: r.children_0_15,
                team: doc.team_names(&r.code).join("; "),
                reasons: r.reasons.join("; "),
                members: r.members.join(" "),
                chosen_by: r.chosen_by.map(|c| c.id()),
                removed_by_hand: r.removed_by_hand,
                failed_rules: a.ranking.units[u]
                    .reasons
                    .iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
                rank_range: r.rank_range,
                tied: r.tied,
                small_population: r.small_population,
                values: weighted
                    .iter()
                    .map(|&j| {
                        (
                            format!("value_{}", cells.info[j].id),
                            CellOut::from(cells.get(u, j).value),
                        )
                    })
                    .collect(),
            },
            geometry,
        };
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&serde_json::to_string(&f).map_err(ExportError::other)?);
    }
    out.push_str("\n]}\n");
    Ok(out.into_bytes())
}
