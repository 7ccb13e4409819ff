//! The team the selected unit's figures call for, with the figures that
//! triggered each member.

use super::pane_block;
use crate::domain::teams::Member;
use crate::i18n::Msg;
use crate::present::reason_lines;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

fn name(app: &App, m: &Member) -> String {
    match app.lang {
        Lang::Nl => m.name_nl.clone(),
        Lang::En => m.name_en.clone(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    pane_block(app, Pane::Team, "").render(area, buf);
    let inner = layout::inner(area);
    let Some(f) = app.focused.as_ref().filter(|f| f.unit == app.selected) else {
        Paragraph::new(Msg::NoUnit.text(lang)).render(inner, buf);
        return;
    };
    let team = &f.team;
    let mut lines = vec![Line::from(Span::styled(
        Msg::TeamTitle.fill(lang, &[&team.buurt_name, &team.members.len()]),
        Style::default().add_modifier(Modifier::BOLD),
    ))];
    for m in &team.members {
        if m.core {
            lines.push(Line::from(vec![
                Span::styled("● ", app.theme.shortlisted()),
                Span::raw(name(app, m)),
                Span::styled(format!(" ({})", Msg::Always.text(lang)), app.theme.dim()),
            ]));
        } else {
            lines.push(Line::from(vec![
                Span::styled("● ", app.theme.shortlisted()),
                Span::raw(name(app, m)),
            ]));
            for r in reason_lines(m) {
                lines.push(Line::from(Span::styled(
                    format!("    {} {r}", Msg::Because.text(lang)),
                    app.theme.dim(),
                )));
            }
        }
    }
    if !team.dropped_by_cap.is_empty() {
        let names: Vec<String> = team.dropped_by_cap.iter().map(|m| name(app, m)).collect();
        lines.push(Line::from(Span::styled(
            format!("{}: {}", Msg::OverCap.text(lang), names.join(", ")),
            app.theme.dim(),
        )));
    }
    for u in &team.unmet {
        lines.push(Line::from(format!(
            "{}: {} ({})",
            Msg::Unmet.text(lang),
            name(app, &u.member),
            crate::present::human::team_note(&u.note, lang)
        )));
    }
    for n in &team.notes {
        lines.push(Line::from(Span::styled(
            format!("{}: {n}", Msg::Note.text(lang)),
            app.theme.note(),
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.scroll.team, 0))
        .render(inner, buf);
}
