//! `buurtradar fetch`: download a gemeente's KWB figures, buurt boundaries
//! and DUO school list into a folder, with `fetch.toml` as provenance.

use super::write_stdout;
use crate::fetch::http::Timeouts;
use crate::fetch::{cbs, duo, fetch, FetchOptions, Step};
use crate::i18n::{Lang, Msg};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// The gemeente: CBS code (GM0855, 0855) or name (Tilburg).
    #[arg(long, value_name = "NAME|CODE")]
    pub gemeente: String,
    /// The KWB year (table per year built in; see --cbs-table).
    #[arg(long, value_name = "YYYY")]
    pub year: u16,
    /// Folder to write into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Base URL of CBS open data (OData v3); the table id is appended.
    #[arg(long, value_name = "URL", default_value = cbs::DEFAULT_BASE)]
    pub cbs_url: String,
    /// StatLine table id instead of the year's KWB table (e.g. 85984NED).
    #[arg(long, value_name = "ID")]
    pub cbs_table: Option<String>,
    /// Base URL of the PDOK OGC API for CBS wijken en buurten, up to
    /// `/collections` (default: the year's service,
    /// https://api.pdok.nl/cbs/wijken-en-buurten-YYYY/ogc/v1).
    #[arg(long, value_name = "URL")]
    pub pdok_url: Option<String>,
    /// URL of DUO's CSV "alle vestigingen basisonderwijs".
    #[arg(long, value_name = "URL", default_value = duo::DEFAULT_URL)]
    pub duo_url: String,
    /// Seconds to wait for an answer, and for each read of it.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Seconds to wait for a connection.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub connect_timeout: u64,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

pub fn run(a: FetchArgs) -> anyhow::Result<()> {
    let lang = a.lang;
    let opts = FetchOptions {
        gemeente: a.gemeente.clone(),
        year: a.year,
        out: a.out.clone(),
        cbs_url: a.cbs_url.clone(),
        cbs_table: a.cbs_table.clone(),
        pdok_url: a.pdok_url.clone(),
        duo_url: a.duo_url.clone(),
        timeouts: Timeouts {
            connect: Duration::from_secs(a.connect_timeout.max(1)),
            read: Duration::from_secs(a.timeout.max(1)),
        },
    };
    // indicatif draws only on a terminal: piped stderr stays clean.
    let bar = ProgressBar::with_draw_target(Some(4), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{pos}/{len}] {wide_msg} {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    let mut report = |step: Step, page: usize, records: usize| {
        bar.set_position(step.number() - 1);
        let name = step_name(step).text(lang);
        bar.set_message(if page == 0 {
            name.to_string()
        } else {
            Msg::FetchProgress.fill(lang, &[&name, &page, &records])
        });
    };
    let result = fetch(&opts, &mut report);
    bar.finish_and_clear();
    let m = result.map_err(|e| anyhow::anyhow!(e.text(lang)))?;
    let dir = a.out.display().to_string();
    let mut out = Msg::FetchDone.fill(lang, &[&m.gemeente_name, &m.gemeente, &m.year, &dir]);
    out.push('\n');
    for (_, e) in m.entries() {
        out.push_str(&Msg::FetchFileLine.fill(lang, &[&e.file, &e.source, &e.records]));
        out.push('\n');
    }
    out.push_str(&Msg::FetchNext.fill(lang, &[&dir]));
    out.push('\n');
    write_stdout(&out)
}

fn step_name(s: Step) -> Msg {
    match s {
        Step::Cbs => Msg::FetchStepCbs,
        Step::Pdok => Msg::FetchStepPdok,
        Step::Duo => Msg::FetchStepDuo,
        Step::Write => Msg::FetchStepWrite,
    }
}
