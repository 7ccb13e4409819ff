//! DUO address lists without coordinates ("Alle vestigingen
//! basisonderwijs": `POSTCODE`, `HUISNUMMER-TOEVOEGING`, `STRAATNAAM`),
//! placed in buurten through the CBS postcode + house number table. Every
//! school whose address is not in the table stays in the list, unplaced,
//! with its name and address, so the load report shows each one.

use super::csv::{field, find_col, Columns};
use super::postcode::{house_number, postcode, read_table, Address};
use super::SchoolOptions;
use super::{counted_kinds, is_primary, no_kind_column, Location, Origin, RawSchool, SchoolFile};
use crate::domain::report::Issue;
use crate::io::error::LoadError;
use crate::io::table::Row;
use crate::said;
use std::path::Path;

pub(super) fn read_duo(
    file: &str,
    header: &[String],
    cols: &Columns,
    data: &[&Row],
    opts: &SchoolOptions,
    table: &Path,
    mut warnings: Vec<Issue>,
) -> Result<SchoolFile, LoadError> {
    let pc = find_col(header, &["postcode", "pc6"]);
    let nr = find_col(
        header,
        &["huisnummer-toevoeging", "huisnummer", "huisnr", "nummer"],
    );
    let (Some(pc), Some(nr)) = (pc, nr) else {
        return Err(LoadError::Format {
            file: file.to_string(),
            message: said!(
                "--postcode-table heeft een kolom met de postcode en een met het huisnummer nodig (POSTCODE, HUISNUMMER-TOEVOEGING) in de scholenlijst; aanwezige kolommen: {}",
                "--postcode-table needs a postcode and a house-number column (POSTCODE, HUISNUMMER-TOEVOEGING) in the school list; columns are: {}",
                header.join(", ")
            ),
        });
    };
    let street = find_col(header, &["straatnaam", "straat"]);
    let address = |r: &Row| -> Option<Address> {
        let p = postcode(r.fields.get(pc)?.as_bytes())?;
        Some((p, house_number(r.fields.get(nr)?.as_bytes())?))
    };
    let needed: Vec<Address> = data.iter().filter_map(|r| address(r)).collect();
    let lookup = read_table(table, &needed)?;
    let table_name = table.display().to_string();
    for (line, value) in &lookup.bad_codes {
        warnings.push(Issue::line(
            &table_name,
            *line,
            said!(
                "buurtcode {value:?} is geen buurtcode: dat adres blijft ongeplaatst",
                "buurt code {value:?} is not a buurt code: that address stays unplaced"
            ),
        ));
    }
    let mut schools = Vec::with_capacity(data.len());
    for r in data {
        let kind = field(r, cols.kind);
        let written = format!(
            "{} {}, {} {}",
            field(r, street),
            field(r, Some(nr)),
            field(r, Some(pc)),
            field(r, cols.place)
        );
        let location = match address(r) {
            Some(a) => match lookup.found.get(&a) {
                Some(code) => Location::Code(code.clone()),
                None => Location::Unplaced(said!(
                    "adres {written}: postcode + huisnummer niet in {table_name}",
                    "address {written}: postcode + house number not in {table_name}"
                )),
            },
            None => Location::Unplaced(said!(
                "adres {written}: geen postcode en huisnummer",
                "address {written}: not a postcode and house number"
            )),
        };
        schools.push(RawSchool {
            primary: cols.kind.is_none() || is_primary(&kind, opts),
            name: field(r, cols.name),
            kind,
            place: field(r, cols.place),
            gemeente: field(r, cols.gemeente),
            location,
            origin: Origin::Line(r.line),
        });
    }
    if cols.kind.is_none() {
        warnings.push(no_kind_column(file, opts));
    }
    Ok(SchoolFile {
        file: file.to_string(),
        format: said!(
            "DUO + postcodetabel ({table_name}, {} regels gelezen)",
            "DUO + postcode table ({table_name}, {} rows read)",
            lookup.rows
        ),
        schools,
        crs: None,
        kinds_counted: counted_kinds(cols.kind.is_some(), opts),
        warnings,
    })
}
