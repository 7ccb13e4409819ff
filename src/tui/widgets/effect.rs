//! The `E` overlay: the "Effectmeting" of the shortlist against the
//! follow-up year, in the words `buurtradar effect` prints.

use crate::i18n::Msg;
use crate::present::effect::effect_section;
use crate::tui::app::App;
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

pub fn lines(app: &App) -> Vec<String> {
    match &app.effect {
        Some(Ok(r)) => effect_section(r, app.lang, false),
        Some(Err(e)) => vec![Msg::EffectFailed.fill(app.lang, &[e])],
        None => Vec::new(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let content = lines(app);
    let w = area.width.saturating_sub(4).min(160);
    let h = area.height.saturating_sub(4);
    let r = super::centered(area, w, h);
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::EffectOverlayTitle.text(app.lang))
        .border_style(app.theme.title())
        .render(r, buf);
    let text: Vec<Line> = content.into_iter().map(Line::from).collect();
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .scroll((app.scroll.effect, 0))
        .render(layout::inner(r), buf);
}
