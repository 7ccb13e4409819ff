//! A choropleth of the scope: units coloured by need score in quantile
//! classes, shortlisted units outlined and labelled, a legend, the notes
//! every output carries, and the provenance in `<metadata>`. One `<path>`
//! per unit with a shape (compound for a multi-part area; even-odd fill so
//! holes stay holes). Drawn from Rijksdriehoek metres, north up, into pixel
//! coordinates, simplified to a third of a pixel.

mod classes;
mod draw;
mod legend;
mod view;

use super::escape::{xml_escape, xml_text};
use super::geometry::{background, in_scope, unit_shape};
use super::{Document, ExportError, Exporter, Format};
use crate::i18n::Rt;
use crate::present::{fit, TILDE};
use classes::Classes;
use geo::{BoundingRect, MultiPolygon};
use legend::{legend, Shown};
use std::fmt::Write;
use view::{extend, View};

pub struct Svg;

/// Which map a standalone svg draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MapLayer {
    /// The need score in quantile classes.
    #[default]
    Score,
    /// The LISA clusters of the score (GeoDa's colours).
    Lisa,
}

impl Exporter for Svg {
    fn format(&self) -> Format {
        Format::Svg
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        let lisa = doc.ctx.options.map == MapLayer::Lisa;
        if lisa && doc.analysis().lisa.is_none() {
            let lang = doc.ctx.options.lang;
            return Err(ExportError::other(Rt::SvgNoLisa.text(lang)));
        }
        Ok(map_layer(doc, true, lisa)?.into_bytes())
    }
}

const WIDTH: f64 = 960.0;
const LEGEND_W: f64 = 240.0;
const TOP: f64 = 44.0;
const PAD: f64 = 10.0;
const NOT_RANKED: &str = "#d9d9d9";
const WATER: &str = "#cfe3f3";
const BACKGROUND: &str = "#f0f0f0";

/// The map; `standalone` adds the XML declaration, namespace and
/// provenance (inline in HTML none of them belong).
pub fn map(doc: &Document, standalone: bool) -> Result<String, ExportError> {
    map_layer(doc, standalone, false)
}

/// The same map coloured by the LISA clusters of the score (GeoDa's
/// colours), for the report; `None` when the run computed no LISA.
pub fn lisa_map(doc: &Document) -> Result<Option<String>, ExportError> {
    if doc.analysis().lisa.is_none() {
        return Ok(None);
    }
    map_layer(doc, false, true).map(Some)
}

fn map_layer(doc: &Document, standalone: bool, lisa: bool) -> Result<String, ExportError> {
    let ds = doc.ds();
    let a = doc.analysis();
    let scope: Vec<usize> = doc
        .order
        .iter()
        .copied()
        .filter(|&u| in_scope(a, u))
        .collect();
    let shapes: Vec<(usize, MultiPolygon<f64>)> = scope
        .iter()
        .filter_map(|&u| unit_shape(ds, &a.members[u]).map(|s| (u, s)))
        .collect();
    let back: Vec<usize> = background(ds, a);
    let mut bbox = None;
    for (_, s) in &shapes {
        if let Some(r) = s.bounding_rect() {
            bbox = extend(bbox, r);
        }
    }
    for &i in &back {
        if let Some(r) = ds.areas[i]
            .geometry
            .as_ref()
            .and_then(|g| g.bounding_rect())
        {
            bbox = extend(bbox, r);
        }
    }
    let (map_h, view) = View::fit(bbox, WIDTH - LEGEND_W - 2.0 * PAD);
    let classes = Classes::new(
        scope
            .iter()
            .filter_map(|&u| a.ranking.units[u].score)
            .collect(),
    );

    // Legend and notes first, to know the height.
    let no_shape: Vec<&str> = scope
        .iter()
        .filter(|u| !shapes.iter().any(|(v, _)| v == *u))
        .map(|&u| a.units[u].code.as_str())
        .collect();
    let lang = doc.ctx.options.lang;
    let mut notes: Vec<String> = crate::present::notes::note_texts(&a.notes, doc.ds(), lang);
    if !no_shape.is_empty() {
        notes.push(Rt::SvgNoShape.fill(lang, &[&fit(&no_shape.join(", "), 120, TILDE)]));
    }
    let (legend, legend_end) = legend(
        &classes,
        &Shown {
            water: scope.iter().any(|&u| a.units[u].water),
            background: !back.is_empty(),
            notes: &notes,
            lang,
            lisa,
        },
    );

    let height = (TOP + map_h + 2.0 * PAD + 14.0).max(legend_end + PAD);
    let mut o = String::with_capacity(1 << 16);
    if standalone {
        o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    let _ = writeln!(
        o,
        r##"<svg{} width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" font-family="sans-serif" role="img">"##,
        if standalone {
            r#" xmlns="http://www.w3.org/2000/svg""#
        } else {
            ""
        }
    );
    let title = if lisa { Rt::SvgLisaTitle } else { Rt::SvgTitle }.fill(
        lang,
        &[
            &crate::present::human::unit_plural(a.rule, lang),
            &a.profile.name,
        ],
    );
    let _ = writeln!(o, "<title>{}</title>", xml_escape(&title));
    if standalone {
        let _ = writeln!(
            o,
            "<metadata id=\"provenance\">\n{}</metadata>",
            xml_text(&doc.provenance()?.to_toml()?)
        );
    }
    let _ = writeln!(
        o,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>
<text x="{PAD}" y="26" font-size="17" font-weight="bold">{}</text>"##,
        xml_escape(&title)
    );

    if let Some(view) = &view {
        draw::background(&mut o, view, ds, &back);
        let fill_of = |u: usize| -> Option<&'static str> {
            if lisa {
                let l = a.lisa.as_ref()?.local.get(u)?;
                classes::lisa_fill(l.class)
            } else {
                classes.fill(a.ranking.units[u].score)
            }
        };
        draw::units(&mut o, view, a, &shapes, &fill_of, lang);
        draw::labels(&mut o, view, a, &shapes);
    } else {
        let _ = writeln!(
            o,
            r##"<text x="{PAD}" y="{}" font-size="13" fill="#333">{}</text>"##,
            TOP + 20.0,
            xml_escape(Rt::SvgNoUnit.text(lang))
        );
    }
    let _ = writeln!(o, r#"<g id="legend">"#);
    o.push_str(&legend);
    let _ = writeln!(o, "</g>");
    let _ = writeln!(
        o,
        r##"<text x="{PAD}" y="{:.0}" font-size="10" fill="#666">{}</text>"##,
        height - PAD,
        xml_escape(&doc.provenance()?.summary(lang))
    );
    o.push_str("</svg>\n");
    Ok(o)
}
