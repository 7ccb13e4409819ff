//! State of the app's dialogs that are more than a flag: the export
//! dialog (`e`) and the side-by-side comparison (`v`).

use crate::export::Format;

/// `e`: which format to write and under which file name. The name follows
/// the format's extension until the user types one of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    /// Index into [`Format::ALL`].
    pub format: usize,
    pub name: String,
    /// The file exists: the next Enter overwrites it, any edit asks again.
    pub overwrite: bool,
}

pub const EXPORT_STEM: &str = "buurtradar-shortlist";

impl ExportDialog {
    pub fn new() -> ExportDialog {
        let format = Format::ALL
            .iter()
            .position(|f| *f == Format::Md)
            .unwrap_or(0);
        ExportDialog {
            format,
            name: default_name(Format::ALL[format]),
            overwrite: false,
        }
    }

    pub fn chosen(&self) -> Format {
        Format::ALL[self.format.min(Format::ALL.len() - 1)]
    }

    /// Move the format cursor; a name that still ends in the old format's
    /// extension takes the new one, so "rapport.md" becomes "rapport.html".
    pub fn step_format(&mut self, d: i32) {
        let n = Format::ALL.len() as i64;
        let old = self.chosen();
        self.format = (self.format as i64 + i64::from(d)).rem_euclid(n) as usize;
        let new = self.chosen();
        let old_ext = format!(".{}", old.id());
        if let Some(stem) = self.name.strip_suffix(&old_ext) {
            self.name = format!("{stem}.{}", new.id());
        }
        self.overwrite = false;
    }

    pub fn input(&mut self, c: Option<char>) {
        match c {
            Some(c) if !c.is_control() => self.name.push(c),
            Some(_) => {}
            None => {
                self.name.pop();
            }
        }
        self.overwrite = false;
    }
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog::new()
    }
}

pub fn default_name(f: Format) -> String {
    format!("{EXPORT_STEM}.{}", f.id())
}

/// `v`: the unit chosen as A, and once B is chosen the pair on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompareState {
    pub pin: Option<usize>,
    pub open: Option<(usize, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_follows_the_format_until_the_user_types_an_own_extension() {
        let mut d = ExportDialog::new();
        assert_eq!(d.chosen(), Format::Md);
        assert_eq!(d.name, "buurtradar-shortlist.md");
        d.step_format(1);
        assert_eq!(d.name, format!("buurtradar-shortlist.{}", d.chosen().id()));
        for _ in 0..d.name.len() {
            d.input(None);
        }
        for c in "memo.txt".chars() {
            d.input(Some(c));
        }
        d.step_format(1);
        assert_eq!(d.name, "memo.txt");
        d.step_format(-(Format::ALL.len() as i32));
        assert_eq!(d.name, "memo.txt");
    }

    #[test]
    fn any_edit_withdraws_the_permission_to_overwrite() {
        let mut d = ExportDialog::new();
        d.overwrite = true;
        d.input(Some('x'));
        assert!(!d.overwrite);
        d.overwrite = true;
        d.step_format(1);
        assert!(!d.overwrite);
    }
}
