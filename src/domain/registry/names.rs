//! Column names reduced to the form the registry's aliases are written in.

/// Reduce a column name to the form the aliases are written in: lower case,
/// no unit in parentheses, no OData positional suffix, single spaces,
/// no diacritics that vary between exports.
pub fn normalise_name(raw: &str) -> String {
    let raw = raw.trim().trim_start_matches('\u{feff}').trim();
    // OData keys: `AantalInwoners_5` -> `AantalInwoners`. Only CamelCase keys
    // carry the positional suffix; kwb names (`a_00_14`) are lower case.
    let raw = match raw.rfind('_') {
        Some(pos)
            if pos + 1 < raw.len()
                && raw[pos + 1..].chars().all(|c| c.is_ascii_digit())
                && raw[..pos].chars().any(|c| c.is_ascii_uppercase()) =>
        {
            &raw[..pos]
        }
        _ => raw,
    };
    let mut s = raw.to_lowercase();
    // Drop the unit: the *last* parenthesised group, even when an earlier
    // one is unbalanced ("...(eengezins (%)").
    if s.ends_with(')') {
        if let Some(open) = s.rfind('(') {
            s.truncate(open);
        }
    }
    let s = s.replace(['ë', 'é'], "e").replace('ï', "i");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unit from the last `(...)` of a StatLine title, used for custom indicators.
pub fn unit_from_title(raw: &str) -> Option<String> {
    let t = raw.trim();
    if !t.ends_with(')') {
        return None;
    }
    let open = t.rfind('(')?;
    Some(t[open + 1..t.len() - 1].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbalanced_title_takes_last_unit() {
        assert_eq!(
            unit_from_title("Wonen/Woningtype/Eengezinswoning (eengezins (%)").as_deref(),
            Some("%")
        );
        assert_eq!(
            normalise_name("Opleidingsniveau/Laag/Waarde (%)"),
            "opleidingsniveau/laag/waarde"
        );
        assert_eq!(
            normalise_name("Bevolking/Aantal  inwoners (aantal)"),
            "bevolking/aantal inwoners"
        );
    }
}
