//! The analysis's notes in the reader's language, indicators by label.

use super::human::{label, unit_plural};
use crate::domain::analysis::Note;
use crate::domain::dataset::Dataset;
use crate::domain::report::LoadNote;
use crate::i18n::{Lang, Rt};

pub fn note_text(n: &Note, ds: &Dataset, lang: Lang) -> String {
    let labels = |ids: &[String]| {
        ids.iter()
            .map(|id| label(ds, id, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match n {
        Note::SchoolProxy => Rt::NoteSchoolProxy.text(lang).into(),
        Note::NoSchools => Rt::NoteNoSchools.text(lang).into(),
        Note::Sensitive { ids } => Rt::NoteSensitive.fill(lang, &[&labels(ids)]),
        Note::FewEligible {
            eligible,
            rule,
            top_k,
        } => Rt::NoteFewEligible.fill(lang, &[eligible, &unit_plural(*rule, lang), top_k]),
        Note::Smoothed { method, ids } => Rt::NoteSmoothed.fill(lang, &[method, &labels(ids)]),
        Note::Absent { id } => Rt::NoteAbsent.fill(lang, &[&label(ds, id, lang)]),
        Note::Unweighted { ids } => Rt::NoteUnweighted.fill(lang, &[&labels(ids)]),
    }
}

/// A note of the load report in `lang`, indicators by label.
pub fn load_note_text(n: &LoadNote, ds: &Dataset, lang: Lang) -> String {
    match n {
        LoadNote::Withheld {
            cells,
            file,
            min_cell,
            base,
        } => {
            let base = if base.is_empty() {
                Rt::LoadNoteNoBase.text(lang).to_string()
            } else {
                base.iter()
                    .map(|id| label(ds, id, lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Rt::LoadNoteWithheld.fill(lang, &[cells, file, min_cell, &base])
        }
        LoadNote::NamesFromSchools { names } => Rt::LoadNoteNames.fill(lang, &[&names.join(", ")]),
    }
}

/// Every note of the analysis in `lang`.
pub fn note_texts(notes: &[Note], ds: &Dataset, lang: Lang) -> Vec<String> {
    notes.iter().map(|n| note_text(n, ds, lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pilot::PilotRule;
    use crate::io::{load, Inputs};

    #[test]
    fn notes_read_in_dutch_with_labels_and_in_english() {
        let ds = load(&Inputs::sample()).unwrap();
        let absent = Note::Absent {
            id: "youth_care_pct".into(),
        };
        let nl = note_text(&absent, &ds, Lang::Nl);
        assert!(nl.contains("Jongeren met jeugdzorg"), "{nl}");
        assert!(!nl.contains("youth_care_pct"), "{nl}");
        let few = Note::FewEligible {
            eligible: 1,
            rule: PilotRule::Wijk,
            top_k: 3,
        };
        assert!(note_text(&few, &ds, Lang::Nl).contains("1 wijken"));
        assert_eq!(note_text(&few, &ds, Lang::En), few.to_string());
    }
}
