//! The `w` overlay: every note and load warning, each unmatched row, in
//! full; the header shows only the first few notes.

use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::notes::notes;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

fn heading(text: &str) -> Line<'static> {
    Line::from(Span::styled(
        text.to_string(),
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    ))
}

fn item(text: String) -> Line<'static> {
    Line::from(format!("  {text}"))
}

/// Every warning, as lines under a heading per kind; empty kinds are left
/// out.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = |m: Msg| m.text(app.lang);
    let r = &app.ds.report;
    let mut out = Vec::new();
    let mut section = |title: &str, items: Vec<String>| {
        if !items.is_empty() {
            out.push(heading(title));
            out.extend(items.into_iter().map(item));
            out.push(Line::from(""));
        }
    };
    section(t(Msg::WarningsNotes), notes(app));
    let mut load: Vec<String> = r.warnings.iter().map(|w| w.text(app.lang)).collect();
    load.extend(
        r.notes
            .iter()
            .map(|n| crate::present::notes::load_note_text(n, &app.ds, app.lang)),
    );
    section(t(Msg::WarningsLoad), load);
    section(
        t(Msg::WarningsDuplicates),
        r.duplicates
            .iter()
            .map(|d| format!("{}: {} ({})", d.file, d.code, d.places_text(app.lang)))
            .collect(),
    );
    let mut joins = Vec::new();
    for j in &r.joins {
        if !j.only_in_file.is_empty() {
            joins.push(
                Msg::WarningsOnlyInFile.fill(app.lang, &[&j.file, &j.only_in_file.len()])
                    + ": "
                    + &j.only_in_file.join(", "),
            );
        }
        if !j.only_in_boundaries.is_empty() {
            joins.push(
                Msg::WarningsOnlyInBoundaries
                    .fill(app.lang, &[&j.file, &j.only_in_boundaries.len()])
                    + ": "
                    + &j.only_in_boundaries.join(", "),
            );
        }
    }
    if !r.without_geometry.is_empty() {
        joins.push(Msg::WarningsNoGeometry.fill(app.lang, &[&r.without_geometry.join(", ")]));
    }
    section(t(Msg::ContextWarnings), joins);
    let schools: Vec<String> = r
        .schools
        .unmatched
        .iter()
        .map(|s| {
            let at = s.location.pick(app.lang);
            format!("{} ({}, {}) {at}", s.name, s.kind, s.place)
        })
        .collect();
    section(
        &Msg::WarningsUnmatchedSchools.fill(app.lang, &[&schools.len()]),
        schools,
    );
    if out.is_empty() {
        out.push(Line::from(t(Msg::WarningsNone).to_string()));
    }
    out
}

/// How many warnings the list holds: notes, load warnings, duplicates,
/// unmatched codes and schools, each counted once.
pub fn count(app: &App) -> usize {
    let r = &app.ds.report;
    notes(app).len()
        + r.warnings.len()
        + r.notes.len()
        + r.duplicates.len()
        + r.joins
            .iter()
            .map(|j| j.only_in_file.len() + j.only_in_boundaries.len())
            .sum::<usize>()
        + r.without_geometry.len()
        + r.schools.unmatched.len()
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let content = lines(app);
    let w = area.width.saturating_sub(4).min(140);
    let h = (content.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::WarningsTitle.fill(app.lang, &[&count(app)]))
        .border_style(app.theme.title())
        .render(r, buf);
    let inner = layout::inner(r);
    Paragraph::new(content)
        .wrap(Wrap { trim: false })
        .scroll((app.scroll.warnings, 0))
        .render(inner, buf);
}
