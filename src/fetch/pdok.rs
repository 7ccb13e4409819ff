//! Buurt boundaries from PDOK's OGC API Features service for the CBS
//! wijk- en buurtkaart: collection `buurten`, filtered on `gemeentecode`,
//! paged through the `next` link. The features are written as one GeoJSON
//! FeatureCollection in WGS84 (the service's default CRS84), which
//! `--boundaries` reads as it comes.

use super::error::{FetchError, Problem, Service};
use super::gemeente::Gemeente;
use super::http::{encode, Client};
use super::odata::parse_object;
use serde_json::{json, Value as Json};
use std::collections::HashSet;

/// The largest page PDOK serves.
const PAGE: usize = 1000;

pub fn default_base(year: u16) -> String {
    format!("https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1")
}

pub struct PdokResult {
    pub geojson: Vec<u8>,
    pub urls: Vec<String>,
    pub features: usize,
}

pub fn fetch_buurten(
    client: &Client,
    base: &str,
    year: u16,
    g: &Gemeente,
    mut on_page: impl FnMut(usize, usize),
) -> Result<PdokResult, FetchError> {
    let service = Service::Pdok { year };
    let first = format!(
        "{}/collections/buurten/items?f=json&gemeentecode={}&limit={PAGE}",
        base.trim_end_matches('/'),
        encode(&g.code)
    );
    let mut features = Vec::new();
    let mut urls = Vec::new();
    let mut seen = HashSet::new();
    let mut next = Some(first);
    while let Some(url) = next.take() {
        if !seen.insert(url.clone()) {
            return Err(FetchError::answer(&url, Problem::PageLoop));
        }
        let body = client.get(&url, &service)?;
        urls.push(url.clone());
        let (page, link) = parse_page(&url, &body)?;
        for f in page {
            // A server that ignores the filter still gives only this
            // gemeente's buurten.
            let code = f
                .pointer("/properties/gemeentecode")
                .and_then(Json::as_str)
                .map(str::trim);
            if code.is_none_or(|c| c == g.code) {
                features.push(f);
            }
        }
        on_page(seen.len(), features.len());
        next = link;
    }
    if features.is_empty() {
        return Err(FetchError::answer(
            urls.first().map(String::as_str).unwrap_or_default(),
            Problem::NoRows(g.code.clone()),
        ));
    }
    let n = features.len();
    let fc = json!({ "type": "FeatureCollection", "features": features });
    let geojson = serde_json::to_vec(&fc).map_err(|e| {
        FetchError::answer(
            urls.first().map(String::as_str).unwrap_or_default(),
            Problem::NotJson(e.to_string()),
        )
    })?;
    Ok(PdokResult {
        geojson,
        urls,
        features: n,
    })
}

/// One page of an OGC API Features answer: its features and the `next`
/// link.
pub fn parse_page(url: &str, body: &[u8]) -> Result<(Vec<Json>, Option<String>), FetchError> {
    let doc = parse_object(url, body)?;
    match doc.get("type").and_then(Json::as_str) {
        Some("FeatureCollection") => {}
        other => {
            return Err(FetchError::answer(
                url,
                Problem::NotFeatureCollection(other.unwrap_or("-").to_string()),
            ))
        }
    }
    let Some(Json::Array(page)) = doc.get("features") else {
        return Err(FetchError::answer(
            url,
            Problem::MissingMember("features".into()),
        ));
    };
    Ok((page.clone(), next_link(&doc, url)?))
}

/// The `href` of the link with `rel` = `next`, if any.
fn next_link(doc: &serde_json::Map<String, Json>, url: &str) -> Result<Option<String>, FetchError> {
    let Some(links) = doc.get("links") else {
        return Ok(None);
    };
    let Json::Array(links) = links else {
        return Err(FetchError::answer(
            url,
            Problem::MissingMember("links [ ]".into()),
        ));
    };
    for l in links {
        if l.get("rel").and_then(Json::as_str) == Some("next") {
            return match l.get("href").and_then(Json::as_str) {
                Some(h) => Ok(Some(h.to_string())),
                None => Err(FetchError::answer(
                    url,
                    Problem::MissingMember("links[rel=next].href".into()),
                )),
            };
        }
    }
    Ok(None)
}
