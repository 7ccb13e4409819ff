//! Reading CBS cells: padded numbers, decimal comma or point decided per
//! column, statistical symbols and negative sentinels.

use crate::domain::value::{Missing, Value};

/// What a trimmed cell is before we know the column's decimal mark.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    /// The value and the symbol as written (an all-symbol column is told
    /// apart by which symbols it holds).
    Symbol(Value, &'a str),
    Number(&'a str, Shape),
    /// NaN, Infinity, #N/A...: written where a number belongs, never valid.
    BadNumber(&'a str),
    Text(&'a str),
}

/// A number's separators, counted once while the cell is checked to be a
/// number, so deciding the column's mark and parsing need not search again.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shape {
    commas: u32,
    points: u32,
    ends_in_comma: bool,
}

impl Shape {
    /// A lone comma with digits after it, or points that can only be
    /// thousands separators ("1.234.567"): see [`decide_mark`].
    fn says_comma(self) -> bool {
        (self.commas == 1 && !self.ends_in_comma) || (self.points >= 2 && self.commas == 0)
    }
}

/// The shape of a number's digits after an optional minus, or `None`
/// when it holds anything but digits, points and commas, or no digit.
fn number_shape(body: &[u8]) -> Option<Shape> {
    let mut shape = Shape {
        commas: 0,
        points: 0,
        ends_in_comma: body.last() == Some(&b','),
    };
    let mut digits = false;
    for &c in body {
        match c {
            b'0'..=b'9' => digits = true,
            b',' => shape.commas += 1,
            b'.' => shape.points += 1,
            _ => return None,
        }
    }
    digits.then_some(shape)
}

const BAD_NUMBERS: &[&str] = &[
    "nan",
    "-nan",
    "inf",
    "-inf",
    "+inf",
    "infinity",
    "-infinity",
    "+infinity",
    "#n/a",
    "n/a",
    "na",
    "null",
    "none",
    "#div/0!",
    "#value!",
];

/// The same as `str::trim`, without its char-by-char Unicode walk in the
/// common case: StatLine pads with ASCII spaces, so the Unicode trim only
/// runs when a non-ASCII character ends up at either edge.
pub fn trim(raw: &str) -> &str {
    // The ASCII characters with the Unicode White_Space property; note
    // vertical tab, which `u8::is_ascii_whitespace` leaves out.
    let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let bytes = raw.as_bytes();
    let start = bytes.iter().position(|b| !ws(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !ws(b)).map_or(start, |e| e + 1);
    let edges_ascii = start == end || (bytes[start].is_ascii() && bytes[end - 1].is_ascii());
    match raw.get(start..end) {
        Some(t) if edges_ascii => t,
        _ => raw.trim(),
    }
}

fn tokenise(raw: &str) -> Token<'_> {
    let t = trim(raw);
    match t {
        "" => Token::Symbol(Value::Missing(Missing::CannotOccur), t),
        // A lone comma is what a spreadsheet makes of a kwb "." cell.
        "." | "," | "x" | "X" | "?" => Token::Symbol(Value::Missing(Missing::Secret), t),
        // StatLine "-" means nil: the figure is zero.
        "-" => Token::Symbol(Value::Num(0.0), t),
        _ => {
            let body = t.strip_prefix('-').unwrap_or(t).as_bytes();
            if let Some(shape) = number_shape(body) {
                Token::Number(t, shape)
            } else if BAD_NUMBERS.iter().any(|b| b.eq_ignore_ascii_case(t)) {
                Token::BadNumber(t)
            } else {
                Token::Text(t)
            }
        }
    }
}

/// The decimal mark of one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    Point,
    Comma,
}

/// The cells of one column, each read once: the column's kind, its
/// decimal mark and its values all come from these tokens.
pub struct Column<'a> {
    tokens: Vec<Token<'a>>,
    /// Numbers (bad ones too) and text cells, for [`Column::is_numeric`].
    numbers: usize,
    texts: usize,
    all_symbols: bool,
    /// A number that decides for the decimal comma has been seen.
    comma: bool,
}

impl<'a> Column<'a> {
    pub fn new(cells: impl Iterator<Item = &'a str>) -> Column<'a> {
        let mut column = Column::with_capacity(cells.size_hint().0);
        cells.for_each(|c| column.push(c));
        column
    }

    pub fn with_capacity(rows: usize) -> Column<'a> {
        Column {
            tokens: Vec::with_capacity(rows),
            numbers: 0,
            texts: 0,
            all_symbols: true,
            comma: false,
        }
    }

