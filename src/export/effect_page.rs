//! `effect --format html`: the "Effectmeting" as a self-contained page for
//! a steering group: the section's text and tables (as `--format md` has
//! them) and the before/after chart, with print styles and no external
//! assets.

use super::charts::did;
use super::escape::xml_escape as esc;
use crate::domain::effect::EffectResult;
use crate::domain::registry;
use crate::i18n::{Lang, Msg};
use crate::present::effect::effect_section;

const STYLE: &str = "body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}\
td.n{text-align:right}h1{font-size:1.6em}\
@media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none}svg{max-width:100%;height:auto}}";

fn label(id: &str, lang: Lang) -> String {
    registry::by_id(id)
        .map(|d| lang.pick(d.label_nl, d.label_en).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The markdown lines of the section as HTML: tables from `|` rows (the
/// `|---|` rule dropped, the first row as header), paragraphs otherwise.
fn body(lines: &[String], o: &mut String) {
    let mut in_table = false;
    let mut header = false;
    for l in lines {
        let t = l.trim();
        if t.starts_with('|') {
            if !in_table {
                o.push_str("<table>\n");
                in_table = true;
                header = true;
            }
            if t.starts_with("|---") {
                continue;
            }
            let cells: Vec<&str> = t.trim_matches('|').split(" | ").map(str::trim).collect();
            o.push_str("<tr>");
            for (i, c) in cells.iter().enumerate() {
                let (tag, class) = match (header, i) {
                    (true, _) => ("th", ""),
                    (false, 0) => ("td", ""),
                    _ => ("td", r#" class="n""#),
                };
                o.push_str(&format!("<{tag}{class}>{}</{tag}>", esc(c)));
            }
            o.push_str("</tr>\n");
            header = false;
            continue;
        }
        if in_table {
            o.push_str("</table>\n");
            in_table = false;
        }
        if let Some(h) = t.strip_prefix("### ") {
            o.push_str(&format!("<h3>{}</h3>\n", esc(h)));
        } else if let Some(h) = t.strip_prefix("## ") {
            o.push_str(&format!("<h2>{}</h2>\n", esc(h)));
        } else if let Some(item) = t.strip_prefix("- ") {
            o.push_str(&format!("<p>• {}</p>\n", esc(item)));
        } else if !t.is_empty() {
            o.push_str(&format!("<p>{}</p>\n", esc(t)));
        }
    }
    if in_table {
        o.push_str("</table>\n");
    }
}

/// The page; `note` is a line said before the section (e.g. the snapshot
/// it was measured from).
pub fn page(r: &EffectResult, lang: Lang, note: Option<&str>) -> String {
    let title = Msg::EffectTitle.text(lang);
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        esc(title),
        esc(title)
    );
    if let Some(n) = note {
        o.push_str(&format!("<p>{}</p>\n", esc(n)));
    }
    let lines = effect_section(r, lang, false);
    // The chart right after the units line, before the tables.
    let split = lines
        .iter()
        .position(|l| l.starts_with('|'))
        .unwrap_or(lines.len());
    body(&lines[..split], &mut o);
    o.push_str("<figure>\n");
    o.push_str(&did::svg(&r.rows, |id| label(id, lang), lang));
    o.push_str(&format!(
        "<figcaption>{}</figcaption>\n</figure>\n",
        esc(Msg::DidChartTitle.text(lang))
    ));
    body(&lines[split..], &mut o);
    o.push_str("</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn markdown_tables_become_html_tables_with_a_header_row() {
        let mut o = String::new();
        body(
            &[
                "Tekst <b>".to_string(),
                "| a | b |".to_string(),
                "|---|---:|".to_string(),
                "| x | 1,5 |".to_string(),
                String::new(),
                "Na".to_string(),
            ],
            &mut o,
        );
        assert_eq!(
            o,
            "<p>Tekst &lt;b&gt;</p>\n<table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td>x</td><td class=\"n\">1,5</td></tr>\n</table>\n<p>Na</p>\n"
        );
    }
}
