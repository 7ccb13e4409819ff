//! Text on the map once zoomed in far enough: unit names where a name fits
//! inside its unit's box, and the names of the selected unit's schools.
//! Labels never overlap; the selected and shortlisted units go first.

use crate::tui::app::App;
use crate::tui::geometry::Viewport;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// Cells taken by labels so far, per row.
struct Taken(Vec<Vec<(u16, u16)>>);

impl Taken {
    fn free(&self, row: u16, x0: u16, x1: u16) -> bool {
        self.0
            .get(usize::from(row))
            .is_some_and(|r| r.iter().all(|&(a, b)| x1 < a || x0 > b))
    }

    fn take(&mut self, row: u16, x0: u16, x1: u16) {
        if let Some(r) = self.0.get_mut(usize::from(row)) {
            r.push((x0, x1));
        }
    }
}

/// The cell (column, row) of a world point, if on the canvas.
fn cell(vp: &Viewport, x: f64, y: f64) -> Option<(u16, u16)> {
    let c = (x - vp.left) / vp.mpd / 2.0;
    let r = (vp.top - y) / vp.mpd / 4.0;
    (c >= 0.0 && r >= 0.0 && c < f64::from(vp.cols) && r < f64::from(vp.rows))
        .then_some((c as u16, r as u16))
}

pub fn render(app: &App, vp: &Viewport, canvas: Rect, buf: &mut Buffer) {
    let mut taken = Taken(vec![Vec::new(); usize::from(vp.rows)]);
    let style = if app.theme.color {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default()
    };
    let mut put = |text: &str, col: u16, row: u16, buf: &mut Buffer, taken: &mut Taken| {
        let w = text.chars().count() as u16;
        if col + w > vp.cols || !taken.free(row, col, col + w) {
            return false;
        }
        taken.take(row, col, col + w);
        buf.set_string(canvas.x + col, canvas.y + row, text, style);
        true
    };
    school_names(app, vp, buf, &mut taken, &mut put);
    let shortlist = app.shortlist();
    // The selected unit first, then the shortlisted ones, then the rest,
    // each in unit order: laid out directly, as a sort of every unit per
    // frame costs too much at a few hundred thousand units.
    let n = app.geo.unit_bbox.len();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    order.extend((app.selected < n).then_some(app.selected));
    let mut listed: Vec<usize> = shortlist
        .iter()
        .copied()
        .filter(|&u| u < n && u != app.selected)
        .collect();
    listed.sort_unstable();
    listed.dedup();
    order.extend(listed);
    order.extend((0..n).filter(|u| *u != app.selected && !shortlist.contains(u)));
    let [x0, y0, x1, y1] = vp.bounds();
    for u in order {
        let Some(Some(b)) = app.geo.unit_bbox.get(u).copied() else {
            continue;
        };
        let (bx0, by0, bx1, by1) = (
            f64::from(b[0]),
            f64::from(b[1]),
            f64::from(b[2]),
            f64::from(b[3]),
        );
        if bx1 < x0 || bx0 > x1 || by1 < y0 || by0 > y1 {
            continue;
        }
        // The box must hold the name with a cell to spare each side and be
        // at least two rows high: otherwise the name would cover others.
        // Boxes too small for any name are passed over before the name is
        // read: at whole-country zoom that is nearly every unit, and walking
        // a few hundred thousand names each frame showed.
        let (wc, hc) = ((bx1 - bx0) / vp.mpd / 2.0, (by1 - by0) / vp.mpd / 4.0);
        if hc < 2.0 || wc < 3.0 {
            continue;
        }
        let name = app.unit_name(u);
        let w = name.chars().count() as f64;
        if name.is_empty() || wc < w + 2.0 {
            continue;
        }
        let Some((c, r)) = cell(vp, (bx0 + bx1) / 2.0, (by0 + by1) / 2.0) else {
            continue;
        };
        let start = c.saturating_sub((w / 2.0) as u16);
        put(name, start, r, buf, &mut taken);
    }
}

/// Names and kinds of the selected unit's primary schools beside their
/// dots, when the unit is wide enough on screen to show them.
fn school_names(
    app: &App,
    vp: &Viewport,
    buf: &mut Buffer,
    taken: &mut Taken,
    put: &mut impl FnMut(&str, u16, u16, &mut Buffer, &mut Taken) -> bool,
) {
    if !app.map.schools {
        return;
    }
    let Some(Some(b)) = app.geo.unit_bbox.get(app.selected).copied() else {
        return;
    };
    if f64::from(b[2] - b[0]) / vp.mpd / 2.0 < 24.0 {
        return;
    }
    let members = match app.analysis.members.get(app.selected) {
        Some(m) => m,
        None => return,
    };
    let (ox, oy) = app.geo.origin;
    for s in app
        .ds
        .schools
        .iter()
        .filter(|s| s.primary && s.area.is_some_and(|a| members.contains(&a)))
    {
        let Some((c, r)) = cell(vp, s.x - ox, s.y - oy) else {
            continue;
        };
        let text = if s.kind.is_empty() {
            s.name.clone()
        } else {
            format!("{} ({})", s.name, s.kind)
        };
        put(&text, c + 1, r, buf, taken);
    }
}
