//! Number and text formatting shared by the human-readable formats.

use super::cells::missing_text;
use crate::domain::analysis::UnitRow;
use crate::domain::value::Value;

/// A figure for reading: whole numbers from 100 up, else one decimal.
pub fn fig(x: f64) -> String {
    if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

pub fn fig_opt(v: Option<f64>) -> String {
    v.map(fig).unwrap_or_else(|| "-".into())
}

/// A cell for reading: the figure, or why it is absent.
pub fn cell(v: Value) -> String {
    match v {
        Value::Num(x) => fig(x),
        Value::Missing(m) => missing_text(m).to_string(),
    }
}

/// A cell for machines: full precision (shortest round-trip form).
pub fn cell_exact(v: Value) -> String {
    match v {
        Value::Num(x) => format!("{x}"),
        Value::Missing(m) => missing_text(m).to_string(),
    }
}

pub fn dec(v: Option<f64>, decimals: usize) -> String {
    v.map(|x| format!("{x:.decimals$}"))
        .unwrap_or_else(|| "-".into())
}

pub fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "-".into())
}

pub fn rank_range(r: &UnitRow) -> String {
    match (r.rank_p05, r.rank_p95) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => "-".into(),
    }
}

/// Shortlisted (with its stability), eligible, or why not.
pub fn status(r: &UnitRow) -> String {
    if r.shortlisted {
        format!("shortlist ({})", r.label.as_deref().unwrap_or("-"))
    } else if r.eligible {
        r.label.clone().unwrap_or_else(|| "eligible".into())
    } else {
        r.reasons.join("; ")
    }
}

pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => o.push(c),
        }
    }
    o
}

/// Escaping for text content, where quotes may stay as they are (the
/// provenance TOML stays readable in the raw file).
pub fn xml_text(s: &str) -> String {
    xml_escape(s).replace("&quot;", "\"").replace("&#39;", "'")
}

/// Text inside a Markdown table cell.
pub fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}
