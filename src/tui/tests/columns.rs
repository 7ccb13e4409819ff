//! Indicator columns in the table: the `c` list, showing, sorting, hiding.

use super::*;
use crate::tui::rows::indicator_value;

fn show(app: &mut App, id: &str) -> u16 {
    let j = app
        .analysis
        .column_ids
        .iter()
        .position(|c| c == id)
        .unwrap();
    let mut actions = vec![Action::Focus(Pane::Table), Action::ColumnsPicker];
    actions.extend((0..j).map(|_| Action::PickerMove(1)));
    actions.push(Action::PickerToggle);
    act(app, &actions);
    j as u16
}

#[test]
fn a_chosen_indicator_shows_as_a_column_and_sorts_highest_first() {
    let mut app = app_with(Lang::Nl, true, 200, 60);
    let id = app.analysis.prepared.indicators()[0].clone();
    let j = show(&mut app, &id);
    assert_eq!(app.table.indicators, [j]);
    assert_eq!(app.table.column, Column::Indicator(j));
    act(&mut app, &[Action::ColumnsPicker, Action::Sort]);
    assert!(app.picker.is_none());
    assert_eq!(app.table.sort.column, Column::Indicator(j));
    assert!(app.table.sort.descending);
    let values: Vec<Option<f64>> = app
        .table
        .rows
        .iter()
        .map(|&u| indicator_value(&app, j, u))
        .collect();
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(present.len() > 10);
    assert!(present.windows(2).all(|w| w[0] >= w[1]), "{present:?}");
    let first_none = values
        .iter()
        .position(Option::is_none)
        .unwrap_or(values.len());
    assert!(
        values[first_none..].iter().all(Option::is_none),
        "absent last"
    );
    let screen = draw(&app);
    let top = app.table.rows[0];
    let shown = crate::tui::fmt::num(indicator_value(&app, j, top), 1, Lang::Nl);
    let row = screen
        .lines()
        .find(|l| l.contains(app.unit_name(top)))
        .unwrap();
    assert!(row.contains(&shown), "{shown} not in {row}");
}

#[test]
fn hiding_the_sorted_column_goes_back_to_rank_order() {
    let mut app = app();
    let id = app.analysis.column_ids[0].clone();
    show(&mut app, &id);
    act(&mut app, &[Action::ColumnsPicker, Action::Sort]);
    let ranked = app.analysis.ranking.order.clone();
    act(&mut app, &[Action::ColumnsPicker, Action::PickerToggle]);
    assert!(app.table.indicators.is_empty());
    assert_eq!(app.table.sort.column, Column::Rank);
    assert_eq!(app.table.column, Column::Rank);
    assert_eq!(app.table.rows[0], ranked[0]);
}

#[test]
fn c_opens_the_list_and_its_keys_move_and_tick() {
    let mut app = app();
    let key = |app: &App, code| {
        app.keymap
            .action(
                app,
                &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(code)),
            )
            .unwrap()
    };
    use crossterm::event::KeyCode;
    let a = key(&app, KeyCode::Char('c'));
    assert_eq!(a, Action::ColumnsPicker);
    act(&mut app, &[a]);
    assert_eq!(key(&app, KeyCode::Down), Action::PickerMove(1));
    assert_eq!(key(&app, KeyCode::Char(' ')), Action::PickerToggle);
    assert_eq!(key(&app, KeyCode::Esc), Action::ColumnsPicker);
}

#[test]
fn snapshot_columns_list_and_column() {
    let mut app = app();
    let id = app.analysis.prepared.indicators()[1].clone();
    show(&mut app, &id);
    insta::assert_snapshot!(draw(&app));
}
