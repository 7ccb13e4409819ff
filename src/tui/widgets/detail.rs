//! Detail of the selected unit: its facts, why it is (not) eligible, and
//! every indicator with value, gemeente and overall reference, a bar for
//! the standardised value and its contribution to the score.

use super::figures::{gemeente_ref, is_count, label_in, number_in};
use super::pane_block;
use crate::domain::value::Direction;
use crate::i18n::{self, Lang, Msg, Rt};
use crate::tui::action::Pane;
use crate::tui::app::{App, Mark};
use crate::tui::fmt::{fit, num, z_bar};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Column widths of the indicator rows (label takes the rest).
struct Cols {
    label: usize,
    value: bool,
    refs: bool,
    bar: bool,
    contribution: bool,
}

const VALUE_W: usize = 7;
const REF_W: usize = 8;
const BAR_W: usize = 7;
const CONTRIB_W: usize = 6;
const MIN_LABEL: usize = 12;

fn cols(width: usize) -> Cols {
    let mut label = width;
    let mut take = |w: usize| {
        if label > MIN_LABEL + w {
            label -= w + 1;
            true
        } else {
            false
        }
    };
    let value = take(VALUE_W);
    let contribution = take(CONTRIB_W);
    let bar = take(BAR_W);
    let refs = take(2 * REF_W + 1);
    Cols {
        label: label.min(48),
        value,
        refs,
        bar,
        contribution,
    }
}

fn rpad(s: &str, w: usize) -> String {
    let s = fit(s, w);
    format!("{}{s}", " ".repeat(w.saturating_sub(s.chars().count())))
}

fn lpad(s: &str, w: usize) -> String {
    let s = fit(s, w);
    format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
}

/// "rang 3 van 92 (geschikt: 1)"; "-" for an unranked unit.
fn rank_line(rank: Option<usize>, of: usize, eligible_rank: Option<usize>, lang: Lang) -> String {
    let r = rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into());
    match eligible_rank {
        Some(e) => Msg::RankOfEligible.fill(lang, &[&r, &of, &e]),
        None => Msg::RankOf.fill(lang, &[&r, &of]),
    }
}

/// Places gained or lost since the profile's own ranking.
fn baseline_delta(delta: i64, lang: Lang) -> String {
    match delta.signum() {
        1 => Msg::RankUp.fill(lang, &[&delta]),
        -1 => Msg::RankDown.fill(lang, &[&-delta]),
        _ => Msg::RankSame.text(lang).into(),
    }
}

fn header_lines(app: &App, u: usize) -> Vec<Line<'static>> {
    let t = |m: Msg| m.text(app.lang);
    let an = &app.analysis;
    let f = &an.units[u];
    let r = &an.ranking.units[u];
    let mut lines = vec![Line::from(Span::styled(
        format!("{} ({}) · {}", f.name, f.code, f.gemeente_name),
        Style::default().add_modifier(Modifier::BOLD),
    ))];
    let delta = app
        .rank_delta(u)
        .map(|d| format!(" · {}", baseline_delta(d, app.lang)))
        .unwrap_or_default();
    lines.push(Line::from(format!(
        "{}{delta} · {} {}",
        rank_line(r.rank, an.ranking.ranked_count(), r.eligible_rank, app.lang),
        t(Msg::Score),
        num(r.score, 2, app.lang)
    )));
    lines.push(Line::from(format!(
        "{} {} · {} {} · {} {}",
        f.primary_schools
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into()),
        t(Msg::Schools),
        num(f.inhabitants, 0, app.lang),
        t(Msg::Inhabitants),
        num(f.children_0_15, 0, app.lang),
        t(Msg::Children)
    )));
    let (state, style) = match app.mark(u) {
        Mark::Computed => (
            format!("● {}", t(Msg::OnShortlistByRules)),
            app.theme.shortlisted(),
        ),
        Mark::Added => {
            let failed = crate::present::human::failed_rules(an, u, app.lang);
            let why = if failed.is_empty() {
                Rt::AddedByHandEligible.fill(app.lang, &[&an.ranking.top_k])
            } else {
                Rt::AddedByHandFails.fill(app.lang, &[&failed.join("; ")])
            };
            (format!("+ {why}"), app.theme.shortlisted())
        }
        Mark::Removed => (
            format!(
                "× {}",
                Rt::RemovedLine.fill(app.lang, &[&crate::present::optional(r.rank)])
            ),
            Style::default(),
        ),
        Mark::Eligible => (format!("· {}", t(Msg::EligibleYes)), Style::default()),
        Mark::None => {
            let reasons: Vec<String> = r
                .reasons
                .iter()
                .map(|x| i18n::domain::reason(x, app.lang))
                .collect();
            (
                format!("{}: {}", t(Msg::NotEligible), reasons.join("; ")),
                app.theme.dim(),
            )
        }
    };
    lines.push(Line::from(Span::styled(state, style)));
    if let Some((lo, hi)) = an.rank_range(u).filter(|(lo, hi)| lo < hi) {
        lines.push(Line::from(
            Msg::TieSentence.fill(app.lang, &[&lo, &hi, &(hi - lo)]),
        ));
    }
    if an.small_population(u) {
        let below = num(Some(an.profile.small_population_below), 0, app.lang);
        lines.push(Line::from(Msg::SmallSentence.fill(app.lang, &[&below])));
    }
    let st = an
        .stability
        .as_ref()
        .and_then(|s| s.units.get(u))
        .and_then(|s| s.as_ref());
    match st {
        Some(s) => {
            let mut text = format!(
                "{}: {} {}-{}",
                t(Msg::Stability),
                t(Msg::Rank),
                s.rank.p05,
                s.rank.p95
            );
            if let Some(e) = &s.eligible {
                text.push_str(&format!(
                    " · P(top {}) {} · {}",
                    an.ranking.top_k,
                    num(Some(e.p_top_k), 2, app.lang),
                    t(i18n::domain::stability_label(e.label))
                ));
            }
            lines.push(Line::from(text));
        }
        None if app.stability_running && r.rank.is_some() => {
            lines.push(Line::from(Span::styled(
                format!("{}: {}…", t(Msg::Stability), t(Msg::Computing)),
                app.theme.dim(),
            )));
        }
        None => {}
    }
    if an.members[u].len() > 1 {
        let codes: Vec<&str> = an.members[u]
            .iter()
            .map(|&a| app.ds.areas[a].code.as_str())
            .collect();
        lines.push(Line::from(format!(
            "{}: {}",
            t(Msg::Members),
            codes.join(", ")
        )));
    }
    lines
}

