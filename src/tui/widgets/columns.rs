//! The `c` overlay: every indicator of the data, ticked when it shows as a
//! table column, with the list's cursor.

use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::fmt::fit;
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(cursor) = app.picker else { return };
    let ids = &app.analysis.column_ids;
    let w = area.width.saturating_sub(4).min(80);
    let h = (ids.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::ColumnsTitle.text(app.lang))
        .border_style(app.theme.title())
        .render(r, buf);
    let inner = layout::inner(r);
    let rows = usize::from(inner.height);
    if rows == 0 {
        return;
    }
    // Keep the cursor on screen: scroll by whole pages.
    let first = cursor / rows * rows;
    for (i, id) in ids.iter().enumerate().skip(first).take(rows) {
        let shown = u16::try_from(i).is_ok_and(|j| app.table.indicators.contains(&j));
        let text = format!(
            "{} {} ({id})",
            if shown { "[x]" } else { "[ ]" },
            app.indicator_label(id)
        );
        let text = fit(&text, usize::from(inner.width));
        let style = if i == cursor {
            app.theme.selected_row(true)
        } else {
            ratatui::style::Style::default()
        };
        Line::from(Span::styled(text, style)).render(
            Rect {
                y: inner.y + (i - first) as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}
