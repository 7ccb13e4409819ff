//! The report's spatial sections: the LISA cluster map of the score and
//! the correlation heat map of the profile's indicators.

use super::super::escape::xml_escape as esc;
use super::super::svg::lisa_map;
use super::super::{Document, ExportError};
use super::{heatmap, num2};
use crate::i18n::{Lang, Rt};
use std::fmt::Write;

pub fn html(doc: &Document, lang: Lang, o: &mut String) -> Result<(), ExportError> {
    let a = doc.analysis();
    let t = |r: Rt| r.text(lang);
    let fmt = |e: std::fmt::Error| ExportError::other(e);
    if let Some(svg) = lisa_map(doc)? {
        writeln!(o, "<h2>{}</h2>", esc(t(Rt::LisaHeading))).map_err(fmt)?;
        writeln!(o, "<figure id=\"lisa\">\n{svg}").map_err(fmt)?;
        if let Some(g) = a.lisa.as_ref().and_then(|l| l.global()) {
            writeln!(
                o,
                "<figcaption>{}</figcaption>",
                esc(&Rt::LisaCaption.fill(
                    lang,
                    &[
                        &num2(g.i, lang),
                        &crate::present::human::num(Some(g.p), 3, lang)
                    ]
                ))
            )
            .map_err(fmt)?;
        }
        writeln!(o, "</figure>").map_err(fmt)?;
    }
    let c = a.correlations();
    if c.ids.len() >= 2 {
        let label = |id: &str| {
            doc.ds()
                .indicator(id)
                .map(|i| {
                    lang.pick(&i.meta.label_nl, &i.meta.label_en)
                        .trim()
                        .to_string()
                })
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| id.to_string())
        };
        writeln!(o, "<h2>{}</h2>", esc(t(Rt::HeatmapHeading))).map_err(fmt)?;
        writeln!(
            o,
            "<figure id=\"correlations\">\n{}<figcaption>{}</figcaption>\n</figure>",
            heatmap::svg(&c, label, lang),
            esc(t(Rt::HeatmapCaption))
        )
        .map_err(fmt)?;
    }
    Ok(())
}