fn decimals_for(v: Option<f64>) -> usize {
    match v.map(f64::abs) {
        Some(x) if x >= 100.0 => 0,
        Some(x) if x >= 10.0 => 1,
        _ => 2,
    }
}

fn indicator_line(
    app: &App,
    u: usize,
    i: usize,
    c: &Cols,
    weighted: Option<usize>,
) -> Line<'static> {
    let t = |m: Msg| m.text(app.lang);
    let ds = &app.ds;
    let ind = &ds.indicators[i];
    let Some(focused) = app.focused.as_ref().filter(|f| f.unit == u) else {
        return Line::from("");
    };
    let v = focused.view.indicators.get(i);
    let mut label = app.indicator_label(&ind.meta.id);
    let unit = ind.meta.unit.trim();
    if !unit.is_empty() && !label.ends_with(')') {
        label = format!("{label} [{unit}]");
    }
    let label = label_in(&label, c.label);
    let mut spans = vec![Span::raw(lpad(&label, c.label))];
    let value = v.and_then(|v| v.value);
    if value.is_none() {
        let members = &app.analysis.members[u];
        let reason = match members.as_slice() {
            [a] => ind.values[*a]
                .missing()
                .map(|m| t(i18n::domain::missing(m)))
                .unwrap_or(t(Msg::NoValue)),
            _ => t(Msg::NoValue),
        };
        spans.push(Span::styled(format!(" - ({reason})"), app.theme.dim()));
        return Line::from(spans);
    }
    // One number of decimals per row, so value and references line up;
    // counts have none.
    let decimals = if is_count(unit) {
        0
    } else {
        decimals_for(value)
    };
    if c.value {
        spans.push(Span::raw(format!(
            " {}",
            number_in(value, decimals, VALUE_W, app.lang)
        )));
    }
    if c.refs {
        let gemeente = gemeente_ref(app, u, &ind.meta.id, unit, v.and_then(|v| v.gemeente_value));
        spans.push(Span::styled(
            format!(
                " {} {}",
                number_in(gemeente, decimals, REF_W, app.lang),
                number_in(v.and_then(|v| v.overall_value), decimals, REF_W, app.lang)
            ),
            app.theme.dim(),
        ));
    }
    if c.bar {
        let z = v.and_then(|v| v.z);
        let protective = ind.meta.direction == Some(Direction::Protective);
        let need = z.is_some_and(|z| (z > 0.0) != protective);
        spans.push(Span::styled(
            format!(" {}", z_bar(z, BAR_W, 3.0)),
            app.theme.bar(need),
        ));
    }
    if c.contribution {
        let text = match weighted {
            Some(j) => app
                .analysis
                .ranking
                .contributions(u)
                .get(j)
                .map(|x| {
                    let s = num(Some(*x), 2, app.lang);
                    if *x >= 0.0 {
                        format!("+{s}")
                    } else {
                        s
                    }
                })
                .unwrap_or_default(),
            None => String::new(),
        };
        spans.push(Span::raw(format!(" {}", rpad(&text, CONTRIB_W))));
    }
    Line::from(spans)
}

