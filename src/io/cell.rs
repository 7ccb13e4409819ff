//! Reading CBS cells: padded numbers, decimal comma or point decided per
//! column, statistical symbols and negative sentinels.

use crate::domain::value::{Missing, Value};

/// What a trimmed cell is before we know the column's decimal mark.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Symbol(Value),
    Number(&'a str),
    /// NaN, Infinity, #N/A...: written where a number belongs, never valid.
    BadNumber(&'a str),
    Text(&'a str),
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

fn tokenise(raw: &str) -> Token<'_> {
    let t = raw.trim();
    match t {
        "" => Token::Symbol(Value::Missing(Missing::CannotOccur)),
        // A lone comma is what a spreadsheet makes of a kwb "." cell.
        "." | "," | "x" | "X" | "?" => Token::Symbol(Value::Missing(Missing::Secret)),
        // StatLine "-" means nil: the figure is zero.
        "-" => Token::Symbol(Value::Num(0.0)),
        _ => {
            let body = t.strip_prefix('-').unwrap_or(t);
            let numeric = !body.is_empty()
                && body
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && body.chars().any(|c| c.is_ascii_digit());
            if numeric {
                Token::Number(t)
            } else if BAD_NUMBERS.contains(&t.to_ascii_lowercase().as_str()) {
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

/// Decide the decimal mark from all cells of a column. A comma followed by
/// digits anywhere makes it a comma column; otherwise a point is a decimal
/// point, never a thousands separator before 1-2 digits.
pub fn decide_mark<'a>(cells: impl Iterator<Item = &'a str>) -> DecimalMark {
    let mut comma = 0usize;
    let mut point_groups = 0usize;
    for c in cells {
        if let Token::Number(n) = tokenise(c) {
            let body = n.trim_start_matches('-');
            if let Some(pos) = body.rfind(',') {
                let frac = &body[pos + 1..];
                if !frac.is_empty() && !body[..pos].contains(',') {
                    comma += 1;
                }
            }
            // "1.234.567": only thousands separators look like this.
            if body.matches('.').count() >= 2 && !body.contains(',') {
                point_groups += 1;
            }
        }
    }
    if comma > 0 || point_groups > 0 {
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
    match tokenise(raw) {
        Token::Symbol(v) => Cell::Value(v),
        Token::Text(t) | Token::BadNumber(t) => Cell::Invalid(t.to_string()),
        Token::Number(n) => {
            let cleaned = match mark {
                DecimalMark::Point => {
                    // A comma in a point column is only acceptable as a
                    // thousands separator with groups of three digits.
                    if n.contains(',') {
                        let ok = n
                            .trim_start_matches('-')
                            .split('.')
                            .next()
                            .is_some_and(|int| {
                                int.split(',').skip(1).all(|g| g.len() == 3)
                                    && !int.starts_with(',')
                            });
                        if !ok {
                            return Cell::Invalid(n.to_string());
                        }
                    }
                    n.replace(',', "")
                }
                DecimalMark::Comma => {
                    if n.matches(',').count() > 1 {
                        return Cell::Invalid(n.to_string());
                    }
                    n.replace('.', "").replace(',', ".")
                }
            };
            match cleaned.parse::<f64>() {
                Ok(v) if v.is_finite() => match Missing::from_sentinel(v) {
                    Some(m) => Cell::Value(Value::Missing(m)),
                    None => Cell::Value(Value::Num(v)),
                },
                _ => Cell::Invalid(n.to_string()),
            }
        }
    }
}

/// True when the column is numeric: at least one number and more numbers
/// than text cells. Text columns (names, kinds) are not indicators.
pub fn is_numeric_column<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let (mut num, mut text) = (0usize, 0usize);
    for c in cells {
        match tokenise(c) {
            Token::Number(_) | Token::BadNumber(_) => num += 1,
            Token::Text(_) => text += 1,
            Token::Symbol(_) => {}
        }
    }
    num > 0 && num >= text
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
}
