//! From world metres to screen cells and braille dots: the viewport, and
//! filling and tracing the rings of a level of detail, clipped to it.

use super::lod::Lod;

/// The part of the map on screen: `cols` x `rows` cells of 2 x 4 braille
/// dots; a dot is about square on a terminal, so one scale serves both axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub cols: u16,
    pub rows: u16,
    /// Metres per dot.
    pub mpd: f64,
    /// World x of the left edge and y of the top edge (relative to origin).
    pub left: f64,
    pub top: f64,
}

impl Viewport {
    /// Metres per dot that fit the whole map, with a small margin.
    pub fn fit_mpd(size: (f64, f64), cols: u16, rows: u16) -> f64 {
        let w = f64::from(cols.max(1)) * 2.0;
        let h = f64::from(rows.max(1)) * 4.0;
        (size.0 / w).max(size.1 / h) * 1.04
    }

    pub fn new(size: (f64, f64), cols: u16, rows: u16, zoom: f64, center: (f64, f64)) -> Viewport {
        let mpd = Viewport::fit_mpd(size, cols, rows) / zoom.max(1e-9);
        let w = f64::from(cols) * 2.0 * mpd;
        let h = f64::from(rows) * 4.0 * mpd;
        Viewport {
            cols,
            rows,
            mpd,
            left: center.0 - w / 2.0,
            top: center.1 + h / 2.0,
        }
    }

    pub fn dots(&self) -> (f64, f64) {
        (f64::from(self.cols) * 2.0, f64::from(self.rows) * 4.0)
    }

    /// `[min x, min y, max x, max y]` in world metres relative to origin.
    pub fn bounds(&self) -> [f64; 4] {
        let (w, h) = self.dots();
        [
            self.left,
            self.top - h * self.mpd,
            self.left + w * self.mpd,
            self.top,
        ]
    }

    pub fn to_dot(&self, x: f32, y: f32) -> (f64, f64) {
        (
            (f64::from(x) - self.left) / self.mpd,
            (self.top - f64::from(y)) / self.mpd,
        )
    }

    /// World point at the centre of a screen cell.
    pub fn cell_to_world(&self, col: u16, row: u16) -> (f64, f64) {
        (
            self.left + (f64::from(col) + 0.5) * 2.0 * self.mpd,
            self.top - (f64::from(row) + 0.5) * 4.0 * self.mpd,
        )
    }

    pub fn sees(&self, b: &[f32; 4]) -> bool {
        let v = self.bounds();
        f64::from(b[2]) >= v[0]
            && f64::from(b[0]) <= v[2]
            && f64::from(b[3]) >= v[1]
            && f64::from(b[1]) <= v[3]
    }

    /// Whether a box lies wholly on screen.
    pub fn contains(&self, b: &[f32; 4]) -> bool {
        let v = self.bounds();
        f64::from(b[0]) >= v[0]
            && f64::from(b[2]) <= v[2]
            && f64::from(b[1]) >= v[1]
            && f64::from(b[3]) <= v[3]
    }
}

/// Fill an area's cells (cell centre inside, even-odd) into `raster`
/// (`cols * rows`, row-major) with `value`. Returns the cells painted.
/// `crossings` is scratch space reused between calls.
pub fn fill_area(
    lod: &Lod,
    area: usize,
    vp: &Viewport,
    raster: &mut [u8],
    value: u8,
    crossings: &mut Vec<(u16, f32)>,
) -> usize {
    crossings.clear();
    let rows = i64::from(vp.rows);
    for ring in lod.rings_of(area) {
        let n = ring.len();
        for i in 0..n {
            let (ax, ay) = vp.to_dot(ring[i][0], ring[i][1]);
            let (bx, by) = vp.to_dot(ring[(i + 1) % n][0], ring[(i + 1) % n][1]);
            let (x1, y1, x2, y2) = (ax / 2.0, ay / 4.0, bx / 2.0, by / 4.0);
            if y1 == y2 {
                continue;
            }
            let (ya, yb) = (y1.min(y2), y1.max(y2));
            let r0 = ((ya - 0.5).ceil() as i64).max(0);
            let r1 = ((yb - 0.5).ceil() as i64).min(rows);
            for r in r0..r1 {
                let yc = r as f64 + 0.5;
                let x = x1 + (yc - y1) * (x2 - x1) / (y2 - y1);
                crossings.push((r as u16, x as f32));
            }
        }
    }
    crossings.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let cols = i64::from(vp.cols);
    let mut painted = 0;
    let mut i = 0;
    while i + 1 < crossings.len() {
        let (r, xa) = crossings[i];
        let (r2, xb) = crossings[i + 1];
        if r != r2 {
            i += 1;
            continue;
        }
        let c0 = ((f64::from(xa) - 0.5).ceil() as i64).max(0);
        let c1 = ((f64::from(xb) - 0.5).ceil() as i64).min(cols);
        let base = usize::from(r) * usize::from(vp.cols);
        for c in c0..c1 {
            raster[base + c as usize] = value;
            painted += 1;
        }
        i += 2;
    }
    painted
}

