//! The correlation heat map of the report: one cell per pair of the
//! profile's indicators, Pearson above the diagonal and Spearman below, red
//! for positive and blue for negative, the figure in the cell.

use super::super::escape::xml_escape as esc;
use super::num2;
use crate::domain::correlation::Correlations;
use crate::i18n::{Lang, Rt};
use std::fmt::Write;

const CELL: f64 = 44.0;
const LABEL_W: f64 = 300.0;
const TOP: f64 = 30.0;

/// The fill of a correlation: white at 0, red towards +1, blue towards -1.
pub fn fill(r: f64) -> String {
    let t = r.clamp(-1.0, 1.0);
    let fade = (255.0 - 200.0 * t.abs()).round() as u8;
    if t >= 0.0 {
        format!("#ff{fade:02x}{fade:02x}")
    } else {
        format!("#{fade:02x}{fade:02x}ff")
    }
}

/// The matrix cell of row `a`, column `b`.
fn cell(c: &Correlations, a: usize, b: usize) -> Option<f64> {
    match a.cmp(&b) {
        std::cmp::Ordering::Equal => Some(1.0),
        std::cmp::Ordering::Less => c.pearson[a][b],
        std::cmp::Ordering::Greater => c.spearman[a][b],
    }
}

/// The heat map as inline SVG; `label` names an indicator.
pub fn svg(c: &Correlations, label: impl Fn(&str) -> String, lang: Lang) -> String {
    let n = c.ids.len();
    let w = LABEL_W + CELL * n as f64 + 10.0;
    let h = TOP + CELL * n as f64 + 10.0;
    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<svg class="chart heatmap" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="sans-serif" font-size="12" role="img"><title>{}</title>"#,
        esc(Rt::HeatmapTitle.text(lang))
    );
    for k in 0..n {
        let x = LABEL_W + CELL * (k as f64 + 0.5);
        let _ = writeln!(
            o,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">[{}]</text>"#,
            TOP - 8.0,
            k + 1
        );
    }
    for (a, id) in c.ids.iter().enumerate() {
        let y = TOP + CELL * a as f64;
        let _ = writeln!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">[{}] {}</text>"#,
            LABEL_W - 8.0,
            y + CELL / 2.0 + 4.0,
            a + 1,
            esc(&label(id))
        );
        for b in 0..n {
            let x = LABEL_W + CELL * b as f64;
            let v = cell(c, a, b);
            let (f, text) = match v {
                Some(r) => (fill(r), num2(r, lang)),
                None => ("#eeeeee".to_string(), "-".to_string()),
            };
            let _ = writeln!(
                o,
                r##"<g class="cell"><rect x="{x:.1}" y="{y:.1}" width="{CELL}" height="{CELL}" fill="{f}" stroke="#ffffff"/><text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text></g>"##,
                x + CELL / 2.0,
                y + CELL / 2.0 + 4.0,
                esc(&text)
            );
        }
    }
    o.push_str("</svg>\n");
    o
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::correlation::correlations;

    #[test]
    fn cells_carry_pearson_above_and_spearman_below_in_their_colour() {
        let a = [Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
        let b = [Some(4.0), Some(3.0), Some(2.5), Some(1.0)];
        let ids = vec!["x".to_string(), "y".to_string()];
        let c = correlations(&ids, &[&a, &b], &[1.0, 1.0], &[true; 4]);
        let s = svg(&c, |id| format!("label {id}"), Lang::Nl);
        let doc = roxmltree::Document::parse(&s).unwrap();
        let cells: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("cell"))
            .collect();
        assert_eq!(cells.len(), 4);
        let text = |i: usize| {
            cells[i]
                .descendants()
                .find(|n| n.has_tag_name("text"))
                .and_then(|t| t.text())
                .unwrap()
                .to_string()
        };
        assert_eq!(text(0), "1,00");
        assert_eq!(text(1), num2(c.pearson[0][1].unwrap(), Lang::Nl));
        assert_eq!(text(2), num2(c.spearman[1][0].unwrap(), Lang::Nl));
        let rect = cells[1].first_element_child().unwrap();
        assert_eq!(
            rect.attribute("fill"),
            Some(fill(c.pearson[0][1].unwrap()).as_str())
        );
        assert!(s.contains("[1] label x"));
        assert_eq!(fill(0.0), "#ffffff");
        assert_eq!(fill(1.0), "#ff3737");
        assert_eq!(fill(-1.0), "#3737ff");
    }
}
