//! The app's state. Logic that changes it lives in `update.rs`; this file
//! holds the data, the constructor and read-only views the widgets share.

use super::action::{Column, Pane};
use super::dialogs::{CompareState, ExportDialog};
use super::geometry::{MapGeometry, MapShapes};
use super::keymap::Keymap;
pub use super::picks::Picked;
use super::rows::{self, Classes};
use super::theme::Theme;
use super::Lang;
use crate::domain::analysis::{run_or_stand_in, Analysis, GemeenteMeans, RunOptions};
use crate::domain::dataset::Dataset;
use crate::domain::pilot::PilotRule;
use crate::domain::profile::Profile;
use crate::domain::teams::{self, BuurtView, RoleCatalogue, TeamProposal, TeamSettings};
use crate::i18n::Msg;
use crate::io::Inputs;
use std::collections::BTreeSet;

/// What the profile itself gives: the reference for rank changes.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub weights: Vec<f64>,
    pub rank: Vec<Option<usize>>,
    pub shortlist: Vec<usize>,
}

/// The user's shortlist on top of the computed one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Picks {
    pub added: BTreeSet<usize>,
    /// Computed shortlist members the user took off.
    pub removed: BTreeSet<usize>,
}

/// The state before one weight or shortlist edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub weights: Vec<f64>,
    pub picks: Picks,
}

/// Edits undo takes back (last on top) and undone edits redo brings back.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
}

/// How a unit stands on the shortlist, as the mark column shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Computed,
    Added,
    Removed,
    Eligible,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

#[derive(Debug, Clone)]
pub struct TableState {
    /// Units shown, filtered and sorted.
    pub rows: Vec<usize>,
    /// Row of the selected unit, if the filter shows it.
    pub cursor: Option<usize>,
    /// First row on screen.
    pub offset: usize,
    pub sort: Sort,
    /// The column `o` sorts by.
    pub column: Column,
    /// Indicators shown as extra columns, indices into `column_ids`.
    pub indicators: Vec<u16>,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Typing into the search line.
    pub editing: bool,
    /// The unit selected when the search started, restored on cancel.
    pub origin: Option<usize>,
    pub hits: usize,
    /// The search line shows: while typing and after a search key, not
    /// once another key has been pressed.
    pub shown: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Gemeente code.
    pub gemeente: Option<String>,
    pub min_schools: u32,
    pub min_inhabitants: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    /// 1 = the whole map fits.
    pub zoom: f64,
    /// Centre, in metres relative to the geometry's origin.
    pub center: (f64, f64),
    pub schools: bool,
    /// Cell where a mouse drag last was.
    pub drag: Option<(u16, u16)>,
    pub dragged: bool,
    /// What the map is coloured by: `None` the score, else an indicator
    /// (index into the analysis's `column_ids`).
    pub colour: Option<u16>,
}

/// The selected unit's figures and team, computed when the selection
/// changes so rendering only reads.
#[derive(Debug, Clone)]
pub struct Focused {
    pub unit: usize,
    pub view: BuurtView,
    pub team: TeamProposal,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub detail: u16,
    pub team: u16,
    pub help: u16,
    pub warnings: u16,
    pub compare: u16,
    pub effect: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub ds: Dataset,
    pub inputs: Inputs,
    pub catalogue: RoleCatalogue,
    pub keymap: Keymap,
    pub analysis: Analysis,
    pub geo: MapGeometry,
    pub lang: Lang,
    pub theme: Theme,
    pub baseline: Baseline,
    /// Current weights, aligned with `analysis.prepared.indicators()`.
    pub weights: Vec<f64>,
    /// Bumped on every re-rank; a Monte Carlo result for an older ranking
    /// is dropped.
    pub generation: u64,
    pub stability_running: bool,
    pub classes: Classes,
    pub picks: Picks,
    pub table: TableState,
    pub selected: usize,
    pub focused: Option<Focused>,
    pub search: Search,
    pub filter: Filter,
    /// Gemeenten (code, name) the filter cycles through.
    pub gemeenten: Vec<(String, String)>,
    pub focus: Pane,
    /// Pane shown beside the table in the narrow layout.
    pub side: Pane,
    /// Pane shown under the map in the wide layout.
    pub info: Pane,
    pub map: MapState,
    pub weight_cursor: usize,
    pub scroll: Scroll,
    pub help: bool,
    pub status: Option<Status>,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
    pub quit: bool,
    /// Asking whether to save before quitting.
    pub confirm_quit: bool,
    /// Weights as last loaded or saved: what quitting would not lose.
    pub saved_weights: Vec<f64>,
    /// Weights of a save under way, which become `saved_weights` when it
    /// succeeds.
    pub saving_weights: Option<Vec<f64>>,
    /// Quit once the save under way succeeds.
    pub quit_after_save: bool,
    /// The user's picks under the other pilot rules, by unit code, so
    /// cycling back with `u` restores them.
    pub rule_picks: Vec<(PilotRule, Picked)>,
    /// The warnings list is open.
    pub warnings: bool,
    pub history: History,
    /// Picks as last loaded or saved, and those of a save under way.
    pub saved_picks: Picks,
    pub saving_picks: Option<Picks>,
    /// The indicator-columns list is open, with its cursor.
    pub picker: Option<usize>,
    /// The export dialog, when open, and the last export's choices.
    pub export: Option<ExportDialog>,
    pub last_export: Option<ExportDialog>,
    /// The distribution of what the map shows is open.
    pub histogram: bool,
    /// The correlation heat map, when open: computed on opening, so drawing
    /// only reads it (it takes every key, so nothing re-ranks meanwhile).
    pub correlations: Option<crate::domain::correlation::Correlations>,
    /// The follow-up year and the code map between the years, when given:
    /// what `E` measures the effect on the shortlist against.
    pub followup: Option<(
        crate::domain::effect::YearView,
        Option<crate::domain::effect::CodeMap>,
    )>,
    /// The effect overlay: the measurement, or why there is none.
    pub effect: Option<Result<crate::domain::effect::EffectResult, String>>,
    /// The indicators or their directions differ from the profile as
    /// loaded or saved (a flipped direction, or a stand-in profile built
    /// from the data): quitting asks to save.
    pub directions_changed: bool,
    /// The map shows LISA clusters of what it colours, instead of classes.
    pub lisa: Option<crate::domain::lisa::Lisa>,
    /// Gemeente means per column, for the detail pane.
    pub gemeente_means: GemeenteMeans,
    pub compare: CompareState,
}

