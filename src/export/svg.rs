//! A choropleth of the scope: units coloured by need score in quantile
//! classes, shortlisted units outlined and labelled, a legend, the notes
//! every output carries, and the provenance in `<metadata>`. One `<path>`
//! per unit with a shape (compound for a multi-part area; even-odd fill so
//! holes stay holes). Drawn from Rijksdriehoek metres, north up, into pixel
//! coordinates, simplified to a third of a pixel.

use super::escape::{xml_escape, xml_text};
use super::geometry::{background, in_scope, unit_shape};
use super::{Document, ExportError, Exporter, Format};
use geo::{BoundingRect, InteriorPoint, MultiPolygon, Rect, Simplify};
use std::fmt::Write;

pub struct Svg;

impl Exporter for Svg {
    fn format(&self) -> Format {
        Format::Svg
    }

    fn render(&self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        Ok(map(doc, true)?.into_bytes())
    }
}

const WIDTH: f64 = 960.0;
const LEGEND_W: f64 = 240.0;
const TOP: f64 = 44.0;
const PAD: f64 = 10.0;
/// Orange-red, light to dark: more need is darker.
const RAMP: [&str; 5] = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];
const NOT_RANKED: &str = "#d9d9d9";
const WATER: &str = "#cfe3f3";
const BACKGROUND: &str = "#f0f0f0";

struct View {
    minx: f64,
    maxy: f64,
    s: f64,
    ox: f64,
    oy: f64,
}

impl View {
    fn px(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.ox + (x - self.minx) * self.s,
            self.oy + (self.maxy - y) * self.s,
        )
    }
}

fn extend(acc: Option<Rect<f64>>, r: Rect<f64>) -> Option<Rect<f64>> {
    Some(match acc {
        None => r,
        Some(a) => Rect::new(
            geo::coord! { x: a.min().x.min(r.min().x), y: a.min().y.min(r.min().y) },
            geo::coord! { x: a.max().x.max(r.max().x), y: a.max().y.max(r.max().y) },
        ),
    })
}

fn path_data(view: &View, shape: &MultiPolygon<f64>) -> String {
    let simple = shape.simplify(0.33 / view.s);
    let mut d = String::new();
    for poly in &simple.0 {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            let mut pts: Vec<(String, String)> = Vec::with_capacity(ring.0.len());
            for c in &ring.0 {
                let (x, y) = view.px(c.x, c.y);
                let p = (format!("{x:.1}"), format!("{y:.1}"));
                if pts.last() != Some(&p) {
                    pts.push(p);
                }
            }
            // Closed rings repeat the first point: fewer than 4 means the
            // ring collapsed below a pixel.
            if pts.len() < 4 {
                continue;
            }
            pts.pop();
            for (i, (x, y)) in pts.iter().enumerate() {
                let _ = write!(d, "{}{x} {y}", if i == 0 { "M" } else { " " });
                if i == 0 {
                    d.push('L');
                }
            }
            d.push('Z');
        }
    }
    d
}

/// Upper bounds of quantile classes (at most 5), from the scores in scope.
fn breaks(scores: &mut [f64]) -> Vec<f64> {
    scores.sort_by(f64::total_cmp);
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    let mut b: Vec<f64> = (1..RAMP.len())
        .map(|i| scores[(i * n).div_ceil(RAMP.len()).saturating_sub(1)])
        .collect();
    b.dedup();
    // The maximum as a break would leave the top class empty.
    b.retain(|&x| x < scores[n - 1]);
    b
}

fn class_of(breaks: &[f64], s: f64) -> usize {
    breaks.iter().filter(|&&b| s > b).count()
}

fn colour(classes: usize, c: usize) -> &'static str {
    if classes <= 1 {
        return RAMP[RAMP.len() - 1];
    }
    RAMP[c * (RAMP.len() - 1) / (classes - 1)]
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('~');
        t
    }
}