/// Call `paint(x, y)` for every dot on the segment, clipped to the screen.
pub fn trace(vp: &Viewport, a: (f64, f64), b: (f64, f64), paint: &mut impl FnMut(usize, usize)) {
    let (w, h) = vp.dots();
    let Some((x1, y1, x2, y2)) = clip(a.0, a.1, b.0, b.1, w - 1.0, h - 1.0) else {
        return;
    };
    let (mut x, mut y) = (x1.round() as i64, y1.round() as i64);
    let (xe, ye) = (x2.round() as i64, y2.round() as i64);
    let dx = (xe - x).abs();
    let dy = -(ye - y).abs();
    let sx = if x < xe { 1 } else { -1 };
    let sy = if y < ye { 1 } else { -1 };
    let mut err = dx + dy;
    loop {
        paint(x as usize, y as usize);
        if x == xe && y == ye {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
}

/// Liang-Barsky clipping to `[0, xmax] x [0, ymax]`.
fn clip(x1: f64, y1: f64, x2: f64, y2: f64, xmax: f64, ymax: f64) -> Option<(f64, f64, f64, f64)> {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [(-dx, x1), (dx, xmax - x1), (-dy, y1), (dy, ymax - y1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    Some((x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy))
}

/// Trace every ring of an area.
pub fn trace_area(lod: &Lod, area: usize, vp: &Viewport, paint: &mut impl FnMut(usize, usize)) {
    for ring in lod.rings_of(area) {
        let n = ring.len();
        for i in 0..n {
            let a = vp.to_dot(ring[i][0], ring[i][1]);
            let b = vp.to_dot(ring[(i + 1) % n][0], ring[(i + 1) % n][1]);
            trace(vp, a, b, paint);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn square_lod() -> Lod {
        Lod {
            tol: 0.0,
            xy: vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]],
            rings: vec![[0, 4]],
            area_rings: vec![[0, 1]],
            outlines: vec![],
        }
    }

    #[test]
    fn fills_a_square() {
        let lod = square_lod();
        // 10 x 10 metres on 5 x 2.5 cells: 1 metre per dot.
        let vp = Viewport {
            cols: 5,
            rows: 3,
            mpd: 1.0,
            left: 0.0,
            top: 10.0,
        };
        let mut raster = vec![0u8; 15];
        let mut scratch = Vec::new();
        let n = fill_area(&lod, 0, &vp, &mut raster, 1, &mut scratch);
        // The square is 2.5 cells high: rows whose centre lies inside.
        assert_eq!(n, 10);
        assert_eq!(raster[..10], [1; 10]);
        assert_eq!(raster[10..], [0; 5]);
    }

    #[test]
    fn clips_segments() {
        let vp = Viewport {
            cols: 2,
            rows: 1,
            mpd: 1.0,
            left: 0.0,
            top: 4.0,
        };
        let mut dots = Vec::new();
        trace(&vp, (-10.0, 1.0), (10.0, 1.0), &mut |x, y| {
            dots.push((x, y))
        });
        assert_eq!(dots, vec![(0, 1), (1, 1), (2, 1), (3, 1)]);
    }
}
