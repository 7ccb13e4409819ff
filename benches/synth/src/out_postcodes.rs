//! The national CBS table "buurt, wijk en gemeente per postcode en
//! huisnummer" (`PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024`, codes
//! without prefix) at its real size, about 9 million rows, and a DUO
//! address list of the national schools without coordinates: the inputs
//! of the postcode-table benchmark.

use crate::layout::Layout;
use crate::out_geojson::create;
use crate::schools::School;
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

/// Postcodes per buurt and house numbers per postcode: 15,120 buurten x
/// 40 x 15 is about the 9.1 million addresses of the real table.
const POSTCODES_PER_BUURT: usize = 40;
const NUMBERS_PER_POSTCODE: u32 = 15;

fn strip(code: &str, prefix: &str) -> String {
    code.strip_prefix(prefix).unwrap_or(code).to_string()
}

/// The k-th filler postcode: 1000AA, 1000AB, ...
fn filler(k: usize) -> String {
    let digits = 1000 + k / 676;
    let a = (b'A' + (k / 26 % 26) as u8) as char;
    let b = (b'A' + (k % 26) as u8) as char;
    format!("{digits}{a}{b}")
}

/// Writes the table; every school's own address is in it, in its buurt.
/// Returns the rows written.
pub(crate) fn write_table(path: &Path, layout: &Layout, schools: &[School]) -> Result<u64> {
    let mut w = create(path)?;
    writeln!(w, "PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024")?;
    let school_pcs: HashSet<String> = schools
        .iter()
        .map(|s| s.postcode.replace(' ', ""))
        .collect();
    let mut rows = 0u64;
    let mut k = 0usize;
    for (b, buurt) in layout.buurten.iter().enumerate() {
        let wijk = &layout.wijken[buurt.wijk];
        let gemeente = &layout.gemeenten[wijk.gemeente];
        let (bc, wc, gc) = (
            strip(&buurt.code, "BU"),
            strip(&wijk.code, "WK"),
            strip(&gemeente.code, "GM"),
        );
        for s in schools.iter().filter(|s| s.buurt == Some(b)) {
            writeln!(
                w,
                "{};{};{bc};{wc};{gc}",
                s.postcode.replace(' ', ""),
                s.huisnummer
            )?;
            rows += 1;
        }
        let mut made = 0;
        while made < POSTCODES_PER_BUURT {
            let pc = filler(k);
            k += 1;
            if school_pcs.contains(&pc) {
                continue;
            }
            for n in 1..=NUMBERS_PER_POSTCODE {
                writeln!(w, "{pc};{n};{bc};{wc};{gc}")?;
            }
            rows += u64::from(NUMBERS_PER_POSTCODE);
            made += 1;
        }
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(rows)
}

/// The schools as DUO publishes them: no coordinates, `;`, CRLF.
pub(crate) fn write_duo(path: &Path, schools: &[School]) -> Result<()> {
    let mut w = create(path)?;
    w.write_all(b"INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE\r\n")?;
    for s in schools {
        let clean = |t: &str| t.replace([';', '\r', '\n'], " ");
        write!(
            w,
            "{};{};{};{};{};{};{};;{};{}\r\n",
            clean(&s.brin),
            clean(&s.vestiging),
            clean(&s.naam),
            clean(&s.straat),
            s.huisnummer,
            clean(&s.postcode),
            clean(&s.plaats),
            clean(&s.gemeente),
            clean(s.denominatie),
        )?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::filler;

    #[test]
    fn filler_postcodes_are_valid_and_distinct() {
        let all: std::collections::HashSet<String> = (0..20_000).map(filler).collect();
        assert_eq!(all.len(), 20_000);
        assert!(all.iter().all(|p| p.len() == 6
            && p[..4].chars().all(|c| c.is_ascii_digit())
            && p[4..].chars().all(|c| c.is_ascii_uppercase())));
    }
}
