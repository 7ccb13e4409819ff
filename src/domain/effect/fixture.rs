//! Small year views for the tests: indicator `x` (a rate) and `n` (a
//! count, twice `x`).

use super::panel::YearView;
use crate::domain::value::Value;

pub(super) fn view(label: &str, units: &[(&str, f64)], changed: &[&str]) -> YearView {
    let mut v = YearView {
        label: label.to_string(),
        ..YearView::default()
    };
    for (i, (code, x)) in units.iter().enumerate() {
        v.units
            .push((code.to_string(), format!("buurt {code}"), "GM1".into()));
        v.index.insert(code.to_string(), i);
        v.values.entry("x".into()).or_default().push(Value::Num(*x));
        v.values
            .entry("n".into())
            .or_default()
            .push(Value::Num(2.0 * x));
    }
    v.counts.insert("n".into());
    v.changed = changed.iter().map(|c| c.to_string()).collect();
    v
}
