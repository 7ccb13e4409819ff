//! The one-line bars: title, notes, status (messages, search, filters),
//! footer (the most useful keys), and the too-small message.

use crate::tui::app::App;
use crate::tui::fmt::fit;
use crate::tui::i18n::texts;
use crate::tui::keymap::{contexts, Ctx, Desc};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn title(app: &App, area: Rect, buf: &mut Buffer) {
    let t = texts(app.lang);
    let r = &app.analysis.ranking;
    let text = format!(
        " buurtradar · {} {} · {} · {} {} · {} {} · {}",
        t.profile,
        app.analysis.profile.name,
        t.unit_rule(app.analysis.rule.unit_plural()),
        r.ranked_count(),
        t.ranked,
        r.eligible_count(),
        t.eligible,
        t.shortlist_size(app.shortlist().len()),
    );
    Line::from(Span::styled(
        fit(&text, area.width as usize),
        app.theme.title(),
    ))
    .render(area, buf);
}

pub fn notes(app: &App, area: Rect, buf: &mut Buffer) {
    let t = texts(app.lang);
    let n = app.analysis.notes.len();
    for (i, note) in app
        .analysis
        .notes
        .iter()
        .take(area.height as usize)
        .enumerate()
    {
        // The last line says how many more there are when they do not fit.
        let more = if i + 1 == area.height as usize && n > area.height as usize {
            format!(" (+{})", n - area.height as usize)
        } else {
            String::new()
        };
        let text = format!(" {}: {note}", t.notes);
        let width = (area.width as usize).saturating_sub(more.chars().count());
        let line = Line::from(vec![
            Span::styled(fit(&text, width), app.theme.note()),
            Span::styled(more, app.theme.note()),
        ]);
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        line.render(row, buf);
    }
}

fn filter_text(app: &App) -> String {
    let t = texts(app.lang);
    let f = &app.filter;
    let gemeente = match &f.gemeente {
        None => t.all_gemeenten.to_string(),
        Some(code) => app
            .gemeenten
            .iter()
            .find(|g| &g.0 == code)
            .map(|g| {
                if g.1.is_empty() {
                    g.0.clone()
                } else {
                    g.1.clone()
                }
            })
            .unwrap_or_else(|| code.clone()),
    };
    format!(
        "{}: {gemeente}, {}, {} ({})",
        t.filter,
        t.min_schools(f.min_schools),
        t.min_inhabitants(f.min_inhabitants),
        t.rows(app.table.rows.len(), app.analysis.units.len())
    )
}

pub fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = texts(app.lang);
    let mut spans = Vec::new();
    if app.search.editing || !app.search.query.is_empty() {
        let cursor = if app.search.editing { "▏" } else { "" };
        spans.push(Span::styled(
            format!(" /{}{cursor} ", app.search.query),
            app.theme.key(),
        ));
        spans.push(Span::raw(format!("({}) ", t.matches(app.search.hits))));
    }
    if let Some(s) = &app.status {
        let style = if s.error {
            app.theme.error()
        } else {
            Style::default()
        };
        spans.push(Span::styled(format!(" {} ", s.text), style));
        spans.push(Span::styled("│", app.theme.dim()));
    }
    spans.push(Span::styled(
        format!(" {}", filter_text(app)),
        app.theme.dim(),
    ));
    Line::from(spans).render(area, buf);
}

pub fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = texts(app.lang);
    let ctxs = contexts(app);
    let items = app.keymap.footer(&ctxs);
    // Help and quit must always fit: they are how to learn everything else.
    let (last, rest): (Vec<_>, Vec<_>) = items.into_iter().partition(|(_, d)| {
        matches!(
            d,
            Desc::Help | Desc::Quit | Desc::HelpClose | Desc::SearchCancel
        )
    });
    let width = area.width as usize;
    let item_len =
        |(k, d): &(String, Desc)| k.chars().count() + 1 + t.desc(*d).0.chars().count() + 2;
    let reserved: usize = last.iter().map(item_len).sum::<usize>() + 1;
    let mut used = 1;
    let mut chosen = Vec::new();
    for it in rest {
        let l = item_len(&it);
        if used + l + reserved > width {
            break;
        }
        used += l;
        chosen.push(it);
    }
    chosen.extend(last);
    let mut spans = vec![Span::raw(" ")];
    for (k, d) in chosen {
        spans.push(Span::styled(k, app.theme.key()));
        spans.push(Span::raw(format!(" {}  ", t.desc(d).0)));
    }
    if ctxs.first() == Some(&Ctx::Search) {
        spans.insert(1, Span::styled(format!("{}: ", t.search), app.theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

pub fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let t = texts(app.lang);
    let msg = t.too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let y = area.height / 2;
    let row = Rect {
        y: area.y + y.saturating_sub(1),
        height: area.height - y.saturating_sub(1),
        ..area
    };
    Paragraph::new(msg)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .style(app.theme.error())
        .render(row, buf);
}