    /// The column's next cell; the column's kind and mark are tallied as
    /// the cells come, so they cost no further pass.
    pub fn push(&mut self, raw: &'a str) {
        let token = tokenise(raw);
        match token {
            Token::Number(_, shape) => {
                self.numbers += 1;
                self.comma |= shape.says_comma();
            }
            Token::BadNumber(_) => self.numbers += 1,
            Token::Text(_) => self.texts += 1,
            Token::Symbol(..) => {}
        }
        self.all_symbols &= matches!(token, Token::Symbol(_, "" | "." | "x" | "X" | ","));
        self.tokens.push(token);
    }

    /// See [`is_numeric_column`].
    pub fn is_numeric(&self) -> bool {
        self.numbers > 0 && self.numbers >= self.texts
    }

    /// Every cell empty or a secrecy mark (`.`, `x`, `,`): a published
    /// indicator without figures, not text.
    pub fn all_symbols(&self) -> bool {
        self.all_symbols
    }

    /// See [`decide_mark`].
    pub fn mark(&self) -> DecimalMark {
        if self.comma {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }

    /// The cells read with the column's decimal mark, in order.
    pub fn cells(&self, mark: DecimalMark) -> impl Iterator<Item = Cell> + '_ {
        self.tokens.iter().map(move |&t| read_token(t, mark))
    }
}

/// Decide the decimal mark from all cells of a column. A comma followed by
/// digits anywhere makes it a comma column; otherwise a point is a decimal
/// point, never a thousands separator before 1-2 digits.
pub fn decide_mark<'a>(cells: impl Iterator<Item = &'a str>) -> DecimalMark {
    mark_of(cells.map(tokenise))
}

fn mark_of<'a>(mut tokens: impl Iterator<Item = Token<'a>>) -> DecimalMark {
    if tokens.any(|t| matches!(t, Token::Number(_, shape) if shape.says_comma())) {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// Result of reading one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Value(Value),
    /// Not a number: the caller reports it with file, line and column.
    Invalid(String),
}

pub fn parse_cell(raw: &str, mark: DecimalMark) -> Cell {
    read_token(tokenise(raw), mark)
}

fn read_token(token: Token, mark: DecimalMark) -> Cell {
    match token {
        Token::Symbol(v, _) => Cell::Value(v),
        Token::Text(t) | Token::BadNumber(t) => Cell::Invalid(t.to_string()),
        Token::Number(n, shape) => {
            let parsed = match mark {
                DecimalMark::Point if shape.commas == 0 => n.parse::<f64>(),
                DecimalMark::Point => {
                    // A comma in a point column is only acceptable as a
                    // thousands separator with groups of three digits.
                    let ok = n
                        .trim_start_matches('-')
                        .split('.')
                        .next()
                        .is_some_and(|int| {
                            int.split(',').skip(1).all(|g| g.len() == 3) && !int.starts_with(',')
                        });
                    if !ok {
                        return Cell::Invalid(n.to_string());
                    }
                    n.replace(',', "").parse::<f64>()
                }
                DecimalMark::Comma => {
                    if shape.commas > 1 {
                        return Cell::Invalid(n.to_string());
                    }
                    parse_comma(n)
                }
            };
            match parsed {
                Ok(v) if v.is_finite() => match Missing::from_sentinel(v) {
                    Some(m) => Cell::Value(Value::Missing(m)),
                    None => Cell::Value(Value::Num(v)),
                },
                _ => Cell::Invalid(n.to_string()),
            }
        }
    }
}

/// A comma-column number: points are thousands separators, the comma is
/// the decimal point. Short numbers (all of them in practice) are
/// rewritten on the stack instead of in two new strings.
fn parse_comma(n: &str) -> Result<f64, std::num::ParseFloatError> {
    let mut buf = [0u8; 64];
    let mut len = 0;
    for &b in n.as_bytes() {
        if b == b'.' {
            continue;
        }
        let Some(slot) = buf.get_mut(len) else {
            return n.replace('.', "").replace(',', ".").parse();
        };
        *slot = if b == b',' { b'.' } else { b };
        len += 1;
    }
    // Only ASCII bytes were copied, so this cannot fail; the fallback keeps
    // the function total without an unwrap.
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => s.parse(),
        Err(_) => n.replace('.', "").replace(',', ".").parse(),
    }
}

