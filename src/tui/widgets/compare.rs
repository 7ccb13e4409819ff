//! The `v` overlay: two units side by side, as `buurtradar compare`
//! prints them (one presentation for both).

use crate::i18n::{Bilingual, Msg};
use crate::present::compare::compare_lines;
use crate::tui::app::App;
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

pub fn lines(app: &App) -> Vec<String> {
    let Some((a, b)) = app.compare.open else {
        return Vec::new();
    };
    let units = &app.analysis.units;
    match app.analysis.compare(&units[a].code, &units[b].code) {
        Ok(c) => compare_lines(&app.analysis, &app.ds, &c, app.lang),
        // The weights changed since it opened and a unit lost its score.
        Err(e) => vec![Msg::CompareFailed.fill(app.lang, &[&e.text(app.lang)])],
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let content = lines(app);
    let widest = content.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let w = (widest as u16 + 4).clamp(40, area.width.saturating_sub(2));
    let h = (content.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = super::centered(area, w, h);
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::CompareOverlayTitle.text(app.lang))
        .border_style(app.theme.title())
        .render(r, buf);
    let text: Vec<Line> = content.into_iter().map(Line::from).collect();
    Paragraph::new(text)
        .scroll((app.scroll.compare, 0))
        .render(layout::inner(r), buf);
}
