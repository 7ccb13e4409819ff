//! The `e` dialog: the formats with what each is for, the file name being
//! typed, and the overwrite question when the file is already there.

use crate::export::Format;
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::fmt::fit;
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

pub fn format_label(f: Format) -> Msg {
    match f {
        Format::Csv => Msg::FormatCsv,
        Format::Json => Msg::FormatJson,
        Format::Md => Msg::FormatMd,
        Format::Geojson => Msg::FormatGeojson,
        Format::Svg => Msg::FormatSvg,
        Format::Html => Msg::FormatHtml,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(dlg) = &app.export else { return };
    let lang = app.lang;
    let mut lines: Vec<Line> = vec![Line::styled(
        Msg::ExportFormatLabel.text(lang).to_string(),
        app.theme.header(),
    )];
    for (i, f) in Format::ALL.iter().enumerate() {
        let chosen = i == dlg.format;
        let text = format!(
            "{} {:<8} {}",
            if chosen { "▶" } else { " " },
            f.id(),
            format_label(*f).text(lang)
        );
        let style = if chosen {
            app.theme.selected_row(true)
        } else {
            Style::default()
        };
        lines.push(Line::styled(text, style));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled(
            format!("{}: ", Msg::ExportNameLabel.text(lang)),
            app.theme.header(),
        ),
        Span::raw(dlg.name.clone()),
        Span::styled("█", app.theme.key()),
    ]));
    lines.push(Line::styled(
        Msg::ExportFolderNote.text(lang).to_string(),
        app.theme.dim(),
    ));
    if dlg.overwrite {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            Msg::ExportOverwriteNote.text(lang).to_string(),
            app.theme.error(),
        ));
    }
    let w = area.width.saturating_sub(4).min(90);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = super::centered(area, w, h);
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Msg::ExportTitle.text(lang))
        .border_style(app.theme.title())
        .render(r, buf);
    let inner = layout::inner(r);
    for (i, l) in lines
        .into_iter()
        .enumerate()
        .take(usize::from(inner.height))
    {
        let width = usize::from(inner.width);
        // Long names keep their end (the extension) in view.
        let l = if l.width() > width && l.spans.len() == 1 {
            let s = l.spans[0].content.to_string();
            Line::styled(fit(&s, width), l.spans[0].style)
        } else {
            l
        };
        l.render(
            Rect {
                y: inner.y + i as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}
