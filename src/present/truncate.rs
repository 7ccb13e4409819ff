//! Shortening text to a column width, counted in characters (not bytes,
//! so Dutch names with diacritics are cut where they look cut).

/// The cut mark where the output can show it (the app).
pub const ELLIPSIS: char = '…';
/// The cut mark for plain-ASCII column text (command tables, map labels).
pub const TILDE: char = '~';

/// `s` in at most `width` characters; a cut end is marked with `mark`.
pub fn fit(s: &str, width: usize, mark: char) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut t: String = s.chars().take(width - 1).collect();
    t.push(mark);
    t
}

/// `s` in at most `width` characters, cut in the middle, where long labels
/// that start alike ("Huishoudens met…", "Huishoudens onder…") differ
/// least. Below 5 characters there is no middle worth keeping: cut the end.
pub fn fit_middle(s: &str, width: usize, mark: char) -> String {
    let n = s.chars().count();
    if n <= width {
        return s.to_string();
    }
    if width < 5 {
        return fit(s, width, mark);
    }
    let head = (width - 1) * 2 / 5;
    let tail = width - 1 - head;
    let h: String = s.chars().take(head).collect();
    let t: String = s.chars().skip(n - tail).collect();
    format!("{}{mark}{}", h.trim_end(), t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_at_the_end() {
        assert_eq!(fit("Havenkwartier", 6, ELLIPSIS), "Haven…");
        assert_eq!(fit("Havenkwartier", 6, TILDE), "Haven~");
        assert_eq!(fit("Haven", 5, TILDE), "Haven");
        assert_eq!(fit("Haven", 0, TILDE), "");
        assert_eq!(fit("Hé één", 4, TILDE), "Hé ~");
    }

    #[test]
    fn cut_in_the_middle() {
        assert_eq!(
            fit_middle("Huishoudens met laag inkomen", 12, ELLIPSIS),
            "Huis…inkomen"
        );
        assert_eq!(fit_middle("Huishoudens", 4, ELLIPSIS), "Hui…");
        assert_eq!(fit_middle("kort", 10, ELLIPSIS), "kort");
    }
}
