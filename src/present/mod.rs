//! The presentation layer: text shared by the commands, the exports and the
//! app (method lines, reasons, number, interval and status formatting).
