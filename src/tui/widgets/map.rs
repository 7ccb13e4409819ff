//! The map: units filled by score class on a ratatui Canvas, borders,
//! shortlist and selection outlined on a braille layer above, schools as
//! points. Reads the geometry prepared at start at the level of detail of
//! one screen dot, and only the areas whose box is on screen.

use super::pane_block;
use crate::i18n::Msg;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::fmt::num;
use crate::tui::geometry::{fill_area, trace, trace_area, Viewport};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Painter, Shape};
use ratatui::widgets::Widget;

/// Raster values: 0 = nothing, 1..=5 = score class, then these.
const UNRANKED: u8 = 6;
const WATER: u8 = 7;
const SELECTED: u8 = 8;

/// Below this size (in dots) an area's border is left out: it would only
/// darken the fill.
const MIN_BORDER_DOTS: f64 = 4.0;

/// Paints raster cells whose value `pick` maps to a colour.
struct Cells<'a, F: Fn(u8) -> Option<Color>> {
    raster: &'a [u8],
    cols: usize,
    pick: F,
}

impl<F: Fn(u8) -> Option<Color>> Shape for Cells<'_, F> {
    fn draw(&self, painter: &mut Painter) {
        for (i, &v) in self.raster.iter().enumerate() {
            if let Some(c) = (self.pick)(v) {
                painter.paint(i % self.cols, i / self.cols, c);
            }
        }
    }
}

/// Paints grid points (dots or cells, by the layer's marker).
struct Dots<'a> {
    dots: &'a [(u32, u32)],
    color: Color,
}

impl Shape for Dots<'_> {
    fn draw(&self, painter: &mut Painter) {
        for &(x, y) in self.dots {
            painter.paint(x as usize, y as usize, self.color);
        }
    }
}

/// Everything a frame draws, computed before the canvas paints it.
struct Frame {
    raster: Vec<u8>,
    borders: Vec<(u32, u32)>,
    shortlist: Vec<(u32, u32)>,
    selected: Vec<(u32, u32)>,
    schools: Vec<(u32, u32)>,
}

fn box_dots(vp: &Viewport, b: &[f32; 4]) -> (f64, f64) {
    (
        f64::from(b[2] - b[0]) / vp.mpd,
        f64::from(b[3] - b[1]) / vp.mpd,
    )
}

