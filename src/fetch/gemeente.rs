//! `--gemeente`: a CBS code (`GM0855`, `0855`, `855`) or a name (`Tilburg`).

use super::error::FetchError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GemeenteArg {
    /// `GM` and four digits.
    Code(String),
    Name(String),
}

impl GemeenteArg {
    pub fn parse(given: &str) -> Result<GemeenteArg, FetchError> {
        let t = given.trim();
        let digits = t
            .strip_prefix("GM")
            .or_else(|| t.strip_prefix("gm"))
            .or_else(|| t.strip_prefix("Gm"))
            .unwrap_or(t);
        if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(GemeenteArg::Code(format!("GM{digits:0>4}")));
        }
        if t.chars().any(char::is_alphabetic) && t != digits {
            // `GM08x5`: a code prefix with something other than digits.
            return Err(FetchError::BadGemeente {
                given: given.to_string(),
            });
        }
        if t.chars().any(char::is_alphabetic) {
            return Ok(GemeenteArg::Name(t.to_string()));
        }
        Err(FetchError::BadGemeente {
            given: given.to_string(),
        })
    }
}

/// A resolved gemeente: `GM0855` and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gemeente {
    pub code: String,
    pub name: String,
}

impl Gemeente {
    /// The four digits, as DUO's `GEMEENTENUMMER` writes them.
    pub fn number(&self) -> u32 {
        self.code[2..].parse().unwrap_or(u32::MAX)
    }

    /// Whether a GM/WK/BU code belongs to this gemeente: its four digits
    /// follow the two-letter level.
    pub fn owns(&self, region_code: &str) -> bool {
        let c = region_code.trim();
        let digits = &self.code[2..];
        match c.get(..2) {
            Some("GM") => &c[2..] == digits,
            Some("WK" | "BU") => c.get(2..6) == Some(digits),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names() {
        assert_eq!(
            GemeenteArg::parse("855").unwrap(),
            GemeenteArg::Code("GM0855".into())
        );
        assert_eq!(
            GemeenteArg::parse(" gm0785 ").unwrap(),
            GemeenteArg::Code("GM0785".into())
        );
        assert_eq!(
            GemeenteArg::parse("'s-Hertogenbosch").unwrap(),
            GemeenteArg::Name("'s-Hertogenbosch".into())
        );
        assert!(GemeenteArg::parse("12345").is_err());
        assert!(GemeenteArg::parse("").is_err());
    }

    #[test]
    fn owns_only_its_own_regions() {
        let g = Gemeente {
            code: "GM0855".into(),
            name: "Tilburg".into(),
        };
        assert!(g.owns("GM0855    "));
        assert!(g.owns("WK085501"));
        assert!(g.owns("BU08550110"));
        assert!(!g.owns("BU03630855"));
        assert!(!g.owns("GM08551"));
        assert_eq!(g.number(), 855);
    }
}
