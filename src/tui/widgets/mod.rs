//! Rendering: `impl Widget for &App` lays out the screen and hands each
//! pane to its own small widget. Nothing here changes the app.

pub mod bars;
pub mod columns;
pub mod compare;
pub mod correlation;
pub mod detail;
pub mod effect;
pub mod export;
pub mod figures;
pub mod help;
pub mod histogram;
pub mod map;
pub mod map_labels;
pub mod table;
pub mod team;
pub mod warnings;
pub mod weights;

use super::action::Pane;
use super::app::App;
use super::labels;
use super::layout;
use super::notes;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Widget};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            bars::too_small(self, area, buf);
            return;
        }
        let s = layout::screen(area, self.side, self.info, notes::rows(self));
        bars::title(self, s.title, buf);
        bars::notes(self, s.notes, buf);
        table::render(self, s.table, buf);
        for (p, r) in &s.panes {
            match p {
                Pane::Map => map::render(self, *r, buf),
                Pane::Detail => detail::render(self, *r, buf),
                Pane::Weights => weights::render(self, *r, buf),
                Pane::Team => team::render(self, *r, buf),
                Pane::Table => {}
            }
        }
        bars::status(self, s.status, buf);
        bars::footer(self, s.footer, buf);
        if self.warnings {
            warnings::render(self, area, buf);
        }
        if self.picker.is_some() {
            columns::render(self, area, buf);
        }
        if self.histogram {
            histogram::render(self, area, buf);
        }
        if self.correlations.is_some() {
            correlation::render(self, area, buf);
        }
        if self.effect.is_some() {
            effect::render(self, area, buf);
        }
        if self.compare.open.is_some() {
            compare::render(self, area, buf);
        }
        if self.export.is_some() {
            export::render(self, area, buf);
        }
        if self.help {
            help::render(self, area, buf);
        }
    }
}

/// A `w` x `h` box in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The bordered frame of a pane: its number and name, thick when focused.
pub fn pane_block(app: &App, pane: Pane, extra: &str) -> Block<'static> {
    let focused = app.focus == pane;
    let name = labels::pane(pane).text(app.lang);
    let title = if extra.is_empty() {
        format!(" {} {name} ", pane.number())
    } else {
        format!(" {} {name} · {extra} ", pane.number())
    };
    Block::bordered()
        .title(title)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(app.theme.border(focused))
}
