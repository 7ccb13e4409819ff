//! Escaping for the markup formats. It lives here rather than in the
//! presentation layer because only an exporter knows which syntax its text
//! lands in; the commands and the app never write XML or Markdown.

/// Text for an XML attribute or element (svg, html).
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

/// Text inside a Markdown table cell (or heading): a `|` would split the
/// cell, `<` would pass raw HTML through most renderers, `[` would start a
/// link.
pub fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;\n"
        );
        assert_eq!(xml_text("name = \"x<y\""), "name = \"x&lt;y\"");
    }

    #[test]
    fn markdown_cell() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
        assert_eq!(
            md_cell("<script>[x](http://e)"),
            "&lt;script&gt;\\[x](http://e)"
        );
    }
}
