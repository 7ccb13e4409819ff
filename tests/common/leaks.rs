//! Looking for withheld cells in exported text: each is looked for where
//! it would be written, in the unit's csv row, json object, geojson
//! feature, and after the indicator's label in the unit's md, html and svg
//! rows, sections, charts and titles; not anywhere in the file, where the
//! same digits may rightly stand for something else.

use serde_json::Value as Json;

/// A withheld cell: the unit, the column, and the value it must not show.
#[derive(Debug)]
pub struct Withheld {
    pub code: String,
    pub id: String,
    pub value: f64,
}

/// The ways a figure can be written: full precision, one decimal with
/// either mark, whole.
pub fn forms(v: f64) -> Vec<String> {
    let mut f = vec![
        format!("{v}"),
        format!("{v:.1}"),
        format!("{v:.1}").replace('.', ","),
    ];
    if v.fract() == 0.0 {
        f.push(format!("{v:.0}"));
    }
    f
}

/// The token written right after each occurrence of `label` (tags count
/// as separators), where a figure follows its label in running text,
/// reasons and charts.
pub fn after_label(text: &str, label: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace('\\', "").replace('|', " ");
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    tokens
        .windows(2)
        .filter(|w| w[0].trim_end_matches(':') == label)
        .map(|w| {
            w[1].trim_start_matches('(')
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .to_string()
        })
        .collect()
}

struct Checker<'a> {
    format: &'static str,
    cell: &'a Withheld,
    checked: usize,
}

impl Checker<'_> {
    fn text(&mut self, segment: &str) {
        let bad = forms(self.cell.value);
        for tok in after_label(segment, &self.cell.id) {
            self.checked += 1;
            assert!(
                !bad.contains(&tok),
                "{}: withheld {} {} = {} shows after its label in {segment:?}",
                self.format,
                self.cell.id,
                self.cell.code,
                self.cell.value
            );
        }
    }

    fn cell(&mut self, text: &str) {
        self.checked += 1;
        assert!(
            !forms(self.cell.value).contains(&text.trim().to_string()),
            "{}: withheld {} {} = {} written as {text:?}",
            self.format,
            self.cell.id,
            self.cell.code,
            self.cell.value
        );
    }

    /// A json value that belongs to the unit: keys naming the column, reason
    /// objects about it, and every string in it.
    fn json(&mut self, v: &Json) {
        match v {
            Json::Object(o) => {
                let value_key = format!("value_{}", self.cell.id);
                for (k, x) in o {
                    if *k == self.cell.id || *k == value_key {
                        self.json_cell(x);
                    }
                    self.json(x);
                }
                if o.get("indicator").and_then(Json::as_str) == Some(self.cell.id.as_str()) {
                    if let Some(x) = o.get("value") {
                        self.json_cell(x);
                    }
                }
            }
            Json::Array(a) => a.iter().for_each(|x| self.json(x)),
            Json::String(s) => self.text(s),
            _ => {}
        }
    }

    fn json_cell(&mut self, x: &Json) {
        self.checked += 1;
        assert!(
            x.as_f64() != Some(self.cell.value),
            "{}: withheld {} {} = {} written as {x}",
            self.format,
            self.cell.id,
            self.cell.code,
            self.cell.value
        );
    }
}

/// Every json object that is about the unit (`"code": ...`).
fn unit_objects<'a>(v: &'a Json, code: &str, out: &mut Vec<&'a Json>) {
    match v {
        Json::Object(o) => {
            if o.get("code").and_then(Json::as_str) == Some(code) {
                out.push(v);
            }
            o.values().for_each(|x| unit_objects(x, code, out));
        }
        Json::Array(a) => a.iter().for_each(|x| unit_objects(x, code, out)),
        _ => {}
    }
}

pub fn check_csv(text: &str, cells: &[Withheld]) -> usize {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name);
    let code = col("code").unwrap();
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let mut checked = 0;
    for w in cells {
        let mut c = Checker {
            format: "csv",
            cell: w,
            checked: 0,
        };
        for rec in records.iter().filter(|rec| rec[code] == w.code) {
            let j = col(&format!("value_{}", w.id)).unwrap();
            assert_eq!(&rec[j], "suppressed", "csv {} {}", w.id, w.code);
            c.cell(&rec[j]);
            rec.iter().for_each(|cell| c.text(cell));
        }
        checked += c.checked;
    }
    checked
}

