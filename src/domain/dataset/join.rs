//! The join: boundary features first, then every indicator table's rows
//! placed on an area by code, with a report of what did not match.

use super::codes::{gemeente_of, wijk_of, Level};
use super::columns::indicator_columns;
use super::coverage::summarise;
use super::declared::DisclosureSettings;
use super::derived::add_derived;
use super::disclosure::{apply_disclosure, DEFAULT_MIN_CELL};
use super::types::{Area, BoundaryFeature, CodeIndex, Dataset, IndicatorTable, SchoolMethod};
use crate::domain::report::{Duplicate, JoinReport, LoadReport};
use crate::i18n::Said;
use crate::said;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// Join boundaries and indicator tables into one dataset.
pub struct DatasetBuilder {
    /// Disclosure control: minimum units behind a microdata cell.
    min_cell: u32,
    /// Files declared microdata (source names), whatever their columns.
    microdata: Vec<String>,
    /// The profile's `[disclosure]` declarations.
    declared: DisclosureSettings,
    areas: Vec<Area>,
    index: CodeIndex,
    report: LoadReport,
}

/// Per table, per row: the area the row's figures go to, `None` for a
/// repeated code (its first row is kept).
pub(super) type RowAreas = Vec<Vec<Option<usize>>>;

/// Where a repeated code occurs: said only for repeats.
fn feature_place(index: usize) -> Said {
    said!("object {index}", "feature {index}")
}

fn line_place(line: u64) -> Said {
    said!("regel {line}", "line {line}")
}

impl DatasetBuilder {
    pub fn new(boundary_file: &str, features: Vec<BoundaryFeature>) -> DatasetBuilder {
        let mut b = DatasetBuilder {
            min_cell: DEFAULT_MIN_CELL,
            microdata: Vec::new(),
            declared: DisclosureSettings::default(),
            areas: Vec::with_capacity(features.len()),
            index: CodeIndex::with_capacity_and_hasher(features.len(), FxBuildHasher),
            report: LoadReport::default(),
        };
        // Where each repeated code occurs, in feature order: only repeats
        // need their places written out.
        let mut first_feature: Vec<usize> = Vec::with_capacity(features.len());
        let mut repeats: BTreeMap<String, Vec<Said>> = BTreeMap::new();
        for f in features {
            if let Some(&at) = b.index.get(&f.code) {
                repeats
                    .entry(f.code.clone())
                    .or_insert_with(|| vec![feature_place(first_feature[at])])
                    .push(feature_place(f.index));
                continue;
            }
            first_feature.push(f.index);
            let level = Level::of_code(&f.code).unwrap_or(Level::Buurt);
            let gemeente_code = f
                .gemeente_code
                .or_else(|| gemeente_of(&f.code))
                .unwrap_or_default();
            let wijk_code = f.wijk_code.or_else(|| wijk_of(&f.code));
            b.index.insert(f.code.clone(), b.areas.len());
            b.areas.push(Area {
                name: f.name.unwrap_or_else(|| f.code.clone()),
                code: f.code,
                level,
                gemeente_code,
                gemeente_name: f.gemeente_name,
                wijk_code,
                water: f.water.unwrap_or(false),
                geometry: f.geometry,
                in_boundaries: true,
                schools: None,
            });
        }
        let dups = repeats.into_iter().map(|(code, places)| Duplicate {
            file: boundary_file.to_string(),
            code,
            places,
        });
        b.report.duplicates.extend(dups);
        b
    }

    pub fn min_cell(mut self, n: u32) -> DatasetBuilder {
        self.min_cell = n;
        self
    }

    /// Declare files (by source name) microdata, whatever their columns.
    pub fn microdata(mut self, files: Vec<String>) -> DatasetBuilder {
        self.microdata = files;
        self
    }

    /// The profile's `[disclosure]` files and column kinds (its `min_cell`
    /// is the caller's to resolve against `--min-cell`).
    pub fn declared(mut self, settings: DisclosureSettings) -> DatasetBuilder {
        self.declared = settings;
        self
    }

    /// Join all indicator tables. Files are taken in order; an indicator
    /// that an earlier file already gave is compared and reported, not merged.
    pub fn build(mut self, tables: Vec<IndicatorTable>) -> Dataset {
        // Every code of every file gets an area first, so columns can be
        // sized once.
        let rows = self.place_rows(&tables);
        let sources: Vec<String> = tables.iter().map(|t| t.file.clone()).collect();
        let mut indicators = indicator_columns(tables, &rows, &self.areas, &mut self.report);
        add_derived(&mut indicators);
        let source_names: Vec<&str> = sources.iter().map(String::as_str).collect();
        let columns: Vec<&_> = indicators.iter().map(|i| &i.meta).collect();
        let unmatched = self.declared.unmatched(&source_names, &columns);
        self.report.warnings.extend(unmatched);
        let notes = apply_disclosure(
            &mut indicators,
            &self.areas,
            self.min_cell,
            &self.microdata,
            &self.declared,
        );
        let mut report = self.report;
        report.notes.extend(notes);
        summarise(&mut report, &self.areas, &indicators);
        Dataset {
            areas: self.areas,
            index: self.index,
            indicators,
            schools: Vec::new(),
            school_method: SchoolMethod::None,
            report,
        }
    }

