//! The table: moving, sorting, searching, filtering and the shortlist.

use super::*;

#[test]
fn moves_through_the_table() {
    let mut app = app();
    let first = app.table.rows[0];
    assert_eq!(app.selected, first);
    act(&mut app, &[Action::Move(1)]);
    assert_eq!(app.selected, app.table.rows[1]);
    assert_eq!(app.table.cursor, Some(1));
    act(&mut app, &[Action::Move(-5)]);
    assert_eq!(app.table.cursor, Some(0));
    act(&mut app, &[Action::MoveLast]);
    assert_eq!(app.table.cursor, Some(app.table.rows.len() - 1));
    // The selected row stays on screen.
    let h = crate::tui::layout::table_body(crate::tui::update::screen(&app).table).height as usize;
    assert!(app.table.offset + h > app.table.cursor.unwrap());
    act(&mut app, &[Action::MoveFirst, Action::Page(1)]);
    assert_eq!(app.table.cursor, Some(h));
    // The detail follows the selection.
    assert_eq!(app.focused.as_ref().unwrap().unit, app.selected);
}

#[test]
fn rank_order_fast_path_matches_the_comparison() {
    let mut app = app();
    assert_eq!(
        crate::tui::rows::build(&app),
        crate::tui::rows::build_generic(&app)
    );
    act(&mut app, &[Action::FilterSchools(1)]);
    assert_eq!(
        crate::tui::rows::build(&app),
        crate::tui::rows::build_generic(&app)
    );
}

#[test]
fn sorts_by_any_column_and_reverses() {
    let mut app = app();
    app.table.column = Column::Name;
    act(&mut app, &[Action::Sort]);
    let names: Vec<String> = app
        .table
        .rows
        .iter()
        .map(|&u| app.unit_name(u).to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    act(&mut app, &[Action::Sort]);
    assert!(app.table.sort.descending);
    let first = app.unit_name(app.table.rows[0]).to_lowercase();
    assert!(first >= sorted.last().unwrap().to_lowercase());
    // The column cursor moves over the visible columns.
    act(&mut app, &[Action::ColumnRight, Action::Sort]);
    assert_ne!(app.table.sort.column, Column::Name);
    // Schools: most first, unknown counts last.
    app.table.column = Column::Schools;
    act(&mut app, &[Action::Sort]);
    let s: Vec<Option<u32>> = app
        .table
        .rows
        .iter()
        .map(|&u| app.analysis.units[u].primary_schools)
        .collect();
    assert!(s.windows(2).all(|w| w[0] >= w[1] || w[1].is_none()));
    // The selection survives a sort.
    let sel = app.selected;
    act(&mut app, &[Action::Sort]);
    assert_eq!(app.selected, sel);
}

#[test]
fn searches_incrementally_with_next_and_previous() {
    let mut app = app();
    let origin = app.selected;
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('b'),
            Action::SearchInput('u'),
        ],
    );
    let hits: Vec<usize> = app
        .table
        .rows
        .iter()
        .copied()
        .filter(|&u| {
            app.unit_name(u).to_lowercase().contains("bu")
                || app.analysis.units[u].code.to_lowercase().contains("bu")
        })
        .collect();
    assert_eq!(app.search.hits, hits.len());
    act(
        &mut app,
        &[Action::SearchInput('u'), Action::SearchInput('r')],
    );
    assert!(app.unit_name(app.selected).to_lowercase().contains("buur"));
    act(&mut app, &[Action::SearchConfirm]);
    let a = app.selected;
    act(&mut app, &[Action::SearchNext]);
    let b = app.selected;
    assert_ne!(a, b);
    assert!(app.unit_name(b).to_lowercase().contains("buur"));
    act(&mut app, &[Action::SearchPrev]);
    assert_eq!(app.selected, a);
    // Cancel returns to where the search started.
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('z'),
            Action::SearchCancel,
        ],
    );
    assert_eq!(app.selected, a);
    act(
        &mut app,
        &[
            Action::SearchStart,
            Action::SearchInput('q'),
            Action::SearchInput('q'),
        ],
    );
    assert_eq!(app.search.hits, 0);
    act(&mut app, &[Action::SearchCancel]);
    assert!(app.search.query.is_empty());
    let _ = origin;
}

#[test]
fn shortlist_toggles_on_top_of_the_computed_one() {
    let mut app = app();
    let computed = app.analysis.ranking.shortlist.clone();
    assert_eq!(app.shortlist(), computed);
    let extra = unit(&app, "Wilgenhoek");
    assert!(!computed.contains(&extra));
    go_to(&mut app, "Wilgenhoek");
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.mark(extra), Mark::Added);
    assert!(app.shortlist().contains(&extra));
    let top = computed[0];
    let top_name = app.unit_name(top).to_string();
    go_to(&mut app, &top_name);
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.mark(top), Mark::Removed);
    assert!(!app.shortlist().contains(&top));
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.mark(top), Mark::Computed);
    go_to(&mut app, "Wilgenhoek");
    act(&mut app, &[Action::ToggleShortlist]);
    assert_eq!(app.shortlist(), computed);
}

#[test]
fn filters_narrow_the_table() {
    let mut app = app();
    let all = app.table.rows.len();
    act(
        &mut app,
        &[
            Action::FilterSchools(1),
            Action::FilterSchools(1),
            Action::FilterSchools(1),
        ],
    );
    assert_eq!(app.filter.min_schools, 3);
    assert!(app.table.rows.len() < all);
    assert!(app
        .table
        .rows
        .iter()
        .all(|&u| app.analysis.units[u].primary_schools.unwrap_or(0) >= 3));
    act(&mut app, &[Action::FilterInhabitants(6)]);
    assert!(app
        .table
        .rows
        .iter()
        .all(|&u| app.analysis.units[u].inhabitants.unwrap_or(0.0) >= 3000.0));
    act(&mut app, &[Action::FilterGemeente]);
    assert!(app.filter.gemeente.is_some());
    act(&mut app, &[Action::FilterClear]);
    assert_eq!(app.table.rows.len(), all);
}

#[test]
fn clicking_a_table_row_selects_it() {
    let mut app = app();
    let body = crate::tui::layout::table_body(crate::tui::update::screen(&app).table);
    act(
        &mut app,
        &[
            Action::Focus(Pane::Map),
            Action::Mouse {
                kind: MouseKind::Down,
                column: body.x + 3,
                row: body.y + 4,
            },
        ],
    );
    assert_eq!(app.focus, Pane::Table);
    assert_eq!(app.table.cursor, Some(4));
}