pub fn check_json(format: &'static str, text: &str, cells: &[Withheld]) -> usize {
    let doc: Json = serde_json::from_str(text).unwrap();
    let mut checked = 0;
    for w in cells {
        let mut objects = Vec::new();
        unit_objects(&doc, &w.code, &mut objects);
        let mut c = Checker {
            format,
            cell: w,
            checked: 0,
        };
        objects.into_iter().for_each(|o| c.json(o));
        checked += c.checked;
    }
    checked
}

/// md: the unit's table rows (by column header, and running text), its
/// bullet and its own section.
pub fn check_md(text: &str, cells: &[Withheld]) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let split = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().replace('\\', ""))
            .collect()
    };
    let mut checked = 0;
    for w in cells {
        let mut c = Checker {
            format: "md",
            cell: w,
            checked: 0,
        };
        let mut header: Vec<String> = Vec::new();
        let mut section = false;
        for (i, l) in lines.iter().enumerate() {
            if l.starts_with('#') {
                section = l.starts_with(&format!("### {} ", w.code));
            }
            if l.starts_with('|') && lines.get(i + 1).is_some_and(|n| n.starts_with("|-")) {
                header = split(l);
            }
            let row = l.starts_with('|') && split(l).contains(&w.code);
            if row {
                for (h, x) in header.iter().zip(split(l)) {
                    if *h == w.id {
                        c.cell(&x);
                    }
                }
            }
            if section || row || l.starts_with(&format!("- **{} ", w.code)) {
                c.text(l);
            }
        }
        checked += c.checked;
    }
    checked
}

/// html: the unit's table rows (by column header, and running text), and
/// everything from its own heading (team, chart) to the next heading.
pub fn check_html(text: &str, cells: &[Withheld]) -> usize {
    let strip = |s: &str| -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in s.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(ch),
                _ => {}
            }
        }
        out.trim().to_string()
    };
    let cells_of = |row: &str, tag: &str| -> Vec<String> {
        row.split(&format!("<{tag}"))
            .skip(1)
            .map(|c| strip(&format!("<{tag}{}", c)))
            .collect()
    };
    let mut checked = 0;
    for w in cells {
        let mut c = Checker {
            format: "html",
            cell: w,
            checked: 0,
        };
        for table in text.split("<table").skip(1) {
            let table = table.split("</table>").next().unwrap();
            let rows: Vec<&str> = table.split("<tr").skip(1).collect();
            let Some(head) = rows.first() else { continue };
            // A column is known by its id: the `title` of its header
            // (which shows the label), else the header's text.
            let header: Vec<String> = head
                .split("<th")
                .skip(1)
                .map(|c| match c.strip_prefix(" title=\"") {
                    Some(rest) => rest.split('"').next().unwrap_or("").to_string(),
                    None => strip(&format!("<th{c}")),
                })
                .collect();
            for row in &rows[1..] {
                let tds = cells_of(row, "td");
                // The code cell may carry a mark after the code
                // ("BU... !" for few inhabitants, "=" for a tie).
                let is_row = |t: &String| {
                    t == &w.code
                        || t.strip_prefix(w.code.as_str())
                            .is_some_and(|r| r.starts_with(' '))
                };
                if !tds.iter().any(is_row) {
                    continue;
                }
                for (h, x) in header.iter().zip(&tds) {
                    if *h == w.id {
                        c.cell(x);
                    }
                }
                c.text(row);
            }
        }
        let heading = format!("<h3>{} ", w.code);
        for part in text.split(&heading).skip(1) {
            let end = [part.find("<h3"), part.find("<h2")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(part.len());
            c.text(&part[..end]);
        }
        for title in text.split(&format!("<title>{} ", w.code)).skip(1) {
            c.text(title.split("</title>").next().unwrap());
        }
        checked += c.checked;
    }
    checked
}
