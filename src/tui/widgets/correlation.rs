//! The `C` overlay: a heat map of how the profile's indicators correlate
//! over the reference set (Pearson above the diagonal, Spearman below),
//! and the weighted pairs that measure nearly the same thing.

use crate::domain::correlation::Correlations;
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::fmt::{fit, num};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

const CELL_W: u16 = 6;

/// Blue for negative, white for none, red for positive correlation.
pub fn heat(r: f64) -> Color {
    let t = r.clamp(-1.0, 1.0);
    let fade = |x: f64| (255.0 - 200.0 * x.abs()) as u8;
    if t >= 0.0 {
        Color::Rgb(255, fade(t), fade(t))
    } else {
        Color::Rgb(fade(t), fade(t), 255)
    }
}

/// The matrix cell of row `a`, column `b`.
pub fn cell(c: &Correlations, a: usize, b: usize) -> Option<f64> {
    match a.cmp(&b) {
        std::cmp::Ordering::Equal => Some(1.0),
        std::cmp::Ordering::Less => c.pearson[a][b],
        std::cmp::Ordering::Greater => c.spearman[a][b],
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let Some(c) = &app.correlations else { return };
    let n = c.ids.len() as u16;
    let label_w: u16 = 30;
    let w = (label_w + n * CELL_W + 4)
        .max(100)
        .min(area.width.saturating_sub(2));
    // Each warning may wrap onto a second line.
    let extra = 3 + 2 * c.redundant.len().max(1) as u16;
    let h = (n + 1 + extra + 2).min(area.height.saturating_sub(2));
    let r = super::centered(area, w, h);
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::CorrelationsOverlayTitle.text(lang))
        .border_style(app.theme.title())
        .render(r, buf);
    let inner = layout::inner(r);
    if inner.height == 0 {
        return;
    }
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let mut head = format!("{:<w$}", "", w = usize::from(label_w));
    for k in 0..n {
        head.push_str(&format!("{:>6}", format!("[{}]", k + 1)));
    }
    buf.set_string(
        inner.x,
        y,
        fit(&head, usize::from(inner.width)),
        app.theme.header(),
    );
    y += 1;
    for (a, id) in c.ids.iter().enumerate() {
        if y >= bottom {
            return;
        }
        let label = fit(
            &format!("[{}] {}", a + 1, app.indicator_label(id)),
            usize::from(label_w - 1),
        );
        buf.set_string(inner.x, y, label, Style::default());
        for b in 0..c.ids.len() {
            let x = inner.x + label_w + b as u16 * CELL_W;
            if x + CELL_W > inner.x + inner.width {
                break;
            }
            let v = cell(c, a, b);
            let text = format!("{:>6}", num(v, 2, lang));
            let style = match (v, app.theme.color) {
                (Some(v), true) => Style::default().bg(heat(v)).fg(Color::Black),
                _ => Style::default(),
            };
            buf.set_string(x, y, text, style);
        }
        y += 1;
    }
    let mut lines = vec![
        Line::from(""),
        Line::styled(Msg::CorrelationsKey.text(lang).to_string(), app.theme.dim()),
    ];
    if c.redundant.is_empty() {
        lines.push(Line::from(Msg::NoRedundancy.text(lang).to_string()));
    }
    for p in &c.redundant {
        lines.push(Line::styled(
            Msg::RedundantPair.fill(
                lang,
                &[
                    &app.indicator_label(&p.a),
                    &app.indicator_label(&p.b),
                    &num(p.pearson, 2, lang),
                    &num(p.spearman, 2, lang),
                    &num(Some(p.combined_weight * 100.0), 0, lang),
                ],
            ),
            app.theme.error(),
        ));
    }
    // The warnings are sentences: they wrap in what is left.
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(
        Rect {
            y,
            height: bottom.saturating_sub(y),
            ..inner
        },
        buf,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positive_is_red_negative_blue_none_white() {
        assert_eq!(heat(0.0), Color::Rgb(255, 255, 255));
        assert_eq!(heat(1.0), Color::Rgb(255, 55, 55));
        assert_eq!(heat(-1.0), Color::Rgb(55, 55, 255));
    }
}
