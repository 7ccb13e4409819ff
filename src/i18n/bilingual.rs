//! An error that can say itself in either language. Its `Display` stays
//! the English text (logs, scripts and `anyhow` chains read it); the front
//! end asks for [`Bilingual::text`] in the user's language through
//! `present::error_text_in`, which knows every such error by its type.

use super::Lang;

pub trait Bilingual {
    /// The error in `lang`; in English the same as its `Display`. Ids,
    /// codes, file names, values from the input and a library's or the
    /// system's own message stay as they are.
    fn text(&self, lang: Lang) -> String;
}

/// The operating system's reason in Dutch for the usual cases, with its
/// own text after it (that is what a search or a helpdesk knows); in
/// English its own text.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    if lang == Lang::En {
        return e.to_string();
    }
    let nl = match e.kind() {
        ErrorKind::NotFound => "bestand of map bestaat niet",
        ErrorKind::PermissionDenied => "geen toegang",
        ErrorKind::IsADirectory => "dit is een map, geen bestand",
        ErrorKind::ReadOnlyFilesystem => "alleen-lezen bestandssysteem",
        ErrorKind::StorageFull => "schijf is vol",
        _ => return e.to_string(),
    };
    format!("{nl} ({e})")
}