    /// The area of every row of every table, reporting repeated codes and,
    /// when there are boundaries, how each file's buurten match them.
    fn place_rows(&mut self, tables: &[IndicatorTable]) -> RowAreas {
        // Indices, not codes: tables only add areas after these.
        let boundary_buurten: Vec<usize> = (0..self.areas.len())
            .filter(|&i| self.areas[i].in_boundaries && self.areas[i].level == Level::Buurt)
            .collect();
        let mut rows = Vec::with_capacity(tables.len());
        for t in tables {
            rows.push(self.place_table(t));
            if !boundary_buurten.is_empty() {
                let join = self.join_report(t, &boundary_buurten);
                self.report.joins.push(join);
            }
        }
        rows
    }

    fn place_table(&mut self, t: &IndicatorTable) -> Vec<Option<usize>> {
        let mut seen: FxHashMap<&str, u64> = FxHashMap::default();
        let mut map = Vec::with_capacity(t.regions.len());
        let mut dup_places: BTreeMap<String, Vec<Said>> = BTreeMap::new();
        for r in &t.regions {
            if let Some(first) = seen.get(r.code.as_str()) {
                dup_places
                    .entry(r.code.clone())
                    .or_insert_with(|| vec![line_place(*first)])
                    .push(line_place(r.line));
                map.push(None);
                continue;
            }
            seen.insert(&r.code, r.line);
            map.push(Some(self.ensure_area(&r.code, r.name.as_deref())));
        }
        for (code, places) in dup_places {
            self.report.duplicates.push(Duplicate {
                file: t.file.clone(),
                code,
                places,
            });
        }
        map
    }

    fn join_report(&self, t: &IndicatorTable, boundary_buurten: &[usize]) -> JoinReport {
        let in_file: FxHashSet<&str> = t
            .regions
            .iter()
            .filter(|r| r.code.starts_with("BU"))
            .map(|r| r.code.as_str())
            .collect();
        let mut only_in_file: Vec<String> = in_file
            .iter()
            .filter(|c| {
                self.index
                    .get(**c)
                    .is_none_or(|&i| !self.areas[i].in_boundaries)
            })
            .map(|c| c.to_string())
            .collect();
        only_in_file.sort();
        let only_in_boundaries: Vec<String> = boundary_buurten
            .iter()
            .map(|&i| &self.areas[i].code)
            .filter(|c| !in_file.contains(c.as_str()))
            .cloned()
            .collect();
        JoinReport {
            file: t.file.clone(),
            regions_in_file: t.regions.len(),
            buurten_in_file: in_file.len(),
            matched_buurten: in_file.len() - only_in_file.len(),
            only_in_file,
            only_in_boundaries,
        }
    }

    /// The area of a code, added (outside the boundaries) when new. A name
    /// from a table replaces a bare code, never a name given earlier.
    fn ensure_area(&mut self, code: &str, name: Option<&str>) -> usize {
        if let Some(&i) = self.index.get(code) {
            if let Some(n) = name {
                let a = &mut self.areas[i];
                if a.name == a.code {
                    a.name = n.to_string();
                }
            }
            return i;
        }
        let level = Level::of_code(code).unwrap_or(Level::Buurt);
        let i = self.areas.len();
        self.areas.push(Area {
            code: code.to_string(),
            name: name.unwrap_or(code).to_string(),
            level,
            gemeente_code: match level {
                Level::Gemeente => code.to_string(),
                Level::Land => String::new(),
                _ => gemeente_of(code).unwrap_or_default(),
            },
            gemeente_name: None,
            wijk_code: wijk_of(code),
            water: false,
            geometry: None,
            in_boundaries: false,
            schools: None,
        });
        self.index.insert(code.to_string(), i);
        i
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{feature, table};
    use super::*;
    use crate::domain::value::{Missing, Value};

    #[test]
    fn join_reports_both_sides_and_duplicates() {
        let b = DatasetBuilder::new(
            "b.geojson",
            vec![
                feature(0, "BU00010001"),
                feature(1, "BU00010002"),
                feature(2, "BU00010002"),
            ],
        );
        let t = table(
            "i.csv",
            &[
                ("GM0001", 2),
                ("BU00010001", 3),
                ("BU00010009", 4),
                ("BU00010001", 5),
            ],
            "a_inw",
            &[
                Value::Num(300.0),
                Value::Num(100.0),
                Value::Num(200.0),
                Value::Num(999.0),
            ],
        );
        let d = b.build(vec![t]);
        let j = &d.report.joins[0];
        assert_eq!(j.only_in_file, vec!["BU00010009"]);
        assert_eq!(j.only_in_boundaries, vec!["BU00010002"]);
        assert_eq!(d.report.duplicates.len(), 2);
        let inw = d.indicator("inhabitants").unwrap();
        // The first row of a duplicated code is kept.
        assert_eq!(inw.values[d.index["BU00010001"]], Value::Num(100.0));
        assert_eq!(
            inw.values[d.index["BU00010002"]],
            Value::Missing(Missing::NotInInput)
        );
        assert!(!d.area("BU00010009").unwrap().in_boundaries);
        assert_eq!(d.area("GM0001").unwrap().level, Level::Gemeente);
    }
}
