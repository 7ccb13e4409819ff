//! From Rijksdriehoek metres to pixels: the extent of what is drawn, the
//! scale that fits it, and shapes as SVG path data.

use super::{PAD, TOP};
use geo::{MultiPolygon, Rect, Simplify};
use std::fmt::Write;

/// The map's pixel frame: north up, one scale for both axes.
pub struct View {
    minx: f64,
    maxy: f64,
    s: f64,
    ox: f64,
    oy: f64,
}

impl View {
    /// The view that centres `bbox` in a map `map_w` pixels wide, and the
    /// map's height; `None` without an extent to draw.
    pub fn fit(bbox: Option<Rect<f64>>, map_w: f64) -> (f64, Option<View>) {
        match bbox {
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
        }
    }

    pub fn px(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.ox + (x - self.minx) * self.s,
            self.oy + (self.maxy - y) * self.s,
        )
    }

    /// A shape as path data, simplified to a third of a pixel.
    pub fn path_data(&self, shape: &MultiPolygon<f64>) -> String {
        let simple = shape.simplify(0.33 / self.s);
        let mut d = String::new();
        for poly in &simple.0 {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                let mut pts: Vec<(String, String)> = Vec::with_capacity(ring.0.len());
                for c in &ring.0 {
                    let (x, y) = self.px(c.x, c.y);
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
}

/// The smallest rectangle holding `acc` and `r`.
pub fn extend(acc: Option<Rect<f64>>, r: Rect<f64>) -> Option<Rect<f64>> {
    Some(match acc {
        None => r,
        Some(a) => Rect::new(
            geo::coord! { x: a.min().x.min(r.min().x), y: a.min().y.min(r.min().y) },
            geo::coord! { x: a.max().x.max(r.max().x), y: a.max().y.max(r.max().y) },
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{coord, polygon};

    #[test]
    fn a_square_fills_the_width_and_keeps_north_up() {
        let bbox = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 1000.0, y: 1000.0 });
        let (h, view) = View::fit(Some(bbox), 500.0);
        assert_eq!(h, 500.0);
        let view = view.expect("a view");
        assert_eq!(view.px(0.0, 1000.0), (PAD, TOP));
        assert_eq!(view.px(1000.0, 0.0), (PAD + 500.0, TOP + 500.0));
        let square = MultiPolygon(vec![polygon![
            (x: 0.0, y: 0.0),
            (x: 1000.0, y: 0.0),
            (x: 1000.0, y: 1000.0),
            (x: 0.0, y: 1000.0),
        ]]);
        assert_eq!(
            view.path_data(&square),
            "M10.0 544.0L 510.0 544.0 510.0 44.0 10.0 44.0Z"
        );
    }

    #[test]
    fn no_extent_no_view() {
        assert!(View::fit(None, 500.0).1.is_none());
        let r = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 1.0, y: 3.0 });
        assert_eq!(extend(extend(None, r), r), Some(r));
    }
}
