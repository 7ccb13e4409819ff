//! The three table files, each with the quirks of the real export it
//! imitates.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::figures::Truth;
use super::layout::{Kind, Layout};
use super::out_geojson::create;
use super::publish::{Level, Row, Val};

pub(crate) const STATLINE_HEADER: [&str; 18] = [
    "Perioden",
    "Wijken en buurten",
    "Regioaanduiding/Gemeentenaam (naam)",
    "Regioaanduiding/Soort regio (omschrijving)",
    "Regioaanduiding/Codering (code)",
    "Bevolking/Aantal inwoners (aantal)",
    "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)",
    "Bevolking/Burgerlijke staat/Gescheiden (aantal)",
    "Huishoudens/Huishoudens totaal (aantal)",
    "Huishoudens/Huishoudens met kinderen (aantal)",
    "Wonen/Gemiddelde WOZ-waarde van woningen (1 000 euro)",
    "Wonen/Eigendom/Huurwoningen/In bezit woningcorporatie (%)",
    "Inkomen/Inkomen van huishoudens/Huishoudens met een laag inkomen (%)",
    "Sociale zekerheid/Personen per soort uitkering/Bijstand (aantal)",
    "Zorg/Jongeren met jeugdzorg in natura (%)",
    "Zorg/Wmo-cliënten relatief (per 1 000 inwoners)",
    "Onderwijs/Basisonderwijs/Afstand tot school (km)",
    "Onderwijs/Basisonderwijs/Scholen binnen 3 km (aantal)",
];

/// Note the trailing space in `g_wozbag `: real kwb files have such names.
pub(crate) const KWB_HEADER: &str =
    "gwb_code;regio;gm_naam;recs;ind_wbi;a_inw;a_opl_lg;p_hh_osm;a_soz_ao;a_jz_tn;g_wozbag ;p_wcorpw";

pub(crate) const MICRODATA_HEADER: &str =
    "buurtcode,n_kinderen_4_12,pct_kinderbeschermingsmaatregel,pct_schuldhulp_huishoudens";

/// How many suppressed kwb cells are written as a lone `,`.
const LONE_COMMAS: usize = 2;

/// StatLine "CSV met statistische symbolen": BOM, CRLF, `;`, all quoted,
/// codes padded to 10, numbers padded to 8.
pub(crate) fn write_statline(path: &Path, rows: &[Row]) -> Result<()> {
    write_statline_year(path, rows, "2024")
}

/// The same export for another period (the follow-up year).
pub(crate) fn write_statline_year(path: &Path, rows: &[Row], year: &str) -> Result<()> {
    let mut w = create(path)?;
    w.write_all("\u{feff}".as_bytes())?;
    write_quoted(&mut w, STATLINE_HEADER.iter().map(|h| h.to_string()))?;
    for r in rows {
        let head = [
            year.to_string(),
            r.name.clone(),
            r.gemeente_name.clone(),
            r.level.label().to_string(),
            format!("{:<10}", r.code),
        ];
        let values = [
            r.inhabitants,
            r.age_0_15,
            r.divorced,
            r.households,
            r.hh_kids,
            r.woz,
            r.social_rent,
            r.low_income,
            r.bijstand,
            r.youth_care_pct,
            r.wmo,
            r.school_km,
            r.schools_3km,
        ];
        write_quoted(
            &mut w,
            head.into_iter()
                .chain(values.into_iter().map(statline_value)),
        )?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn write_quoted(w: &mut impl Write, fields: impl Iterator<Item = String>) -> std::io::Result<()> {
    let line: Vec<String> = fields
        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
        .collect();
    write!(w, "{}\r\n", line.join(";"))
}

fn statline_value(v: Val) -> String {
    match v {
        Val::Num(x, d) => format!("{:>8}", format!("{x:.d$}")),
        Val::Secret => format!("{:>8}", "."),
        Val::Empty => String::new(),
    }
}

/// kwb-style: `;`, LF, no quotes, unpadded codes, a decimal comma in
/// p_hh_osm but points elsewhere, and three spellings of "missing".
pub(crate) fn write_kwb(path: &Path, rows: &[Row]) -> Result<()> {
    write_kwb_flagged(path, rows, &[])
}

/// The kwb file with `ind_wbi` = 2 (boundary change) for the `changed`
/// codes and 1 elsewhere.
pub(crate) fn write_kwb_flagged(path: &Path, rows: &[Row], changed: &[&str]) -> Result<()> {
    let mut w = create(path)?;
    writeln!(w, "{KWB_HEADER}")?;
    for fields in kwb_fields(rows, changed) {
        writeln!(w, "{}", fields.join(";"))?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// The kwb cells as text, one vector per region; the CSV and the xlsx
/// hold the same cells.
/// `ind_wbi` = 2 (boundary change) for the `changed` codes, 1 elsewhere.
pub(crate) fn kwb_fields(rows: &[Row], changed: &[&str]) -> Vec<Vec<String>> {
    let mut lone_commas = 0;
    rows.iter()
        .map(|r| {
            let mut social_minimum = kwb_value(r.social_minimum, ',');
            if r.level == Level::Buurt
                && r.social_minimum == Val::Secret
                && lone_commas < LONE_COMMAS
            {
                social_minimum = ",".to_string();
                lone_commas += 1;
            }
            vec![
                r.code.clone(),
                r.name.clone(),
                r.gemeente_name.clone(),
                r.level.label().to_string(),
                if changed.contains(&r.code.as_str()) {
                    "2"
                } else {
                    "1"
                }
                .to_string(),
                kwb_value(r.kwb_inhabitants, '.'),
                kwb_value(r.low_education, '.'),
                social_minimum,
                kwb_value(r.disability_benefit, '.'),
                kwb_value(r.youth_care_count, '.'),
                kwb_value(r.woz, '.'),
                kwb_value(r.social_rent, '.'),
            ]
        })
        .collect()
}

fn kwb_value(v: Val, decimal_mark: char) -> String {
    match v {
        Val::Num(x, d) => format!("{x:.d$}").replace('.', &decimal_mark.to_string()),
        Val::Secret => "       .".to_string(),
        Val::Empty => String::new(),
    }
}

/// A remote-access aggregate: plain comma-separated, current buurt codes
/// only, raw (unsuppressed) cells with their unit counts.
pub(crate) fn write_microdata(path: &Path, layout: &Layout, truths: &[Truth]) -> Result<()> {
    let mut w = create(path)?;
    writeln!(w, "{MICRODATA_HEADER}")?;
    for (buurt, t) in layout.buurten.iter().zip(truths) {
        if !buurt.kind.on_map() || buurt.kind == Kind::Lake {
            continue;
        }
        let n = t.kids_4_12;
        let pct = |k: f64| {
            if n > 0.0 {
                format!("{:.1}", 100.0 * k / n)
            } else {
                String::new()
            }
        };
        writeln!(
            w,
            "{},{n:.0},{},{}",
            buurt.code,
            pct(t.child_protection),
            pct(t.debt_help)
        )?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
