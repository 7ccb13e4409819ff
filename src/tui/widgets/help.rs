//! The `?` overlay, generated from the keymap: every binding with its
//! description, by context.

use crate::i18n::Msg;
use crate::tui::app::App;
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
            s.push(Line::from(vec![
                Span::styled(format!("  {keys:<key_w$}"), app.theme.key()),
                Span::raw(format!(" {desc}")),
            ]));
        }
        if ctx == crate::tui::keymap::Ctx::Map {
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

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |m: Msg| m.text(app.lang);
    let sections = lines(app);
    let total: usize = sections.iter().map(Vec::len).sum();
    let two = area.width >= 110;
    let w = if two {
        area.width.saturating_sub(4).min(150)
    } else {
        area.width.saturating_sub(2).min(90)
    };
    // Split the sections in two columns of about equal length.
    let (left, right) = if two {
        let mut acc = 0;
        let mut k = sections.len();
        for (i, s) in sections.iter().enumerate() {
            if acc + s.len() > total.div_ceil(2) && acc > 0 {
                k = i;
                break;
            }
            acc += s.len();
        }
        let l: Vec<Line> = sections[..k].iter().flatten().cloned().collect();
        let r: Vec<Line> = sections[k..].iter().flatten().cloned().collect();
        (l, r)
    } else {
        (sections.into_iter().flatten().collect(), Vec::new())
    };
    let content_h = left.len().max(right.len()) as u16;
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
    if two {
        let half = inner.width / 2;
        let lr = Rect {
            width: half,
            ..inner
        };
        let rr = Rect {
            x: inner.x + half,
            width: inner.width - half,
            ..inner
        };
        Paragraph::new(left).scroll((scroll, 0)).render(lr, buf);
        Paragraph::new(right).scroll((scroll, 0)).render(rr, buf);
    } else {
        Paragraph::new(left).scroll((scroll, 0)).render(inner, buf);
    }
}
