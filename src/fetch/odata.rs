//! CBS OData v3 answers: JSON objects with a `value` array, paged with
//! `odata.nextLink`, and the table's `DataProperties`, which give every
//! column key its title, unit and theme (`ParentID`).

use super::error::{FetchError, Problem, Service};
use super::http::Client;
use serde_json::{Map, Value as Json};
use std::collections::HashSet;

/// Every page of a collection: the rows and the URLs read, in order.
pub fn get_all(
    client: &Client,
    first: &str,
    service: &Service,
    urls: &mut Vec<String>,
    mut on_page: impl FnMut(usize, usize),
) -> Result<Vec<Map<String, Json>>, FetchError> {
    let mut rows = Vec::new();
    let mut next = Some(first.to_string());
    let mut seen = HashSet::new();
    while let Some(url) = next.take() {
        if !seen.insert(url.clone()) {
            return Err(FetchError::answer(&url, Problem::PageLoop));
        }
        let body = client.get(&url, service)?;
        urls.push(url.clone());
        let (page, link) = parse_page(&url, &body)?;
        rows.extend(page);
        on_page(seen.len(), rows.len());
        next = link;
    }
    Ok(rows)
}

/// One row of an OData collection: column key -> value.
pub type Row = Map<String, Json>;

/// One page of an OData collection: its rows and the `odata.nextLink`.
pub fn parse_page(url: &str, body: &[u8]) -> Result<(Vec<Row>, Option<String>), FetchError> {
    let doc = parse_object(url, body)?;
    let Some(Json::Array(value)) = doc.get("value") else {
        return Err(FetchError::answer(
            url,
            Problem::MissingMember("value".into()),
        ));
    };
    let mut rows = Vec::with_capacity(value.len());
    for (i, v) in value.iter().enumerate() {
        match v {
            Json::Object(o) => rows.push(o.clone()),
            _ => {
                return Err(FetchError::answer(
                    url,
                    Problem::MissingMember(format!("value[{i}] {{…}}")),
                ))
            }
        }
    }
    let next = match doc.get("odata.nextLink") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(FetchError::answer(
                url,
                Problem::MissingMember("odata.nextLink (text)".into()),
            ))
        }
    };
    Ok((rows, next))
}

/// One JSON object, or an error naming the URL and what it was instead.
pub fn get_object(
    client: &Client,
    url: &str,
    service: &Service,
) -> Result<Map<String, Json>, FetchError> {
    let body = client.get(url, service)?;
    parse_object(url, &body)
}

pub fn parse_object(url: &str, body: &[u8]) -> Result<Map<String, Json>, FetchError> {
    match serde_json::from_slice::<Json>(body) {
        Ok(Json::Object(o)) => Ok(o),
        Ok(_) => Err(FetchError::answer(
            url,
            Problem::NotJson("not an object".into()),
        )),
        Err(e) => Err(FetchError::answer(url, Problem::NotJson(e.to_string()))),
    }
}

/// One entry of `DataProperties`.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub id: i64,
    pub parent: Option<i64>,
    /// `Dimension`, `GeoDimension`, `TopicGroup`, `Topic`, ...
    pub kind: String,
    pub key: String,
    pub title: String,
    pub unit: Option<String>,
}

pub fn properties(url: &str, rows: &[Map<String, Json>]) -> Result<Vec<Property>, FetchError> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let text = |m: &str| -> Result<String, FetchError> {
                r.get(m)
                    .and_then(Json::as_str)
                    .map(|s| s.trim().to_string())
                    .ok_or_else(|| {
                        FetchError::answer(url, Problem::MissingMember(format!("value[{i}].{m}")))
                    })
            };
            let kind = text("Type")?;
            // A group has no key of its own in the data; a column must.
            let key = match kind.as_str() {
                "TopicGroup" => r
                    .get("Key")
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_string(),
                _ => text("Key")?,
            };
            Ok(Property {
                id: r.get("ID").and_then(Json::as_i64).ok_or_else(|| {
                    FetchError::answer(url, Problem::MissingMember(format!("value[{i}].ID")))
                })?,
                parent: r.get("ParentID").and_then(Json::as_i64),
                kind,
                key,
                title: text("Title")?,
                unit: r
                    .get("Unit")
                    .and_then(Json::as_str)
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            })
        })
        .collect()
}

/// The column title StatLine's CSV download writes: the themes above the
/// topic joined with `/`, then the unit in parentheses.
pub fn csv_title(p: &Property, all: &[Property]) -> String {
    let mut path = vec![p.title.clone()];
    let mut parent = p.parent;
    // Bounded: a cycle in ParentID must not hang the fetch.
    for _ in 0..all.len() {
        let Some(id) = parent else { break };
        let Some(g) = all.iter().find(|q| q.id == id) else {
            break;
        };
        path.push(g.title.clone());
        parent = g.parent;
    }
    path.reverse();
    let mut t = path.join("/");
    if let Some(u) = &p.unit {
        t.push_str(&format!(" ({u})"));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prop(id: i64, parent: Option<i64>, kind: &str, title: &str, unit: Option<&str>) -> Property {
        Property {
            id,
            parent,
            kind: kind.into(),
            key: format!("K{id}"),
            title: title.into(),
            unit: unit.map(str::to_string),
        }
    }

    #[test]
    fn titles_follow_the_themes_and_a_parent_cycle_ends() {
        let all = vec![
            prop(1, None, "TopicGroup", "Bevolking", None),
            prop(2, Some(1), "TopicGroup", "Leeftijdsgroepen", None),
            prop(3, Some(2), "Topic", "0 tot 15 jaar", Some("aantal")),
            prop(4, Some(5), "TopicGroup", "A", None),
            prop(5, Some(4), "TopicGroup", "B", None),
            prop(6, Some(5), "Topic", "C", None),
        ];
        assert_eq!(
            csv_title(&all[2], &all),
            "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)"
        );
        assert!(csv_title(&all[5], &all).ends_with("/C"));
    }

    #[test]
    fn a_page_without_value_or_with_a_bad_next_link_is_named() {
        let e = parse_page("u", br#"{"odata.metadata":"m"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "u: the answer is not what the API documents: \"value\" is missing or of the wrong type"
        );
        let e = parse_page("u", br#"{"value":[],"odata.nextLink":3}"#).unwrap_err();
        assert!(e.to_string().contains("odata.nextLink"), "{e}");
        let (rows, next) =
            parse_page("u", br#"{"value":[{"ID":0}],"odata.nextLink":"n"}"#).unwrap();
        assert_eq!((rows.len(), next.as_deref()), (1, Some("n")));
    }
}
