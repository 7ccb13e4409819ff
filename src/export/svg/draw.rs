//! The map itself: the land outside every unit, one path per unit coloured
//! by class and outlined by status, and the labels of the shortlist.

use super::view::View;
use super::{NOT_RANKED, WATER};
use crate::domain::analysis::Analysis;
use crate::domain::dataset::Dataset;
use crate::export::escape::xml_escape;
use crate::i18n::{Lang, Rt};
use crate::present::human::num;
use crate::present::{fit, TILDE};
use geo::{InteriorPoint, MultiPolygon};
use std::fmt::Write;

/// Areas that belong to no unit in scope, in one grey.
pub fn background(o: &mut String, view: &View, ds: &Dataset, back: &[usize]) {
    let _ = writeln!(
        o,
        r##"<g id="background" fill="{}" stroke="#ffffff" stroke-width="0.6">"##,
        super::BACKGROUND
    );
    for &i in back {
        if let Some(g) = &ds.areas[i].geometry {
            let d = view.path_data(g);
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
}

/// Every unit with a shape, with its rank and score as a tooltip.
pub fn units(
    o: &mut String,
    view: &View,
    a: &Analysis,
    shapes: &[(usize, MultiPolygon<f64>)],
    fill_of: &dyn Fn(usize) -> Option<&'static str>,
    lang: Lang,
) {
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
        let fill = match fill_of(u) {
            Some(c) => c,
            None if f.water => WATER,
            None => NOT_RANKED,
        };
        let (class, stroke, width) = if shortlisted {
            ("unit shortlisted", "#000000", 2.6)
        } else if r.eligible {
            ("unit eligible", "#444444", 1.2)
        } else {
            ("unit", "#bbbbbb", 0.6)
        };
        let d = view.path_data(shape);
        let tip = format!(
            "{} {}: {}{}",
            f.code,
            f.name,
            match (r.rank, r.score) {
                (Some(k), Some(s)) => {
                    let rank = match a.rank_range(u) {
                        Some((lo, hi)) if lo < hi => format!("{lo}-{hi} ="),
                        _ => k.to_string(),
                    };
                    Rt::SvgTip.fill(lang, &[&rank, &num(Some(s), 2, lang)])
                }
                _ => Rt::SvgNotRankedShort.text(lang).into(),
            },
            if shortlisted {
                format!(", {}", Rt::Shortlist.text(lang))
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            o,
            r##"<path class="{class}" data-code="{}" fill="{fill}" stroke="{stroke}" stroke-width="{width}" fill-rule="evenodd" d="{d}"><title>{}</title></path>"##,
            xml_escape(&f.code),
            xml_escape(&tip)
        );
    }
    let _ = writeln!(o, "</g>");
}

/// "1. Name" on each shortlisted unit, in shortlist order.
pub fn labels(o: &mut String, view: &View, a: &Analysis, shapes: &[(usize, MultiPolygon<f64>)]) {
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
            xml_escape(&fit(&a.units[u].name, 28, TILDE))
        );
    }
    let _ = writeln!(o, "</g>");
}
