//! The names a keys file uses for contexts and actions.

use super::Ctx;
use crate::tui::action::{Action, Pane};

impl Ctx {
    pub const ALL: [(&'static str, Ctx); 15] = [
        ("global", Ctx::Global),
        ("table", Ctx::Table),
        ("map", Ctx::Map),
        ("browse", Ctx::Browse),
        ("weights", Ctx::Weights),
        ("search", Ctx::Search),
        ("help", Ctx::Help),
        ("confirm", Ctx::Confirm),
        ("warnings", Ctx::Warnings),
        ("columns", Ctx::Columns),
        ("export", Ctx::Export),
        ("histogram", Ctx::Histogram),
        ("correlations", Ctx::Correlations),
        ("effect", Ctx::Effect),
        ("compare", Ctx::Compare),
    ];

    pub fn parse(name: &str) -> Option<Ctx> {
        Ctx::ALL.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
    }

    pub fn name(self) -> &'static str {
        Ctx::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("?", |(n, _)| n)
    }
}

/// Every action a key can be bound to, by name. Actions that only the
/// loop sends (results of effects, mouse, resize, typed characters) have
/// no name.
pub fn actions() -> Vec<(&'static str, Action)> {
    use Action as A;
    vec![
        ("quit", A::Quit),
        ("help", A::ToggleHelp),
        ("next-pane", A::FocusNext),
        ("prev-pane", A::FocusPrev),
        ("focus-table", A::Focus(Pane::Table)),
        ("focus-map", A::Focus(Pane::Map)),
        ("focus-detail", A::Focus(Pane::Detail)),
        ("focus-weights", A::Focus(Pane::Weights)),
        ("focus-team", A::Focus(Pane::Team)),
        ("move-up", A::Move(-1)),
        ("move-down", A::Move(1)),
        ("page-up", A::Page(-1)),
        ("page-down", A::Page(1)),
        ("first", A::MoveFirst),
        ("last", A::MoveLast),
        ("column-left", A::ColumnLeft),
        ("column-right", A::ColumnRight),
        ("sort", A::Sort),
        ("search", A::SearchStart),
        ("search-next", A::SearchNext),
        ("search-prev", A::SearchPrev),
        ("search-confirm", A::SearchConfirm),
        ("search-cancel", A::SearchCancel),
        ("search-backspace", A::SearchBackspace),
        ("filter-gemeente", A::FilterGemeente),
        ("filter-schools-down", A::FilterSchools(-1)),
        ("filter-schools-up", A::FilterSchools(1)),
        ("filter-inhabitants-down", A::FilterInhabitants(-1)),
        ("filter-inhabitants-up", A::FilterInhabitants(1)),
        ("filter-clear", A::FilterClear),
        ("shortlist", A::ToggleShortlist),
        ("weight-up", A::WeightCursor(-1)),
        ("weight-down", A::WeightCursor(1)),
        ("weight-minus", A::WeightStep(-1.0)),
        ("weight-plus", A::WeightStep(1.0)),
        ("weight-minus-5", A::WeightStep(-5.0)),
        ("weight-plus-5", A::WeightStep(5.0)),
        ("weight-zero", A::WeightZero),
        ("weight-reset", A::WeightReset),
        ("weight-reset-all", A::WeightResetAll),
        ("flip-direction", A::FlipDirection),
        ("pan-left", A::Pan { dx: -1, dy: 0 }),
        ("pan-right", A::Pan { dx: 1, dy: 0 }),
        ("pan-up", A::Pan { dx: 0, dy: 1 }),
        ("pan-down", A::Pan { dx: 0, dy: -1 }),
        ("zoom-in", A::Zoom(1)),
        ("zoom-out", A::Zoom(-1)),
        ("zoom-reset", A::ZoomReset),
        ("toggle-schools", A::ToggleSchools),
        ("lisa", A::ToggleLisa),
        ("neighbour-west", A::Neighbour { dx: -1, dy: 0 }),
        ("neighbour-east", A::Neighbour { dx: 1, dy: 0 }),
        ("neighbour-north", A::Neighbour { dx: 0, dy: 1 }),
        ("neighbour-south", A::Neighbour { dx: 0, dy: -1 }),
        ("scroll-up", A::Scroll(-1)),
        ("scroll-down", A::Scroll(1)),
        ("scroll-page-up", A::Scroll(-10)),
        ("scroll-page-down", A::Scroll(10)),
        ("cycle-unit", A::CycleRule),
        ("save", A::SaveProfile),
        ("export", A::Export),
        ("confirm-yes", A::ConfirmYes),
        ("confirm-no", A::ConfirmNo),
        ("confirm-cancel", A::ConfirmCancel),
        ("warnings", A::ToggleWarnings),
        ("language", A::ToggleLang),
        ("undo", A::Undo),
        ("redo", A::Redo),
        ("columns", A::ColumnsPicker),
        ("map-colour-next", A::MapColour(1)),
        ("map-colour-prev", A::MapColour(-1)),
        ("columns-up", A::PickerMove(-1)),
        ("columns-down", A::PickerMove(1)),
        ("columns-toggle", A::PickerToggle),
        ("export-prev-format", A::ExportFormat(-1)),
        ("export-next-format", A::ExportFormat(1)),
        ("export-write", A::ExportConfirm),
        ("export-cancel", A::ExportCancel),
        ("export-backspace", A::ExportBackspace),
        ("histogram", A::ToggleHistogram),
        ("correlations", A::ToggleCorrelations),
        ("effect", A::ToggleEffect),
        ("compare", A::Compare),
        ("compare-close", A::CompareClose),
    ]
}

pub fn parse_action(name: &str) -> Option<Action> {
    actions()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| a)
}