impl App {
    /// Rank the dataset under the profile (without the Monte Carlo, which
    /// the loop runs in the background) and prepare the map.
    pub fn new(
        ds: Dataset,
        inputs: Inputs,
        profile: Profile,
        lang: Lang,
        theme: Theme,
    ) -> anyhow::Result<App> {
        let opts = RunOptions {
            skip_stability: true,
            skip_candidates: true,
        };
        // The map's shapes need nothing of the ranking: they are made while
        // the units are ranked.
        let (analysed, shapes) = rayon::join(
            || run_or_stand_in(&ds, &profile, opts),
            || MapShapes::build(&ds),
        );
        let (analysis, stand_in) = analysed?;
        let catalogue = RoleCatalogue::default_catalogue()?;
        crate::timing::mark("app: ranked, map shapes made");
        let geo = MapGeometry::from_shapes(shapes, &analysis.members);
        let gemeente_means = GemeenteMeans::of(&analysis);
        crate::timing::mark("app: map levels built");
        let weights = analysis.ranking.weights.clone();
        let baseline = Baseline {
            weights: weights.clone(),
            rank: analysis.ranking.units.iter().map(|u| u.rank).collect(),
            shortlist: analysis.ranking.shortlist.clone(),
        };
        let mut gemeenten: Vec<(String, String)> = analysis
            .units
            .iter()
            .map(|u| (u.gemeente_code.clone(), u.gemeente_name.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        gemeenten.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        let classes = Classes::of(&analysis);
        let center = (geo.size.0 / 2.0, geo.size.1 / 2.0);
        let mut app = App {
            ds,
            inputs,
            catalogue,
            keymap: Keymap::embedded()?,
            analysis,
            geo,
            lang,
            theme,
            baseline,
            saved_weights: weights.clone(),
            weights,
            generation: 0,
            stability_running: false,
            classes,
            picks: Picks::default(),
            table: TableState {
                rows: Vec::new(),
                cursor: None,
                offset: 0,
                sort: Sort {
                    column: Column::Rank,
                    descending: false,
                },
                column: Column::Rank,
                indicators: Vec::new(),
            },
            selected: 0,
            focused: None,
            search: Search::default(),
            filter: Filter::default(),
            gemeenten,
            focus: Pane::Table,
            side: Pane::Map,
            info: Pane::Detail,
            map: MapState {
                zoom: 1.0,
                center,
                schools: true,
                drag: None,
                dragged: false,
                colour: None,
            },
            weight_cursor: 0,
            scroll: Scroll::default(),
            help: false,
            status: None,
            size: (120, 40),
            quit: false,
            confirm_quit: false,
            saving_weights: None,
            quit_after_save: false,
            rule_picks: Vec::new(),
            warnings: false,
            history: History::default(),
            saved_picks: Picks::default(),
            saving_picks: None,
            picker: None,
            export: None,
            last_export: None,
            histogram: false,
            correlations: None,
            followup: None,
            effect: None,
            directions_changed: false,
            lisa: None,
            gemeente_means,
            compare: CompareState::default(),
        };
        let skipped = super::picks::restore_saved(&mut app);
        app.saved_picks = app.picks.clone();
        app.table.rows = rows::build(&app);
        app.selected = app.table.rows.first().copied().unwrap_or(0);
        app.table.cursor = app.table.rows.first().map(|_| 0);
        app.focused = Some(app.focus_on(app.selected));
        if let Some(absent) = stand_in {
            app.directions_changed = true;
            app.status = Some(Status {
                text: Msg::ProfileStandIn.fill(
                    lang,
                    &[
                        &absent.join(", "),
                        &app.analysis.prepared.indicators().len(),
                    ],
                ),
                error: true,
            });
        }
        if !skipped.is_empty() {
            app.status = Some(Status {
                text: Msg::SavedChoiceSkipped.fill(lang, &[&skipped.join(", ")]),
                error: true,
            });
        }
        Ok(app)
    }

    /// The profile with the weights as the user has set them: what `s`
    /// saves, what an export reports and what a new pilot rule starts from.
    pub fn profile_as_shown(&self) -> Profile {
        let mut p = self.analysis.profile.clone();
        for (id, &w) in self
            .analysis
            .prepared
            .indicators()
            .iter()
            .zip(&self.weights)
        {
            p.set_weight(id, w);
        }
        let code = |u: &usize| self.analysis.units.get(*u).map(|x| x.code.clone());
        p.shortlist.include = self.picks.added.iter().filter_map(code).collect();
        p.shortlist.exclude = self.picks.removed.iter().filter_map(code).collect();
        p.view = crate::domain::profile::ViewFilters {
            gemeente: self.filter.gemeente.clone(),
            min_schools: self.filter.min_schools,
            min_inhabitants: self.filter.min_inhabitants,
        };
        p
    }

    /// Weight or shortlist edits that quitting would lose.
    pub fn unsaved(&self) -> bool {
        self.directions_changed
            || self.weights != self.saved_weights
            || self.picks != self.saved_picks
            || self.rule_picks.iter().any(|(_, p)| !p.is_empty())
    }

    /// Figures and team of a unit.
    pub fn focus_on(&self, unit: usize) -> Focused {
        let view = self.analysis.team_view(&self.ds, unit);
        let team = teams::propose(&self.catalogue, &view, &TeamSettings::default());
        Focused { unit, view, team }
    }

    pub fn in_computed(&self, unit: usize) -> bool {
        self.analysis.ranking.shortlist.contains(&unit)
    }

    pub fn mark(&self, unit: usize) -> Mark {
        let computed = self.in_computed(unit);
        if self.picks.added.contains(&unit) {
            Mark::Added
        } else if computed && self.picks.removed.contains(&unit) {
            Mark::Removed
        } else if computed {
            Mark::Computed
        } else if self.analysis.ranking.units[unit].eligible {
            Mark::Eligible
        } else {
            Mark::None
        }
    }

    /// The computed shortlist without what the user removed, then what the
    /// user added, in rank order.
    pub fn shortlist(&self) -> Vec<usize> {
        crate::domain::analysis::shortlist_with(&self.analysis.ranking, &self.hand())
    }

    /// The picks as the domain's choices by hand.
    pub fn hand(&self) -> crate::domain::analysis::HandChoices {
        crate::domain::analysis::HandChoices {
            added: self.picks.added.clone(),
            removed: self.picks.removed.clone(),
        }
    }

    /// Places gained (positive) or lost since the profile's ranking.
    pub fn rank_delta(&self, unit: usize) -> Option<i64> {
        let now = self.analysis.ranking.units[unit].rank?;
        let before = self.baseline.rank.get(unit).copied().flatten()?;
        Some(before as i64 - now as i64)
    }

    pub fn unit_name(&self, unit: usize) -> &str {
        self.analysis
            .units
            .get(unit)
            .map(|u| u.name.as_str())
            .unwrap_or("")
    }

    /// What the map is coloured by, per unit: the score or an indicator.
    pub fn map_values(&self) -> Vec<Option<f64>> {
        match self
            .map
            .colour
            .and_then(|j| self.analysis.columns.get(usize::from(j)))
        {
            Some(v) => v.clone(),
            None => self
                .analysis
                .ranking
                .units
                .iter()
                .map(|u| u.score)
                .collect(),
        }
    }

    /// Label of an indicator in the interface language.
    pub fn indicator_label(&self, id: &str) -> String {
        crate::present::labels::label(&self.ds, id, self.lang)
    }

    /// The computed shortlist of the profile's weights that the current
    /// weights dropped, and the units they brought in.
    pub fn shortlist_changes(&self) -> (Vec<usize>, Vec<usize>) {
        let now = &self.analysis.ranking.shortlist;
        let before = &self.baseline.shortlist;
        let gone = before
            .iter()
            .copied()
            .filter(|u| !now.contains(u))
            .collect();
        let new = now
            .iter()
            .copied()
            .filter(|u| !before.contains(u))
            .collect();
        (gone, new)
    }
}