/// The lines above the indicator rows, which stay while the rows scroll.
fn top_lines(app: &App, u: usize, c: &Cols) -> Vec<Line<'static>> {
    let t = |m: Msg| m.text(app.lang);
    let mut lines = header_lines(app, u);
    lines.push(Line::from(""));
    let mut head = vec![Span::raw(lpad(t(Msg::Indicator), c.label))];
    if c.value {
        head.push(Span::raw(format!(" {}", rpad(t(Msg::Value), VALUE_W))));
    }
    if c.refs {
        head.push(Span::raw(format!(
            " {} {}",
            rpad(t(Msg::Gemeente), REF_W),
            rpad(t(Msg::All), REF_W)
        )));
    }
    if c.bar {
        head.push(Span::raw(format!(" {}", lpad("  z", BAR_W))));
    }
    if c.contribution {
        head.push(Span::raw(format!(
            " {}",
            rpad(t(Msg::Contribution), CONTRIB_W)
        )));
    }
    lines.push(Line::from(head).style(app.theme.header()));
    lines
}

/// One line per indicator: the weighted ones, then the others.
fn indicator_lines(app: &App, u: usize, c: &Cols) -> Vec<Line<'static>> {
    let ids = &app.analysis.ranking.indicators;
    let mut lines = Vec::new();
    let mut shown = vec![false; app.ds.indicators.len()];
    for (j, id) in ids.iter().enumerate() {
        if let Some(i) = app.ds.indicators.iter().position(|x| &x.meta.id == id) {
            shown[i] = true;
            lines.push(indicator_line(app, u, i, c, Some(j)));
        }
    }
    if shown.iter().any(|s| !s) {
        lines.push(Line::from(Span::styled(
            format!("— {} —", Msg::NotWeighted.text(app.lang)),
            app.theme.dim(),
        )));
        for (i, s) in shown.iter().enumerate() {
            if !s {
                lines.push(indicator_line(app, u, i, c, None));
            }
        }
    }
    lines.extend(school_lines(app, u));
    lines
}

/// The unit's primary schools by name and kind, under the indicators.
fn school_lines(app: &App, u: usize) -> Vec<Line<'static>> {
    let members = &app.analysis.members[u];
    let mut schools: Vec<String> = app
        .ds
        .schools
        .iter()
        .filter(|s| s.primary && s.area.is_some_and(|a| members.contains(&a)))
        .map(|s| match s.kind.trim() {
            "" => format!("  {}", s.name),
            kind => format!("  {} ({kind})", s.name),
        })
        .collect();
    if schools.is_empty() {
        return Vec::new();
    }
    schools.sort();
    let mut out = vec![
        Line::from(""),
        Line::from(Span::styled(
            Msg::DetailSchools.fill(app.lang, &[&schools.len()]),
            app.theme.header(),
        )),
    ];
    out.extend(schools.into_iter().map(Line::from));
    out
}

/// The fixed part's height and the scrolled part's (rows, visible rows)
/// in a pane of this size: how far the rows can scroll.
fn split(app: &App, u: usize, inner: Rect) -> (u16, usize, usize) {
    let c = cols(inner.width as usize);
    let w = usize::from(inner.width.max(1));
    // Word wrapping can take a line more than the width says; a spare
    // line keeps the last header line from being cut.
    let wrapped: usize = top_lines(app, u, &c)
        .iter()
        .map(|l| l.width().div_ceil(w).max(1))
        .sum();
    let top = wrapped.min(usize::from(inner.height)) as u16;
    let rows = indicator_lines(app, u, &c).len();
    (top, rows, usize::from(inner.height - top))
}

/// The furthest the detail rows can scroll in this pane: the last row at
/// the bottom, not into blank space.
pub fn max_scroll(app: &App, area: Rect) -> usize {
    let inner = layout::inner(area);
    if inner.width == 0 || app.selected >= app.analysis.units.len() {
        return 0;
    }
    let (_, rows, visible) = split(app, app.selected, inner);
    rows.saturating_sub(visible)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    pane_block(app, Pane::Detail, "").render(area, buf);
    let inner = layout::inner(area);
    let u = app.selected;
    if inner.width == 0 || u >= app.analysis.units.len() {
        return;
    }
    if app.focused.is_none() {
        Line::from(Span::styled(Msg::NoUnit.text(app.lang), app.theme.dim())).render(inner, buf);
        return;
    }
    let c = cols(inner.width as usize);
    let (top, _, _) = split(app, u, inner);
    // Header lines wrap; indicator rows fit the width and scroll under
    // the header, which stays.
    Paragraph::new(top_lines(app, u, &c))
        .wrap(Wrap { trim: false })
        .render(
            Rect {
                height: top,
                ..inner
            },
            buf,
        );
    let body = Rect {
        y: inner.y + top,
        height: inner.height - top,
        ..inner
    };
    Paragraph::new(indicator_lines(app, u, &c))
        .scroll((app.scroll.detail, 0))
        .render(body, buf);
}
