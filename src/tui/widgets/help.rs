//! The `?` overlay, generated from the keymap: every binding with its
//! description, by context.

use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::keymap::Ctx;
use crate::tui::labels;
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

fn lines(app: &App) -> Vec<Vec<Line<'static>>> {
    let t = |m: Msg| m.text(app.lang);
    let help = app.keymap.help(app.lang);
    let key_w = help
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.chars().count()))
        .max()
        .unwrap_or(8);
    let mut sections = Vec::new();
    for (ctx, rows) in help {
        let mut s = vec![Line::from(Span::styled(
            t(labels::context(ctx)).to_string(),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ))];
        for (keys, desc) in rows {
            // Ctrl-c stops from every overlay; the global row says so
            // once rather than once per overlay.
            if ctx != Ctx::Global && keys == "Ctrl-c" && desc == t(Msg::HelpQuitDesc) {
                continue;
            }
            s.push(Line::from(vec![
                Span::styled(format!("  {keys:<key_w$}"), app.theme.key()),
                Span::raw(format!(" {desc}")),
            ]));
        }
        if ctx == Ctx::Map {
            s.push(Line::from(vec![
                Span::styled(
                    format!("  {:<key_w$}", t(Msg::HelpMouseKeys)),
                    app.theme.key(),
                ),
                Span::raw(format!(" {}", t(Msg::HelpMouse))),
            ]));
        }
        s.push(Line::from(""));
        sections.push(s);
    }
    sections
}

/// Sections split into `n` columns of about equal length, in order.
fn columns(sections: Vec<Vec<Line<'static>>>, n: usize) -> Vec<Vec<Line<'static>>> {
    let total: usize = sections.iter().map(Vec::len).sum();
    let per = total.div_ceil(n.max(1));
    let mut cols: Vec<Vec<Line<'static>>> = vec![Vec::new()];
    for s in sections {
        let last = cols.len() - 1;
        if !cols[last].is_empty() && cols[last].len() + s.len() > per && cols.len() < n {
            cols.push(Vec::new());
        }
        let last = cols.len() - 1;
        cols[last].extend(s);
    }
    cols
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |m: Msg| m.text(app.lang);
    // Wide terminals get more columns so the whole help fits unscrolled.
    let n: u16 = if area.width >= 240 {
        3
    } else if area.width >= 110 {
        2
    } else {
        1
    };
    let w = if n > 1 {
        area.width.saturating_sub(4).min(80 * n)
    } else {
        area.width.saturating_sub(2).min(90)
    };
    let cols = columns(lines(app), usize::from(n));
    let content_h = cols.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let h = (content_h + 2).min(area.height.saturating_sub(2));
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(t(Msg::HelpTitle))
        .border_style(app.theme.title())
        .render(r, buf);
    let inner = layout::inner(r);
    let scroll = app.scroll.help.min(content_h.saturating_sub(inner.height));
    let col_w = inner.width / n;
    for (i, col) in cols.into_iter().enumerate() {
        let i = i as u16;
        let x = inner.x + i * col_w;
        let width = if i + 1 == n {
            inner.width - i * col_w
        } else {
            col_w
        };
        Paragraph::new(col)
            .scroll((scroll, 0))
            .render(Rect { x, width, ..inner }, buf);
    }
}
