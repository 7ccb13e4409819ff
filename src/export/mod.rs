//! Exports: one trait, one file per format (work in progress).
