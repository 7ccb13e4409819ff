//! Everything the app can be asked to do ([`Action`]) and the slow or
//! fallible work it asks the loop to do in return ([`Effect`]).

use crate::domain::uncertainty::Stability;
use crate::export::Format;
use std::path::PathBuf;

/// The panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Table,
    Map,
    Detail,
    Weights,
    Team,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Table,
        Pane::Map,
        Pane::Detail,
        Pane::Weights,
        Pane::Team,
    ];

    fn position(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.position() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.position() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    /// The digit that jumps to this pane.
    pub fn number(self) -> usize {
        self.position() + 1
    }

    /// Panes that share the lower right slot of the wide layout.
    pub fn is_info(self) -> bool {
        matches!(self, Pane::Detail | Pane::Weights | Pane::Team)
    }
}

/// Columns of the ranked table, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Mark,
    Rank,
    Delta,
    Code,
    Name,
    Gemeente,
    Score,
    Interval,
    PTop,
    Schools,
    Inhabitants,
    Children,
    /// An indicator the user chose as a column: index into the analysis's
    /// `column_ids` (every numeric indicator of the data).
    Indicator(u16),
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::Mark,
        Column::Rank,
        Column::Delta,
        Column::Code,
        Column::Name,
        Column::Gemeente,
        Column::Score,
        Column::Interval,
        Column::PTop,
        Column::Schools,
        Column::Inhabitants,
        Column::Children,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Down,
    Drag,
    Up,
    ScrollUp,
    ScrollDown,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Resize {
        width: u16,
        height: u16,
    },
    FocusNext,
    FocusPrev,
    Focus(Pane),
    ToggleHelp,
    /// Move the selected unit by this many table rows.
    Move(i32),
    MoveFirst,
    MoveLast,
    /// Move by this many table pages.
    Page(i32),
    ColumnLeft,
    ColumnRight,
    /// Sort by the column under the column cursor; again reverses.
    Sort,
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    SearchCancel,
    SearchNext,
    SearchPrev,
    /// Cycle the gemeente filter: all, then each gemeente.
    FilterGemeente,
    FilterSchools(i32),
    FilterInhabitants(i32),
    FilterClear,
    ToggleShortlist,
    WeightCursor(i32),
    WeightStep(f64),
    WeightZero,
    WeightReset,
    WeightResetAll,
    /// The indicator under the weights cursor counts the other way.
    FlipDirection,
    /// Pan the map by this many tenths of the view.
    Pan {
        dx: i32,
        dy: i32,
    },
    /// Zoom the map in (positive) or out (negative) by steps.
    Zoom(i32),
    ZoomReset,
    ToggleSchools,
    /// Show LISA clusters of what the map colours, or its classes again.
    ToggleLisa,
    /// Select the unit beside the selected one: east (1, 0), north (0, 1).
    Neighbour {
        dx: i32,
        dy: i32,
    },
    /// Scroll the focused text pane (detail, team) or the help.
    Scroll(i32),
    Mouse {
        kind: MouseKind,
        column: u16,
        row: u16,
    },
    /// Re-run the analysis under the next pilot rule, keeping the weights.
    CycleRule,
    SaveProfile,
    /// Open the export dialog (format and file name).
    Export,
    /// In the export dialog: the previous/next format, a typed character
    /// of the file name, deleting one, writing, closing.
    ExportFormat(i32),
    ExportInput(char),
    ExportBackspace,
    ExportConfirm,
    ExportCancel,
    /// The loop found the export's file already there and wrote nothing.
    ExportExists(PathBuf),
    /// Open or close the distribution of what the map shows.
    ToggleHistogram,
    /// Open or close the correlation heat map of the profile's indicators.
    ToggleCorrelations,
    /// Measure the effect on the shortlist against the follow-up year, or
    /// close that view.
    ToggleEffect,
    /// Choose the selected unit as A, or with A chosen compare it with the
    /// selected unit; on the open comparison: close it.
    Compare,
    CompareClose,
    StabilityDone {
        generation: u64,
        result: Result<Box<Stability>, String>,
    },
    /// The map's finer levels of detail, made after the first frame.
    MapLevelsDone(Vec<crate::tui::geometry::Lod>),
    Saved(Result<PathBuf, String>),
    Exported(Result<PathBuf, String>),
    /// Answers to the unsaved-changes question on quitting: save the
    /// profile and quit, quit without saving, or stay.
    ConfirmYes,
    ConfirmNo,
    ConfirmCancel,
    /// Open or close the list of every load warning and note.
    ToggleWarnings,
    /// Switch the interface language (Dutch, English).
    ToggleLang,
    /// Take back the last weight or shortlist edit, or bring it back.
    Undo,
    Redo,
    /// Open or close the list of indicators that can show as columns.
    ColumnsPicker,
    PickerMove(i32),
    /// Show or hide the indicator under the list's cursor as a column.
    PickerToggle,
    /// Colour the map by the next (positive) or previous profile
    /// indicator; past either end, by the score again.
    MapColour(i32),
}

/// Work [`crate::tui::update::update`] leaves to the loop, so update stays
/// deterministic and testable.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveProfile {
        path: PathBuf,
        toml: String,
    },
    /// Write the shortlist; an existing file only when `overwrite`.
    Export {
        path: PathBuf,
        format: Format,
        overwrite: bool,
    },
    /// Run the Monte Carlo for the ranking of this generation.
    Stability {
        generation: u64,
    },
    /// Make the map's levels finer than those made at start.
    MapLevels,
}
