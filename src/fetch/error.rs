//! What can go wrong while fetching, each with the URL and, for a failed
//! download, the public page to get the file by hand. The words live in
//! the i18n catalogue; `Display` gives the English form for logs and
//! error chains, [`FetchError::text`] the form in the user's language.

use crate::i18n::{Lang, Msg};
use std::fmt;
use std::path::PathBuf;

/// Which public service a URL belongs to, for the hand-download advice.
#[derive(Debug, Clone)]
pub enum Service {
    Cbs { table: String },
    Pdok { year: u16 },
    Duo,
}

impl Service {
    /// The public page where a person gets the same file by hand.
    pub fn hand_page(&self) -> String {
        match self {
            Service::Cbs { table } => {
                format!("https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}/table")
            }
            Service::Pdok { year } => format!(
                "https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data/wijk-en-buurtkaart-{year}"
            ),
            Service::Duo => "https://www.duo.nl/open_onderwijsdata/databestanden/po/adressen/".into(),
        }
    }
}

/// How an answer differs from what the service documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    NotJson(String),
    MissingMember(String),
    UnknownColumn(String),
    NoRegionDimension,
    NotFeatureCollection(String),
    NoRows(String),
    NoColumn { wanted: String, found: String },
    PageLoop,
    NotText,
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::NotJson(e) => Msg::FetchNotJson.fill(lang, &[e]),
            Problem::MissingMember(m) => Msg::FetchMissingMember.fill(lang, &[m]),
            Problem::UnknownColumn(k) => Msg::FetchUnknownColumn.fill(lang, &[k]),
            Problem::NoRegionDimension => Msg::FetchNoRegionDimension.text(lang).into(),
            Problem::NotFeatureCollection(t) => Msg::FetchNotFeatureCollection.fill(lang, &[t]),
            Problem::NoRows(g) => Msg::FetchNoRows.fill(lang, &[g]),
            Problem::NoColumn { wanted, found } => Msg::FetchNoColumn.fill(lang, &[wanted, found]),
            Problem::PageLoop => Msg::FetchPageLoop.text(lang).into(),
            Problem::NotText => Msg::FetchNotText.text(lang).into(),
        }
    }
}

#[derive(Debug)]
pub enum FetchError {
    /// The server answered with an error status.
    Http {
        url: String,
        status: u16,
        reason: String,
        hand: String,
    },
    /// No answer: offline, refused, unknown host, timeout.
    Network {
        url: String,
        reason: String,
        hand: String,
    },
    /// An answer, but not in the documented form.
    Answer {
        url: String,
        problem: Problem,
    },
    UnknownYear {
        year: u16,
        known: String,
    },
    BadGemeente {
        given: String,
    },
    UnknownGemeente {
        given: String,
        url: String,
        suggestions: String,
    },
    Write {
        path: PathBuf,
        cause: String,
    },
}

impl FetchError {
    pub fn answer(url: &str, problem: Problem) -> FetchError {
        FetchError::Answer {
            url: url.to_string(),
            problem,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            FetchError::Http {
                url,
                status,
                reason,
                hand,
            } => Msg::FetchHttp.fill(lang, &[url, status, reason, hand]),
            FetchError::Network { url, reason, hand } => {
                Msg::FetchNetwork.fill(lang, &[url, reason, hand])
            }
            FetchError::Answer { url, problem } => {
                Msg::FetchAnswer.fill(lang, &[url, &problem.text(lang)])
            }
            FetchError::UnknownYear { year, known } => {
                Msg::FetchUnknownYear.fill(lang, &[year, known])
            }
            FetchError::BadGemeente { given } => Msg::FetchBadGemeente.fill(lang, &[given]),
            FetchError::UnknownGemeente {
                given,
                url,
                suggestions,
            } => Msg::FetchUnknownGemeente.fill(lang, &[given, url, suggestions]),
            FetchError::Write { path, cause } => {
                Msg::FetchWrite.fill(lang, &[&path.display(), cause])
            }
        }
    }
}

impl crate::i18n::Bilingual for FetchError {
    fn text(&self, lang: Lang) -> String {
        FetchError::text(self, lang)
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for FetchError {}
