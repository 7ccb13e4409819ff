//! The app's own things (panes, table columns, key contexts) by their
//! names in the string catalogue.

use super::action::{Column, Pane};
use super::keymap::Ctx;
use crate::i18n::{Lang, Msg};

pub fn pane(p: Pane) -> Msg {
    match p {
        Pane::Table => Msg::PaneTable,
        Pane::Map => Msg::PaneMap,
        Pane::Detail => Msg::PaneDetail,
        Pane::Weights => Msg::PaneWeights,
        Pane::Team => Msg::PaneTeam,
    }
}

pub fn context(c: Ctx) -> Msg {
    match c {
        Ctx::Global => Msg::ContextGlobal,
        Ctx::Table => Msg::ContextTable,
        Ctx::Map => Msg::ContextMap,
        Ctx::Browse => Msg::ContextBrowse,
        Ctx::Weights => Msg::ContextWeights,
        Ctx::Search => Msg::ContextSearch,
        Ctx::Help => Msg::ContextHelp,
        Ctx::Confirm => Msg::ContextConfirm,
        Ctx::Warnings => Msg::ContextWarnings,
        Ctx::Columns => Msg::ContextColumns,
        Ctx::Export => Msg::ContextExport,
        Ctx::Histogram => Msg::ContextHistogram,
        Ctx::Correlations => Msg::ContextCorrelations,
        Ctx::Effect => Msg::ContextEffect,
        Ctx::Compare => Msg::ContextCompare,
    }
}

/// Column header; symbols and codes are the same in both languages.
pub fn column(c: Column, top_k: usize, lang: Lang) -> String {
    match c {
        Column::Mark => " ".into(),
        Column::Rank => "#".into(),
        Column::Delta => "Δ".into(),
        Column::Code => "code".into(),
        Column::Name => Msg::ColumnName.text(lang).into(),
        Column::Gemeente => "gemeente".into(),
        Column::Score => "score".into(),
        Column::Interval => "5-95%".into(),
        Column::PTop => format!("P(t{top_k})"),
        Column::Schools => Msg::ColumnSchools.text(lang).into(),
        Column::Inhabitants => Msg::ColumnInhabitants.text(lang).into(),
        Column::Children => "0-15".into(),
        // The table names these after the indicator (it needs the data).
        Column::Indicator(j) => format!("#{j}"),
    }
}