/// True when the column is numeric: at least one number and more numbers
/// than text cells. Text columns (names, kinds) are not indicators.
pub fn is_numeric_column<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    Column::new(cells).is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(raw: &str, mark: DecimalMark) -> Cell {
        parse_cell(raw, mark)
    }

    #[test]
    fn padded_numbers_and_symbols() {
        use DecimalMark::*;
        assert_eq!(v("    20.8", Point), Cell::Value(Value::Num(20.8)));
        assert_eq!(v("  -0.100", Point), Cell::Value(Value::Num(-0.1)));
        assert_eq!(
            v("       .", Point),
            Cell::Value(Value::Missing(Missing::Secret))
        );
        assert_eq!(
            v("", Point),
            Cell::Value(Value::Missing(Missing::CannotOccur))
        );
        assert_eq!(v(",", Comma), Cell::Value(Value::Missing(Missing::Secret)));
        assert_eq!(v("x", Point), Cell::Value(Value::Missing(Missing::Secret)));
        assert_eq!(v("-", Point), Cell::Value(Value::Num(0.0)));
        assert_eq!(
            v("-99995", Point),
            Cell::Value(Value::Missing(Missing::NotYetPublished))
        );
        assert_eq!(
            v("-99999999", Point),
            Cell::Value(Value::Missing(Missing::Secret))
        );
    }

    #[test]
    fn decimal_mark_is_decided_per_column() {
        let comma = ["26,4", "  3,0", "."];
        assert_eq!(decide_mark(comma.iter().copied()), DecimalMark::Comma);
        let point = ["1.2", "312.5", ""];
        assert_eq!(decide_mark(point.iter().copied()), DecimalMark::Point);
        assert_eq!(v("26,4", DecimalMark::Comma), Cell::Value(Value::Num(26.4)));
        assert_eq!(
            v("1.234,5", DecimalMark::Comma),
            Cell::Value(Value::Num(1234.5))
        );
        // A point before 1-2 digits is never a thousands separator.
        assert_eq!(v("1.25", DecimalMark::Point), Cell::Value(Value::Num(1.25)));
        let thousands = ["1.234.567", "12"];
        assert_eq!(decide_mark(thousands.iter().copied()), DecimalMark::Comma);
        assert_eq!(
            v("1.234.567", DecimalMark::Comma),
            Cell::Value(Value::Num(1234567.0))
        );
    }

    #[test]
    fn garbage_is_invalid_not_zero() {
        assert_eq!(
            v("NaN", DecimalMark::Point),
            Cell::Invalid("NaN".to_string())
        );
        assert_eq!(
            v("Infinity", DecimalMark::Point),
            Cell::Invalid("Infinity".to_string())
        );
        assert_eq!(
            v("12,5", DecimalMark::Point),
            Cell::Invalid("12,5".to_string())
        );
        assert_eq!(
            v("1,2,3", DecimalMark::Comma),
            Cell::Invalid("1,2,3".to_string())
        );
    }

    #[test]
    fn text_columns_are_recognised() {
        let names = ["Kop Zeedijk", "Oude Kerk e.o.", "."];
        assert!(!is_numeric_column(names.iter().copied()));
        let nums = ["1", ".", "2,5"];
        assert!(is_numeric_column(nums.iter().copied()));
    }

    #[test]
    fn trim_is_str_trim() {
        for raw in [
            "",
            "   ",
            "  20.8  ",
            "\t\r\n 1 \x0B",
            "\x0B.\x0C",
            "\u{a0}12\u{a0}",
            " \u{2003}x",
            "é ",
            " \u{a0} ",
            "\x1F1",
            "a b",
        ] {
            assert_eq!(trim(raw), raw.trim(), "{raw:?}");
        }
    }

    #[test]
    fn a_column_is_read_once_with_the_old_rules() {
        let cells = ["  26,4", ".", "1.234,5", "x", "", "?"];
        let col = Column::new(cells.iter().copied());
        assert!(col.is_numeric());
        assert_eq!(col.mark(), DecimalMark::Comma);
        let read: Vec<Cell> = col.cells(col.mark()).collect();
        let one_by_one: Vec<Cell> = cells
            .iter()
            .map(|c| parse_cell(c, DecimalMark::Comma))
            .collect();
        assert_eq!(read, one_by_one);
        assert_eq!(read[2], Cell::Value(Value::Num(1234.5)));
        // "?" and "-" are symbols, but not the marks of an empty column.
        assert!(Column::new([".", "x", ",", ""].into_iter()).all_symbols());
        assert!(!Column::new([".", "?"].into_iter()).all_symbols());
        assert!(!Column::new([".", "-"].into_iter()).all_symbols());
    }

    /// The rules as first written, one search per question, to hold the
    /// tallied column to.
    mod reference {
        use super::*;

        fn number_body(t: &str) -> Option<&str> {
            let body = t.strip_prefix('-').unwrap_or(t);
            let b = body.as_bytes();
            let numeric = !b.is_empty()
                && b.iter()
                    .all(|&c| c.is_ascii_digit() || c == b'.' || c == b',')
                && b.iter().any(u8::is_ascii_digit);
            numeric.then_some(body)
        }

        pub fn is_numeric(cells: &[&str]) -> bool {
            let num = cells
                .iter()
                .filter(|c| {
                    let t = c.trim();
                    number_body(t).is_some()
                        || BAD_NUMBERS.iter().any(|b| b.eq_ignore_ascii_case(t))
                })
                .count();
            let text = cells
                .iter()
                .filter(|c| {
                    let t = c.trim();
                    !matches!(t, "" | "." | "," | "x" | "X" | "?" | "-")
                        && number_body(t).is_none()
                        && !BAD_NUMBERS.iter().any(|b| b.eq_ignore_ascii_case(t))
                })
                .count();
            num > 0 && num >= text
        }

        pub fn all_symbols(cells: &[&str]) -> bool {
            cells
                .iter()
                .all(|c| matches!(c.trim(), "" | "." | "x" | "X" | ","))
        }

        pub fn mark(cells: &[&str]) -> DecimalMark {
            for c in cells {
                let t = c.trim();
                if matches!(t, "," | "-") {
                    continue;
                }
                let Some(body) = number_body(t) else { continue };
                if let Some(pos) = body.rfind(',') {
                    if pos + 1 < body.len() && !body[..pos].contains(',') {
                        return DecimalMark::Comma;
                    }
                }
                if body.matches('.').count() >= 2 && !body.contains(',') {
                    return DecimalMark::Comma;
                }
            }
            DecimalMark::Point
        }

        pub fn cell(raw: &str, mark: DecimalMark) -> Cell {
            let n = raw.trim();
            match n {
                "" => return Cell::Value(Value::Missing(Missing::CannotOccur)),
                "." | "," | "x" | "X" | "?" => return Cell::Value(Value::Missing(Missing::Secret)),
                "-" => return Cell::Value(Value::Num(0.0)),
                _ => {}
            }
            if number_body(n).is_none() {
                return Cell::Invalid(n.to_string());
            }
            let parsed = match mark {
                DecimalMark::Point if !n.contains(',') => n.parse::<f64>(),
                DecimalMark::Point => {
                    let int = n.trim_start_matches('-').split('.').next().unwrap_or("");
                    let groups_of_three = int.split(',').skip(1).all(|g| g.len() == 3);
                    if !groups_of_three || int.starts_with(',') {
                        return Cell::Invalid(n.to_string());
                    }
                    n.replace(',', "").parse::<f64>()
                }
                DecimalMark::Comma => {
                    if n.matches(',').count() > 1 {
                        return Cell::Invalid(n.to_string());
                    }
                    n.replace('.', "").replace(',', ".").parse()
                }
            };
            match parsed {
                Ok(v) if v.is_finite() => match Missing::from_sentinel(v) {
                    Some(m) => Cell::Value(Value::Missing(m)),
                    None => Cell::Value(Value::Num(v)),
                },
                _ => Cell::Invalid(n.to_string()),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn tallied_column_follows_the_written_rules(
            cells in proptest::collection::vec("[ 0-9.,xX?-]{0,7}|-?[0-9]{1,3}([.,][0-9]{1,3}){0,3}|NaN|null|[a-z ]{1,5}|-99997", 0..12)
        ) {
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let col = Column::new(cells.iter().copied());
            proptest::prop_assert_eq!(col.is_numeric(), reference::is_numeric(&cells));
            proptest::prop_assert_eq!(col.all_symbols(), reference::all_symbols(&cells));
            proptest::prop_assert_eq!(col.mark(), reference::mark(&cells));
            proptest::prop_assert_eq!(decide_mark(cells.iter().copied()), reference::mark(&cells));
            for mark in [DecimalMark::Point, DecimalMark::Comma] {
                let read: Vec<Cell> = col.cells(mark).collect();
                let want: Vec<Cell> = cells.iter().map(|c| reference::cell(c, mark)).collect();
                proptest::prop_assert_eq!(read, want);
            }
        }
    }

    #[test]
    fn long_comma_numbers_parse_like_short_ones() {
        let long = format!("{},5", "1".repeat(80));
        let want: f64 = format!("{}.5", "1".repeat(80)).parse().unwrap_or(0.0);
        assert_eq!(v(&long, DecimalMark::Comma), Cell::Value(Value::Num(want)));
        assert_eq!(
            v("-1.000,25", DecimalMark::Comma),
            Cell::Value(Value::Num(-1000.25))
        );
        assert_eq!(
            v("NULL", DecimalMark::Point),
            Cell::Invalid("NULL".to_string())
        );
    }
}