/// A small ring around a point, for a selection too small to outline.
fn ring_around(vp: &Viewport, b: &[f32; 4], out: &mut Vec<(u32, u32)>) {
    let c = vp.to_dot((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let pts: Vec<(f64, f64)> = (0..12)
        .map(|k| {
            let a = f64::from(k) * std::f64::consts::PI / 6.0;
            (c.0 + 3.0 * a.cos(), c.1 + 3.0 * a.sin())
        })
        .collect();
    for k in 0..pts.len() {
        trace(vp, pts[k], pts[(k + 1) % pts.len()], &mut |x, y| {
            out.push((x as u32, y as u32))
        });
    }
}

fn frame(app: &App, vp: &Viewport) -> Frame {
    let geo = &app.geo;
    let lod = geo.lod(vp.mpd);
    let cols = usize::from(vp.cols);
    let mut f = Frame {
        raster: vec![0; cols * usize::from(vp.rows)],
        borders: Vec::new(),
        shortlist: Vec::new(),
        selected: Vec::new(),
        schools: Vec::new(),
    };
    let mut scratch = Vec::new();
    let value = |area: usize| -> u8 {
        match geo.area_unit[area].map(|u| u as usize) {
            Some(u) if app.analysis.units[u].water => WATER,
            Some(u) => match app.classes.of_unit.get(u).copied().flatten() {
                Some(c) => c + 1,
                None => UNRANKED,
            },
            None if app.ds.areas[area].water => WATER,
            None => UNRANKED,
        }
    };
    let selected_unit = app.selected as u32;
    let selected_fill = !app.theme.color;
    for &a in &geo.drawn {
        let a = a as usize;
        let Some(b) = geo.area_bbox[a] else { continue };
        if !vp.sees(&b) {
            continue;
        }
        let mut v = value(a);
        if selected_fill && geo.area_unit[a] == Some(selected_unit) {
            v = SELECTED;
        }
        let painted = fill_area(lod, a, vp, &mut f.raster, v, &mut scratch);
        if painted == 0 {
            // Smaller than a cell: still show its colour where it lies.
            let (x, y) = vp.to_dot((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
            let (c, r) = ((x / 2.0).floor(), (y / 4.0).floor());
            if c >= 0.0 && r >= 0.0 && (c as usize) < cols && (r as usize) < usize::from(vp.rows) {
                f.raster[r as usize * cols + c as usize] = v;
            }
        }
        let (w, h) = box_dots(vp, &b);
        if w.max(h) >= MIN_BORDER_DOTS {
            trace_area(lod, a, vp, &mut |x, y| f.borders.push((x as u32, y as u32)));
        }
    }

    let outline = |u: usize, out: &mut Vec<(u32, u32)>| {
        let Some(b) = geo.unit_bbox.get(u).copied().flatten() else {
            return;
        };
        if !vp.sees(&b) {
            return;
        }
        let (w, h) = box_dots(vp, &b);
        if w.max(h) < MIN_BORDER_DOTS {
            ring_around(vp, &b, out);
            return;
        }
        let segs = lod.outlines.get(u).filter(|s| !s.is_empty());
        match segs {
            Some(segs) => {
                for s in segs {
                    trace(
                        vp,
                        vp.to_dot(s[0], s[1]),
                        vp.to_dot(s[2], s[3]),
                        &mut |x, y| out.push((x as u32, y as u32)),
                    );
                }
            }
            None => {
                for &a in &app.analysis.members[u] {
                    trace_area(lod, a, vp, &mut |x, y| out.push((x as u32, y as u32)));
                }
            }
        }
    };
    for u in app.shortlist() {
        if u != app.selected {
            outline(u, &mut f.shortlist);
        }
    }
    outline(app.selected, &mut f.selected);

    if app.map.schools {
        let [x0, y0, x1, y1] = vp.bounds();
        for s in &geo.schools {
            let (x, y) = (f64::from(s[0]), f64::from(s[1]));
            if x < x0 || x >= x1 || y <= y0 || y > y1 {
                continue;
            }
            let (dx, dy) = vp.to_dot(s[0], s[1]);
            f.schools.push(((dx / 2.0) as u32, (dy / 4.0) as u32));
        }
    }
    f
}

/// The legend: the classes always, then as much of the rest as fits.
fn legend(app: &App, width: usize) -> Line<'static> {
    let t = |m: Msg| m.text(app.lang);
    let th = &app.theme;
    let mut classes = Vec::new();
    if app.lisa.is_some() {
        let names = [
            Msg::LisaHighHigh,
            Msg::LisaLowLow,
            Msg::LisaLowHigh,
            Msg::LisaHighLow,
            Msg::LisaNs,
        ];
        for (k, m) in names.iter().enumerate() {
            let (ch, style) = th.lisa_swatch(k);
            classes.push(Span::styled(ch.to_string(), style));
            classes.push(Span::raw(format!("{} ", t(*m))));
        }
    }
    for (k, r) in app.classes.ranges.iter().enumerate() {
        let (ch, style) = th.class_swatch(k);
        classes.push(Span::styled(ch.to_string(), style));
        classes.push(Span::raw(format!("{} ", num(Some(r.0), 2, app.lang))));
    }
    let swatch = |c: Color| {
        if th.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    };
    let mut extras = vec![
        (th.unranked_color(), "█", t(Msg::NotRanked)),
        (th.shortlist_color(), "⣿", t(Msg::Shortlist)),
        (th.selected_color(), "⣿", t(Msg::Selected)),
    ];
    if app.map.schools {
        extras.push((th.school_color(), "•", t(Msg::School)));
    }
    let len = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| s.content.chars().count())
            .sum::<usize>()
    };
    let mut spans = Vec::new();
    let title = match app.map.colour {
        _ if app.lisa.is_some() => {
            format!("{} ", Msg::LisaLegend.fill(app.lang, &[&colour_label(app)]))
        }
        None => format!("{} ", t(Msg::LegendTitle)),
        Some(_) => format!(
            "{} ",
            Msg::LegendIndicator.fill(app.lang, &[&colour_label(app)])
        ),
    };
    if len(&classes) + title.chars().count() <= width {
        spans.push(Span::styled(title, th.dim()));
    }
    spans.extend(classes);
    for (c, sym, label) in extras {
        let item = [
            Span::styled(sym.to_string(), swatch(c)),
            Span::raw(format!("{label} ")),
        ];
        if len(&spans) + len(&item) > width {
            break;
        }
        spans.extend(item);
    }
    Line::from(spans)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let canvas_area = layout::map_canvas(area);
    let mut extra = Msg::Zoom.fill(app.lang, &[&num(Some(app.map.zoom), 1, app.lang)]);
    if app.map.colour.is_some() {
        // The legend's title may not fit: the frame says what the colours are.
        extra = format!("{extra} · {}", colour_label(app));
    }
    pane_block(app, Pane::Map, &extra).render(area, buf);
    let inner = layout::inner(area);
    if inner.height > 0 {
        let legend_row = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        legend(app, legend_row.width as usize).render(legend_row, buf);
    }
    if canvas_area.width == 0 || canvas_area.height == 0 {
        return;
    }
    let vp = Viewport::new(
        app.geo.size,
        canvas_area.width,
        canvas_area.height,
        app.map.zoom,
        app.map.center,
    );
    let f = frame(app, &vp);
    let th = app.theme;
    let lisa = app.lisa.is_some();
    let cols = usize::from(vp.cols);
    let first_marker = if th.color {
        Marker::Block
    } else {
        Marker::Custom(th.class_shade(0))
    };
    let canvas = Canvas::default()
        .marker(first_marker)
        .x_bounds([0.0, f64::from(vp.cols)])
        .y_bounds([0.0, f64::from(vp.rows)])
        .paint(|ctx| {
            if th.color {
                ctx.draw(&Cells {
                    raster: &f.raster,
                    cols,
                    pick: |v| match v {
                        1..=5 if lisa => Some(th.lisa_color(usize::from(v) - 1)),
                        1..=5 => Some(th.class_color(usize::from(v) - 1)),
                        UNRANKED => Some(th.unranked_color()),
                        WATER => Some(th.water_color()),
                        _ => None,
                    },
                });
            } else {
                // One layer per shade: a char grid has one symbol.
                for class in 1..=5u8 {
                    ctx.marker(Marker::Custom(th.class_shade(usize::from(class) - 1)));
                    ctx.draw(&Cells {
                        raster: &f.raster,
                        cols,
                        pick: move |v| (v == class).then_some(Color::Reset),
                    });
                }
                ctx.marker(Marker::Custom('~'));
                ctx.draw(&Cells {
                    raster: &f.raster,
                    cols,
                    pick: |v| (v == WATER).then_some(Color::Reset),
                });
                ctx.marker(Marker::Custom('█'));
                ctx.draw(&Cells {
                    raster: &f.raster,
                    cols,
                    pick: |v| (v == SELECTED).then_some(Color::Reset),
                });
            }
            ctx.marker(Marker::Braille);
            ctx.draw(&Dots {
                dots: &f.borders,
                color: th.boundary_color(),
            });
            ctx.draw(&Dots {
                dots: &f.shortlist,
                color: th.shortlist_color(),
            });
            ctx.draw(&Dots {
                dots: &f.selected,
                color: th.selected_color(),
            });
            if !f.schools.is_empty() {
                ctx.marker(Marker::Custom('•'));
                ctx.draw(&Dots {
                    dots: &f.schools,
                    color: th.school_color(),
                });
            }
        });
    canvas.render(canvas_area, buf);
    super::map_labels::render(app, &vp, canvas_area, buf);
}

/// What the map is coloured by, in the interface language.
pub fn colour_label(app: &App) -> String {
    match app
        .map
        .colour
        .and_then(|j| app.analysis.column_ids.get(usize::from(j)))
    {
        Some(id) => app.indicator_label(id),
        None => "score".to_string(),
    }
}
