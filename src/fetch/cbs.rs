//! KWB figures from CBS open data (OData v3): the table's metadata, the
//! gemeente's rows of `TypedDataSet`, written as the StatLine CSV download
//! ("CSV met statistische symbolen") that `--indicators` reads. Columns are
//! found through `DataProperties` (key -> title), never by position: the
//! keys' numeric suffix changes every year.

use super::error::{FetchError, Problem, Service};
use super::gemeente::{Gemeente, GemeenteArg};
use super::http::{encode, Client};
use super::odata::{csv_title, get_all, get_object, properties, Property};
use crate::domain::registry::normalise_name;
use serde_json::{Map, Value as Json};
use std::collections::HashMap;

/// StatLine table ids of "Kerncijfers wijken en buurten" per year.
pub const KWB_TABLES: &[(u16, &str)] = &[
    (2020, "84799NED"),
    (2021, "85039NED"),
    (2022, "85318NED"),
    (2023, "85618NED"),
    (2024, "85984NED"),
    (2025, "86165NED"),
];

pub const DEFAULT_BASE: &str = "https://opendata.cbs.nl/ODataApi/odata";

pub fn table_for(year: u16) -> Result<&'static str, FetchError> {
    KWB_TABLES
        .iter()
        .find(|(y, _)| *y == year)
        .map(|(_, t)| *t)
        .ok_or_else(|| FetchError::UnknownYear {
            year,
            known: KWB_TABLES
                .iter()
                .map(|(y, t)| format!("{y} {t}"))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

pub struct CbsResult {
    pub gemeente: Gemeente,
    pub table_title: String,
    pub csv: Vec<u8>,
    pub urls: Vec<String>,
    pub rows: usize,
}

pub struct Cbs<'a> {
    pub client: &'a Client,
    pub base: String,
    pub table: String,
}

impl Cbs<'_> {
    fn service(&self) -> Service {
        Service::Cbs {
            table: self.table.clone(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{}/{path}", self.base.trim_end_matches('/'), self.table)
    }

    pub fn fetch(
        &self,
        which: &GemeenteArg,
        mut on_page: impl FnMut(usize, usize),
    ) -> Result<CbsResult, FetchError> {
        let service = self.service();
        let mut urls = Vec::new();
        let info_url = self.url("TableInfos");
        let info = get_all(self.client, &info_url, &service, &mut urls, |_, _| {})?;
        let table_title = info
            .first()
            .and_then(|i| i.get("Title"))
            .and_then(Json::as_str)
            .map(|s| s.trim().to_string())
            .ok_or_else(|| {
                FetchError::answer(&info_url, Problem::MissingMember("value[0].Title".into()))
            })?;
        let props_url = self.url("DataProperties");
        let raw = get_all(self.client, &props_url, &service, &mut urls, |_, _| {})?;
        let props = properties(&props_url, &raw)?;
        let geo = props
            .iter()
            .find(|p| p.kind == "GeoDimension")
            .ok_or_else(|| FetchError::answer(&props_url, Problem::NoRegionDimension))?
            .key
            .clone();
        let gemeente = self.resolve(which, &geo, &mut urls)?;
        let filter = region_filter("Key", &gemeente);
        let names_url = self.url(&format!("{geo}?$filter={}", encode(&filter)));
        let names: HashMap<String, String> =
            get_all(self.client, &names_url, &service, &mut urls, |_, _| {})?
                .iter()
                .filter_map(|r| {
                    Some((
                        r.get("Key")?.as_str()?.trim().to_string(),
                        r.get("Title")?.as_str()?.trim().to_string(),
                    ))
                })
                .collect();
        let data_url = self.url(&format!(
            "TypedDataSet?$filter={}",
            encode(&region_filter(&geo, &gemeente))
        ));
        let data = get_all(self.client, &data_url, &service, &mut urls, &mut on_page)?;
        let rows = own_rows(&data, &geo, &gemeente, &data_url, &props)?;
        if rows.is_empty() {
            return Err(FetchError::answer(
                &data_url,
                Problem::NoRows(gemeente.code.clone()),
            ));
        }
        let csv = statline_csv(&props, &geo, &rows, &names);
        Ok(CbsResult {
            gemeente,
            table_title,
            csv,
            urls,
            rows: rows.len(),
        })
    }

    /// A code is taken as given (its name comes from the region list); a
    /// name is looked up among the table's gemeenten.
    fn resolve(
        &self,
        which: &GemeenteArg,
        geo: &str,
        urls: &mut Vec<String>,
    ) -> Result<Gemeente, FetchError> {
        let filter = match which {
            // Keys are padded to ten characters (`GM0855    `): not `eq`.
            GemeenteArg::Code(c) => format!("startswith(Key,'{c}')"),
            GemeenteArg::Name(_) => "startswith(Key,'GM')".to_string(),
        };
        let url = self.url(&format!("{geo}?$filter={}", encode(&filter)));
        let doc = get_object(self.client, &url, &self.service())?;
        urls.push(url.clone());
        let Some(Json::Array(list)) = doc.get("value") else {
            return Err(FetchError::answer(
                &url,
                Problem::MissingMember("value".into()),
            ));
        };
        let gemeenten: Vec<Gemeente> = list
            .iter()
            .filter_map(|r| {
                let code = r.get("Key")?.as_str()?.trim();
                code.starts_with("GM").then(|| Gemeente {
                    code: code.to_string(),
                    name: r
                        .get("Title")
                        .and_then(Json::as_str)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                })
            })
            .collect();
        let (given, found) = match which {
            GemeenteArg::Code(c) => (c, gemeenten.iter().find(|g| &g.code == c)),
            GemeenteArg::Name(n) => (n, gemeenten.iter().find(|g| g.name.eq_ignore_ascii_case(n))),
        };
        if let Some(g) = found {
            return Ok(g.clone());
        }
        let mut near: Vec<(f64, &Gemeente)> = gemeenten
            .iter()
            .map(|g| {
                (
                    strsim::jaro_winkler(&g.name.to_lowercase(), &given.to_lowercase()),
                    g,
                )
            })
            .filter(|(s, _)| *s > 0.8)
            .collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0));
        Err(FetchError::UnknownGemeente {
            given: given.clone(),
            url,
            suggestions: near
                .iter()
                .take(3)
                .map(|(_, g)| format!("{} ({})", g.name, g.code))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }
}

/// `startswith(K,'GM0855') or startswith(K,'WK0855') or startswith(K,'BU0855')`.
fn region_filter(key: &str, g: &Gemeente) -> String {
    let digits = &g.code[2..];
    ["GM", "WK", "BU"]
        .iter()
        .map(|l| format!("startswith({key},'{l}{digits}')"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The gemeente's rows, every key checked against `DataProperties`. A
/// server that ignores the filter (a mirror, an old proxy) still gives only
/// this gemeente's regions.
fn own_rows<'a>(
    data: &'a [Map<String, Json>],
    geo: &str,
    g: &Gemeente,
    url: &str,
    props: &[Property],
) -> Result<Vec<&'a Map<String, Json>>, FetchError> {
    let mut out = Vec::new();
    for (i, row) in data.iter().enumerate() {
        if let Some(k) = row
            .keys()
            .find(|k| k.as_str() != "ID" && !props.iter().any(|p| p.key == **k))
        {
            return Err(FetchError::answer(url, Problem::UnknownColumn(k.clone())));
        }
        let code = row.get(geo).and_then(Json::as_str).ok_or_else(|| {
            FetchError::answer(url, Problem::MissingMember(format!("value[{i}].{geo}")))
        })?;
        if g.owns(code) {
            out.push(row);
        }
    }
    Ok(out)
}

/// The StatLine CSV download: UTF-8 with BOM, `;`, every field quoted,
/// CRLF; `.` for a value CBS does not give (OData `null`).
fn statline_csv(
    props: &[Property],
    geo: &str,
    rows: &[&Map<String, Json>],
    names: &HashMap<String, String>,
) -> Vec<u8> {
    let columns: Vec<&Property> = props.iter().filter(|p| p.kind != "TopicGroup").collect();
    // KWB tables carry the code as a topic ("Regioaanduiding/Codering");
    // where one does not, the region key is the code column.
    let has_code = columns
        .iter()
        .any(|p| p.kind == "Topic" && normalise_name(&p.title) == "codering");
    let mut header: Vec<String> = Vec::new();
    for p in &columns {
        header.push(if p.kind == "Topic" {
            csv_title(p, props)
        } else {
            p.title.clone()
        });
    }
    if !has_code {
        header.push("Regiocode (gemeente, wijk, buurt) (code)".into());
    }
    let mut out = vec![0xEF, 0xBB, 0xBF];
    push_line(&mut out, &header);
    for r in rows {
        let mut line = Vec::with_capacity(header.len());
        for p in &columns {
            let v = r.get(&p.key).unwrap_or(&Json::Null);
            line.push(if p.key == geo {
                let code = v.as_str().unwrap_or_default().trim();
                names.get(code).cloned().unwrap_or_else(|| code.to_string())
            } else {
                cell(v)
            });
        }
        if !has_code {
            line.push(cell(r.get(geo).unwrap_or(&Json::Null)));
        }
        push_line(&mut out, &line);
    }
    out
}

fn cell(v: &Json) -> String {
    match v {
        Json::Null => ".".into(),
        Json::String(s) => s.trim().to_string(),
        other => other.to_string(),
    }
}

fn push_line(out: &mut Vec<u8>, fields: &[String]) {
    let line: Vec<String> = fields
        .iter()
        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
        .collect();
    out.extend_from_slice(line.join(";").as_bytes());
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_has_its_own_table_and_others_say_which_exist() {
        assert_eq!(table_for(2024).unwrap(), "85984NED");
        let e = table_for(2019).unwrap_err().to_string();
        assert!(e.contains("2019") && e.contains("2024 85984NED"), "{e}");
    }

    #[test]
    fn filter_takes_the_three_levels() {
        let g = Gemeente {
            code: "GM0785".into(),
            name: "Goirle".into(),
        };
        assert_eq!(
            region_filter("WijkenEnBuurten", &g),
            "startswith(WijkenEnBuurten,'GM0785') or startswith(WijkenEnBuurten,'WK0785') or startswith(WijkenEnBuurten,'BU0785')"
        );
    }
}