/// The map; `standalone` adds the XML declaration, namespace and
/// provenance (inline in HTML none of them belong).
pub fn map(doc: &Document, standalone: bool) -> Result<String, ExportError> {
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

    let map_w = WIDTH - LEGEND_W - 2.0 * PAD;
    let (map_h, view) = match bbox {
        Some(r) if r.width() > 0.0 && r.height() > 0.0 => {
            let h = (map_w * r.height() / r.width()).clamp(320.0, 900.0);
            let s = (map_w / r.width()).min(h / r.height());
            (
                h,
                Some(View {
                    minx: r.min().x,
                    maxy: r.max().y,
                    s,
                    ox: PAD + (map_w - r.width() * s) / 2.0,
                    oy: TOP + (h - r.height() * s) / 2.0,
                }),
            )
        }
        _ => (320.0, None),
    };

    let mut scores: Vec<f64> = scope
        .iter()
        .filter_map(|&u| a.ranking.units[u].score)
        .collect();
    let br = breaks(&mut scores);
    let nclass = if scores.is_empty() { 0 } else { br.len() + 1 };
    let mut class_range: Vec<Option<(f64, f64)>> = vec![None; nclass];
    for &s in &scores {
        let c = class_of(&br, s);
        class_range[c] = Some(match class_range[c] {
            None => (s, s),
            Some((lo, hi)) => (lo.min(s), hi.max(s)),
        });
    }

    // Legend and notes first, to know the height.
    let lx = WIDTH - LEGEND_W;
    let mut legend = String::new();
    let mut ly = TOP + 8.0;
    let _ = writeln!(
        legend,
        r##"<text x="{lx}" y="{ly}" font-size="13" font-weight="bold">Need score ({})</text>"##,
        if nclass > 1 {
            "quantile classes"
        } else {
            "one class"
        }
    );
    ly += 10.0;
    for c in (0..nclass).rev() {
        let Some((lo, hi)) = class_range[c] else {
            continue;
        };
        let _ = writeln!(
            legend,
            r##"<rect x="{lx}" y="{ly}" width="22" height="14" fill="{}" stroke="#999" stroke-width="0.5"/><text x="{}" y="{}" font-size="12">{lo:.2} to {hi:.2}</text>"##,
            colour(nclass, c),
            lx + 30.0,
            ly + 11.0
        );
        ly += 20.0;
    }
    let any_water = scope.iter().any(|&u| a.units[u].water);
    let mut swatch = |fill: &str, stroke: &str, width: f64, label: &str, ly: &mut f64| {
        let _ = writeln!(
            legend,
            r##"<rect x="{lx}" y="{y}" width="22" height="14" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/><text x="{}" y="{}" font-size="12">{}</text>"##,
            lx + 30.0,
            *ly + 11.0,
            xml_escape(label),
            y = *ly
        );
        *ly += 20.0;
    };
    swatch(
        NOT_RANKED,
        "#999",
        0.5,
        "not ranked (too little data)",
        &mut ly,
    );
    if any_water {
        swatch(WATER, "#999", 0.5, "water", &mut ly);
    }
    if !back.is_empty() {
        swatch(BACKGROUND, "#999", 0.5, "not part of any unit", &mut ly);
    }
    ly += 6.0;
    swatch("none", "#000", 2.6, "shortlisted (labelled)", &mut ly);
    swatch("none", "#444", 1.2, "eligible", &mut ly);
    swatch("none", "#bbb", 0.6, "not eligible", &mut ly);
    let no_shape: Vec<&str> = scope
        .iter()
        .filter(|u| !shapes.iter().any(|(v, _)| v == *u))
        .map(|&u| a.units[u].code.as_str())
        .collect();
    let mut notes: Vec<String> = a.notes.clone();
    if !no_shape.is_empty() {
        notes.push(format!(
            "not drawn, no shape: {}",
            truncate(&no_shape.join(", "), 120)
        ));
    }
    ly += 8.0;
    for n in &notes {
        for line in wrap(n, 40) {
            let _ = writeln!(
                legend,
                r##"<text x="{lx}" y="{ly}" font-size="10" fill="#333">{}</text>"##,
                xml_escape(&line)
            );
            ly += 13.0;
        }
        ly += 4.0;
    }

    let height = (TOP + map_h + 2.0 * PAD + 14.0).max(ly + PAD);
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
    let title = format!(
        "Need score by {}, profile {}",
        match a.rule {
            crate::domain::pilot::PilotRule::Wijk => "wijk",
            crate::domain::pilot::PilotRule::Contiguous => "pilot area",
            _ => "buurt",
        },
        a.profile.name
    );
    let _ = writeln!(o, "<title>{}</title>", xml_escape(&title));
    if standalone {
        let _ = writeln!(
            o,
            "<metadata id=\"provenance\">\n{}</metadata>",
            xml_text(&doc.provenance.to_toml()?)
        );
    }
    let _ = writeln!(
        o,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>
<text x="{PAD}" y="26" font-size="17" font-weight="bold">{}</text>"##,
        xml_escape(&title)
    );

    if let Some(view) = &view {
        let _ = writeln!(
            o,
            r##"<g id="background" fill="{BACKGROUND}" stroke="#ffffff" stroke-width="0.6">"##
        );
        for &i in &back {
            if let Some(g) = &ds.areas[i].geometry {
                let d = path_data(view, g);
                if !d.is_empty() {
                    let _ = writeln!(
                        o,
                        r##"<path class="background" data-code="{}" fill-rule="evenodd" d="{d}"/>"##,
                        xml_escape(&ds.areas[i].code)
                    );
                }
            }
        }
        let _ = writeln!(o, "</g>");
        let _ = writeln!(o, r#"<g id="units" stroke-linejoin="round">"#);
        let mut drawn: Vec<&(usize, MultiPolygon<f64>)> = shapes.iter().collect();
        // Outlines drawn last stay on top of their neighbours' strokes.
        drawn.sort_by_key(|(u, _)| {
            let r = &a.ranking.units[*u];
            (a.ranking.shortlist.contains(u), r.eligible)
        });
        for (u, shape) in drawn {
            let u = *u;
            let f = &a.units[u];
            let r = &a.ranking.units[u];
            let shortlisted = a.ranking.shortlist.contains(&u);
            let fill = match r.score {
                Some(s) if nclass > 0 => colour(nclass, class_of(&br, s)),
                _ if f.water => WATER,
                _ => NOT_RANKED,
            };
            let (class, stroke, width) = if shortlisted {
                ("unit shortlisted", "#000000", 2.6)
            } else if r.eligible {
                ("unit eligible", "#444444", 1.2)
            } else {
                ("unit", "#bbbbbb", 0.6)
            };
            let d = path_data(view, shape);
            let tip = format!(
                "{} {}: {}{}",
                f.code,
                f.name,
                match (r.rank, r.score) {
                    (Some(k), Some(s)) => format!("rank {k}, score {s:.2}"),
                    _ => "not ranked".into(),
                },
                if shortlisted { ", shortlisted" } else { "" }
            );
            let _ = writeln!(
                o,
                r##"<path class="{class}" data-code="{}" fill="{fill}" stroke="{stroke}" stroke-width="{width}" fill-rule="evenodd" d="{d}"><title>{}</title></path>"##,
                xml_escape(&f.code),
                xml_escape(&tip)
            );
        }
        let _ = writeln!(o, "</g>");
        let _ = writeln!(
            o,
            r##"<g id="labels" font-size="12" font-weight="bold" text-anchor="middle" fill="#000000" stroke="#ffffff" stroke-width="3" paint-order="stroke">"##
        );
        let mut placed: Vec<(f64, f64)> = Vec::new();
        for (pos, &u) in a.ranking.shortlist.iter().enumerate() {
            let Some((_, shape)) = shapes.iter().find(|(v, _)| *v == u) else {
                continue;
            };
            let Some(p) = shape.interior_point() else {
                continue;
            };
            let (x, mut y) = view.px(p.x(), p.y());
            // Neighbouring shortlisted units would print their labels over
            // each other: move a label down until it is clear.
            while placed
                .iter()
                .any(|&(px, py)| (px - x).abs() < 110.0 && (py - y).abs() < 14.0)
            {
                y += 14.0;
            }
            placed.push((x, y));
            let _ = writeln!(
                o,
                r#"<text x="{x:.1}" y="{:.1}">{}. {}</text>"#,
                y + 4.0,
                pos + 1,
                xml_escape(&truncate(&a.units[u].name, 28))
            );
        }
        let _ = writeln!(o, "</g>");
    } else {
        let _ = writeln!(
            o,
            r##"<text x="{PAD}" y="{}" font-size="13" fill="#333">No unit in scope has a shape to draw.</text>"##,
            TOP + 20.0
        );
    }
    let _ = writeln!(o, r#"<g id="legend">"#);
    o.push_str(&legend);
    let _ = writeln!(o, "</g>");
    let _ = writeln!(
        o,
        r##"<text x="{PAD}" y="{:.0}" font-size="10" fill="#666">{}</text>"##,
        height - PAD,
        xml_escape(&doc.provenance.summary())
    );
    o.push_str("</svg>\n");
    Ok(o)
}
