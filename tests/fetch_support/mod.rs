//! The local stand-in for CBS, PDOK and DUO used by `tests/fetch.rs`.

#![allow(dead_code)]

pub mod fixtures;
pub mod server;

use server::Reply;
use std::collections::HashMap;

pub const TABLE: &str = "85318NED";

/// DUO's national list "alle vestigingen basisonderwijs" as published
/// (`;`, CRLF, Windows-1252; columns as on
/// https://www.duo.nl/open_onderwijsdata/databestanden/po/adressen/):
/// the Goirle schools of the repository's DUO fixture and the Tilburg ones
/// of another, so the fetch has to cut the list to its gemeente.
pub fn duo_national() -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = std::fs::read(dir.join("duo_goirle_cp1252.csv")).unwrap();
    let tilburg = std::fs::read(dir.join("duo_basisonderwijs_cp1252.csv")).unwrap();
    let body_start = tilburg.iter().position(|b| *b == b'\n').unwrap() + 1;
    if !out.ends_with(b"\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(&tilburg[body_start..]);
    out
}

/// Every route of a complete, successful fetch of GM0785 for 2022.
pub fn routes(base: &str) -> HashMap<String, Reply> {
    let j = |s: &str| Reply::json(s.replace("{BASE}", base));
    let t = |p: &str| format!("/odata/{TABLE}/{p}");
    let items = "/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000";
    let mut r = HashMap::new();
    r.insert(t("TableInfos"), j(fixtures::TABLE_INFOS));
    r.insert(t("DataProperties"), j(fixtures::DATA_PROPERTIES));
    r.insert(
        t("WijkenEnBuurten?$filter=startswith(Key,'GM0785')"),
        j(fixtures::GEMEENTE_GM0785),
    );
    r.insert(
        t("WijkenEnBuurten?$filter=startswith(Key,'GM')"),
        j(fixtures::GEMEENTEN),
    );
    r.insert(
        t("WijkenEnBuurten?$filter=startswith(Key,'GM0785') or startswith(Key,'WK0785') or startswith(Key,'BU0785')"),
        j(fixtures::REGIONS),
    );
    r.insert(
        t(&format!("TypedDataSet?$filter={}", fixtures::REGION_FILTER)),
        j(fixtures::TYPED_PAGE_1),
    );
    r.insert(
        t(&format!(
            "TypedDataSet?$filter={}&$skip=3",
            fixtures::REGION_FILTER
        )),
        j(fixtures::TYPED_PAGE_2),
    );
    r.insert(items.to_string(), j(fixtures::PDOK_PAGE_1));
    r.insert(format!("{items}&cursor=Dv4|NrBx"), j(fixtures::PDOK_PAGE_2));
    r.insert(
        "/duo/03.-alle-vestigingen-basisonderwijs.csv".into(),
        Reply {
            status: 200,
            content_type: "text/csv",
            body: duo_national(),
        },
    );
    r
}
