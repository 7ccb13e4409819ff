//! The one-line bars: title, notes, status (messages, search, filters),
//! footer (the most useful keys), and the too-small message.

use crate::i18n::{Lang, Msg};
use crate::tui::app::App;
use crate::tui::fmt::fit;
use crate::tui::keymap::{contexts, Ctx, FooterItem};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn title(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |m: Msg| m.text(app.lang);
    let r = &app.analysis.ranking;
    let text = format!(
        " buurtradar · {} {} · {} · {} {} · {} {} · {}",
        t(Msg::Profile),
        app.analysis.profile.name,
        Msg::UnitRule.fill(app.lang, &[&app.analysis.rule.unit_plural()]),
        r.ranked_count(),
        t(Msg::Ranked),
        r.eligible_count(),
        t(Msg::Eligible),
        Msg::ShortlistSize.fill(app.lang, &[&app.shortlist().len()]),
    );
    Line::from(Span::styled(
        fit(&text, area.width as usize),
        app.theme.title(),
    ))
    .render(area, buf);
}

pub fn notes(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |m: Msg| m.text(app.lang);
    let all = crate::tui::notes::notes(app);
    let n = all.len();
    // Load warnings live only in the `w` list: the last line points there.
    let others = crate::tui::widgets::warnings::count(app).saturating_sub(n);
    for (i, note) in all.iter().take(area.height as usize).enumerate() {
        // The last line says how many more there are when they do not fit.
        let last = i + 1 == area.height.min(n as u16) as usize;
        let hidden = n.saturating_sub(area.height as usize) + others;
        let more = if last && hidden > 0 {
            format!(" {}", Msg::WarningsMore.fill(app.lang, &[&hidden]))
        } else {
            String::new()
        };
        let text = format!(" {}: {note}", t(Msg::Notes));
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
    if n == 0 && others > 0 && area.height > 0 {
        let text = format!(
            " {}: {}",
            t(Msg::Notes),
            Msg::WarningsMore.fill(app.lang, &[&others])
        );
        Line::from(Span::styled(
            fit(&text, area.width as usize),
            app.theme.note(),
        ))
        .render(Rect { height: 1, ..area }, buf);
    }
}

fn filter_text(app: &App) -> String {
    let t = |m: Msg| m.text(app.lang);
    let f = &app.filter;
    let gemeente = match &f.gemeente {
        None => t(Msg::AllGemeenten).to_string(),
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
        t(Msg::Filter),
        Msg::MinSchools.fill(app.lang, &[&f.min_schools]),
        Msg::MinInhabitants.fill(app.lang, &[&format!("{:.0}", f.min_inhabitants)]),
        Msg::RowsShown.fill(
            app.lang,
            &[&app.table.rows.len(), &app.analysis.units.len()]
        )
    )
}

/// "3 treffers": the count picks the form.
fn matches(n: usize, lang: Lang) -> String {
    match n {
        0 => Msg::NoMatch.text(lang).into(),
        1 => Msg::OneMatch.text(lang).into(),
        n => Msg::Matches.fill(lang, &[&n]),
    }
}

pub fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    if app.search.editing || (app.search.shown && !app.search.query.is_empty()) {
        let cursor = if app.search.editing { "▏" } else { "" };
        spans.push(Span::styled(
            format!(" /{}{cursor} ", app.search.query),
            app.theme.key(),
        ));
        spans.push(Span::raw(format!(
            "({}) ",
            matches(app.search.hits, app.lang)
        )));
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
    let ctxs = contexts(app);
    let items = app.keymap.footer(&ctxs, app.lang);
    let (last, rest): (Vec<FooterItem>, Vec<FooterItem>) =
        items.into_iter().partition(|it| it.pinned);
    let width = area.width as usize;
    let item_len = |it: &FooterItem| it.keys.chars().count() + 1 + it.label.chars().count() + 2;
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
    for it in chosen {
        spans.push(Span::styled(it.keys, app.theme.key()));
        spans.push(Span::raw(format!(" {}  ", it.label)));
    }
    if ctxs.first() == Some(&Ctx::Search) {
        spans.insert(
            1,
            Span::styled(format!("{}: ", Msg::Search.text(app.lang)), app.theme.dim()),
        );
    }
    Line::from(spans).render(area, buf);
}

pub fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = Msg::TooSmall.fill(
        app.lang,
        &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT],
    );
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
