//! Where each pane goes, as a pure function of the terminal size and the
//! panes chosen. Rendering and mouse handling both ask this, so a click is
//! mapped onto exactly what was drawn.

use super::action::Pane;
use ratatui::layout::{Constraint, Layout, Rect};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// From this size on, the map and an info pane sit beside the table.
const WIDE_WIDTH: u16 = 110;
const WIDE_HEIGHT: u16 = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub title: Rect,
    pub notes: Rect,
    pub table: Rect,
    /// The other panes on screen with their areas.
    pub panes: Vec<(Pane, Rect)>,
    pub status: Rect,
    pub footer: Rect,
}

impl Screen {
    pub fn pane(&self, p: Pane) -> Option<Rect> {
        if p == Pane::Table {
            return Some(self.table);
        }
        self.panes.iter().find(|(q, _)| *q == p).map(|(_, r)| *r)
    }

    /// The pane under a cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let hit = |r: &Rect| {
            column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
        };
        if hit(&self.table) {
            return Some(Pane::Table);
        }
        self.panes.iter().find(|(_, r)| hit(r)).map(|(p, _)| *p)
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn is_wide(area: Rect) -> bool {
    area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT
}

/// `side`: the pane beside the table in the narrow layout; `info`: the pane
/// under the map in the wide one; `notes`: lines of notes to show.
pub fn screen(area: Rect, side: Pane, info: Pane, notes: usize) -> Screen {
    let wide = is_wide(area);
    let note_rows = notes.min(if wide { 3 } else { 1 }) as u16;
    let [title, notes_r, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(note_rows),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if wide {
        let table_w = (area.width * 48 / 100).clamp(60, 100);
        let [table, right] =
            Layout::horizontal([Constraint::Length(table_w), Constraint::Min(1)]).areas(body);
        let [map, lower] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Min(1)]).areas(right);
        let info = if info.is_info() { info } else { Pane::Detail };
        Screen {
            title,
            notes: notes_r,
            table,
            panes: vec![(Pane::Map, map), (info, lower)],
            status,
            footer,
        }
    } else {
        let side = if side == Pane::Table { Pane::Map } else { side };
        // Text panes need the width more than the table's last columns.
        let table_w = if side == Pane::Map {
            area.width / 2
        } else {
            area.width * 42 / 100
        };
        let [table, right] =
            Layout::horizontal([Constraint::Length(table_w), Constraint::Min(1)]).areas(body);
        Screen {
            title,
            notes: notes_r,
            table,
            panes: vec![(side, right)],
            status,
            footer,
        }
    }
}

/// Inside a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// The map pane's canvas: inside the border, above the legend line.
pub fn map_canvas(pane: Rect) -> Rect {
    let i = inner(pane);
    Rect {
        height: i.height.saturating_sub(1),
        ..i
    }
}

/// The table's rows: inside the border, under the header.
pub fn table_body(pane: Rect) -> Rect {
    let i = inner(pane);
    Rect {
        y: i.y.saturating_add(1),
        height: i.height.saturating_sub(1),
        ..i
    }
}
