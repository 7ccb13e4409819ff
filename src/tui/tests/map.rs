//! The map: zoom, pan, clicks and drags, outlines, missing boundaries.

use super::*;

#[test]
fn zooms_and_pans_the_map() {
    let mut app = app();
    let c0 = app.map.center;
    act(&mut app, &[Action::Zoom(1)]);
    assert!((app.map.zoom - 1.5).abs() < 1e-9);
    act(&mut app, &[Action::Pan { dx: 1, dy: 0 }]);
    assert!(app.map.center.0 > c0.0);
    act(&mut app, &[Action::Pan { dx: 0, dy: 1 }]);
    assert!(app.map.center.1 > c0.1);
    act(&mut app, &[Action::ZoomReset]);
    assert_eq!(app.map.zoom, 1.0);
    assert_eq!(app.map.center, c0);
    act(&mut app, &[Action::ToggleSchools]);
    assert!(!app.map.schools);
}

/// The screen cell at the middle of a unit on the map.
fn cell_of(app: &App, u: usize) -> (u16, u16) {
    let vp = viewport(app).unwrap();
    let s = crate::tui::update::screen(app);
    let canvas = crate::tui::layout::map_canvas(s.pane(Pane::Map).unwrap());
    let a = app.analysis.members[u][0];
    let g = app.ds.areas[a].geometry.as_ref().unwrap();
    use geo::InteriorPoint;
    let p = g.interior_point().unwrap();
    let (x, y) = (p.x() - app.geo.origin.0, p.y() - app.geo.origin.1);
    let col = ((x - vp.left) / vp.mpd / 2.0).floor() as u16;
    let row = ((vp.top - y) / vp.mpd / 4.0).floor() as u16;
    (canvas.x + col, canvas.y + row)
}

#[test]
fn clicking_the_map_selects_the_unit() {
    let mut app = app();
    act(&mut app, &[Action::Zoom(1), Action::Zoom(1)]);
    let target = unit(&app, "Boterbloem");
    app.map.center = {
        let b = app.geo.unit_bbox[target].unwrap();
        (f64::from(b[0] + b[2]) / 2.0, f64::from(b[1] + b[3]) / 2.0)
    };
    let (column, row) = cell_of(&app, target);
    act(
        &mut app,
        &[
            Action::Mouse {
                kind: MouseKind::Down,
                column,
                row,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column,
                row,
            },
        ],
    );
    assert_eq!(app.selected, target);
    assert_eq!(app.focus, Pane::Map);
    assert_eq!(app.table.rows[app.table.cursor.unwrap()], target);
}

#[test]
fn dragging_pans_and_the_wheel_zooms_at_the_pointer() {
    let mut app = app();
    let s = crate::tui::update::screen(&app);
    let canvas = crate::tui::layout::map_canvas(s.pane(Pane::Map).unwrap());
    let (c, r) = (canvas.x + 10, canvas.y + 5);
    let sel = app.selected;
    let c0 = app.map.center;
    act(
        &mut app,
        &[
            Action::Mouse {
                kind: MouseKind::Down,
                column: c,
                row: r,
            },
            Action::Mouse {
                kind: MouseKind::Drag,
                column: c + 4,
                row: r,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column: c + 4,
                row: r,
            },
        ],
    );
    assert!(
        app.map.center.0 < c0.0,
        "dragging right moves the view west"
    );
    assert_eq!(app.selected, sel, "a drag is not a click");
    let vp = viewport(&app).unwrap();
    let before = vp.cell_to_world(10, 5);
    act(
        &mut app,
        &[Action::Mouse {
            kind: MouseKind::ScrollUp,
            column: c,
            row: r,
        }],
    );
    assert!(app.map.zoom > 1.0);
    let after = viewport(&app).unwrap().cell_to_world(10, 5);
    assert!((before.0 - after.0).abs() < vp.mpd * 2.0);
    assert!((before.1 - after.1).abs() < vp.mpd * 4.0);
}

#[test]
fn wijk_units_draw_as_their_buurten_outline() {
    let s = sample();
    let mut profile = Profile::smartstart().unwrap();
    profile.pilot.rule = crate::domain::pilot::PilotRule::Wijk;
    let mut app = App::new(
        s.ds.clone(),
        s.inputs.clone(),
        profile,
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    act(
        &mut app,
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    let multi = (0..app.analysis.units.len())
        .find(|&u| app.analysis.members[u].len() > 1)
        .unwrap();
    // Inner borders cancel: the outline is shorter than all member rings.
    let lod = app.geo.levels.last().unwrap();
    let rings: usize = app.analysis.members[multi]
        .iter()
        .flat_map(|&a| lod.rings_of(a))
        .map(<[[f32; 2]]>::len)
        .sum();
    let outline = lod.outlines[multi].len();
    assert!(outline > 0 && outline < rings, "{outline} of {rings}");
    // A click on any member buurt selects the wijk.
    let target = app.analysis.members[multi][1];
    let unit_of = app.geo.area_unit[target].unwrap() as usize;
    assert_eq!(unit_of, multi);
    let (column, row) = {
        app.map.center = {
            let b = app.geo.area_bbox[target].unwrap();
            (f64::from(b[0] + b[2]) / 2.0, f64::from(b[1] + b[3]) / 2.0)
        };
        let vp = viewport(&app).unwrap();
        let canvas = crate::tui::layout::map_canvas(
            crate::tui::update::screen(&app).pane(Pane::Map).unwrap(),
        );
        use geo::InteriorPoint;
        let p = app.ds.areas[target]
            .geometry
            .as_ref()
            .unwrap()
            .interior_point()
            .unwrap();
        let (x, y) = (p.x() - app.geo.origin.0, p.y() - app.geo.origin.1);
        (
            canvas.x + ((x - vp.left) / vp.mpd / 2.0).floor() as u16,
            canvas.y + ((vp.top - y) / vp.mpd / 4.0).floor() as u16,
        )
    };
    act(
        &mut app,
        &[
            Action::Mouse {
                kind: MouseKind::Down,
                column,
                row,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column,
                row,
            },
        ],
    );
    assert_eq!(app.selected, multi);
    let screen = draw(&app);
    assert!(screen.contains(&app.analysis.units[multi].name));
}

#[test]
fn runs_without_boundaries() {
    // Indicators only: no map to draw, everything else works.
    let s = sample();
    let inputs = Inputs {
        boundaries: None,
        schools: None,
        ..s.inputs.clone()
    };
    let ds = load(&inputs).unwrap();
    let mut app = App::new(
        ds,
        inputs,
        Profile::smartstart().unwrap(),
        Lang::Nl,
        Theme { color: true },
    )
    .unwrap();
    act(
        &mut app,
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    assert!(app.geo.drawn.is_empty());
    act(
        &mut app,
        &[
            Action::Zoom(1),
            Action::Pan { dx: 1, dy: 1 },
            Action::Mouse {
                kind: MouseKind::Down,
                column: 90,
                row: 10,
            },
            Action::Mouse {
                kind: MouseKind::Up,
                column: 90,
                row: 10,
            },
        ],
    );
    let screen = draw(&app);
    assert!(screen.contains("2 Kaart"));
}

#[test]
fn m_colours_the_map_by_each_profile_indicator_then_the_score_again() {
    let mut app = app();
    let score_classes = app.classes.clone();
    act(&mut app, &[Action::Focus(Pane::Map), Action::MapColour(1)]);
    let first = app.analysis.prepared.indicators()[0].clone();
    let j = app
        .analysis
        .column_ids
        .iter()
        .position(|c| *c == first)
        .unwrap();
    assert_eq!(app.map.colour, Some(j as u16));
    let values = &app.analysis.columns[j];
    // Classes follow the indicator: a higher value never gets a lower class.
    let mut pairs: Vec<(f64, u8)> = values
        .iter()
        .zip(&app.classes.of_unit)
        .filter_map(|(v, c)| Some(((*v)?, (*c)?)))
        .collect();
    assert!(pairs.len() > 10);
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(pairs.windows(2).all(|w| w[0].1 <= w[1].1));
    assert_ne!(app.classes, score_classes);
    let screen = draw(&app);
    let head: String = app.indicator_label(&first).chars().take(8).collect();
    assert!(screen.contains(&head), "{screen}");
    // A re-rank keeps the colouring.
    act(
        &mut app,
        &[Action::Focus(Pane::Weights), Action::WeightStep(1.0)],
    );
    assert_eq!(app.map.colour, Some(j as u16));
    assert_ne!(app.classes, crate::tui::rows::Classes::of(&app.analysis));
    // Back past the start: the score again.
    act(&mut app, &[Action::MapColour(-1)]);
    assert_eq!(app.map.colour, None);
    assert_eq!(app.classes, crate::tui::rows::Classes::of(&app.analysis));
    let n = app.analysis.prepared.indicators().len() as i32;
    act(&mut app, &[Action::MapColour(-1)]);
    assert!(app.map.colour.is_some());
    act(&mut app, &[Action::MapColour(1)]);
    assert_eq!(app.map.colour, None, "wraps after {n} indicators");
}

#[test]
fn snapshot_map_coloured_by_an_indicator() {
    let mut app = app();
    act(&mut app, &[Action::Focus(Pane::Map), Action::MapColour(1)]);
    insta::assert_snapshot!(draw(&app));
}

fn centre(app: &App, u: usize) -> (f64, f64) {
    let b = app.geo.unit_bbox[u].unwrap();
    (
        (f64::from(b[0]) + f64::from(b[2])) / 2.0,
        (f64::from(b[1]) + f64::from(b[3])) / 2.0,
    )
}

#[test]
fn shift_hjkl_walk_to_the_neighbour_in_that_direction() {
    let mut app = app();
    go_to(&mut app, "Havenkwartier");
    for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
        go_to(&mut app, "Havenkwartier");
        let from = app.selected;
        let (x0, y0) = centre(&app, from);
        act(&mut app, &[Action::Neighbour { dx, dy }]);
        if app.selected == from {
            // Only the edge of the map has no neighbour; it says so.
            assert!(app.status.clone().unwrap().text.contains("Geen buurman"));
            continue;
        }
        let (x1, y1) = centre(&app, app.selected);
        let along = (x1 - x0) * f64::from(dx) + (y1 - y0) * f64::from(dy);
        assert!(along > 0.0, "({dx},{dy}) went the wrong way");
        // A neighbour: its box touches the box it came from.
        let (a, b) = (
            app.geo.unit_bbox[from].unwrap(),
            app.geo.unit_bbox[app.selected].unwrap(),
        );
        let m = 0.02 * (a[2] - a[0]).max(a[3] - a[1]);
        assert!(b[0] <= a[2] + m && b[2] >= a[0] - m && b[1] <= a[3] + m && b[3] >= a[1] - m);
    }
    // Walking east then west comes back within a few steps somewhere near.
    let start = app.selected;
    act(&mut app, &[Action::Neighbour { dx: 1, dy: 0 }]);
    assert_ne!(
        app.selected, start,
        "the sample's middle has an east neighbour"
    );
}

#[test]
fn names_show_on_the_map_once_they_fit() {
    let mut app = app_with(Lang::Nl, true, 200, 60);
    go_to(&mut app, "Havenkwartier");
    let whole = draw(&app);
    let u = app.selected;
    let (cx, cy) = centre(&app, u);
    app.map.center = (cx, cy);
    act(&mut app, &[Action::Zoom(5)]);
    let zoomed = draw(&app);
    let r =
        crate::tui::layout::map_canvas(crate::tui::update::screen(&app).pane(Pane::Map).unwrap());
    let map_text = |screen: &str| {
        screen
            .lines()
            .skip(usize::from(r.y))
            .take(usize::from(r.height))
            .map(|l| {
                l.trim_matches('"')
                    .chars()
                    .skip(usize::from(r.x))
                    .take(usize::from(r.width))
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        !map_text(&whole).contains("Havenkwartier"),
        "the whole map has no room for names"
    );
    let z = map_text(&zoomed);
    assert!(z.contains("Havenkwartier"), "{z}");
    // Further in, its schools by name beside their dots.
    act(&mut app, &[Action::Zoom(2)]);
    let z = map_text(&draw(&app));
    let school = app
        .ds
        .schools
        .iter()
        .find(|s| s.primary && s.area.is_some_and(|a| app.analysis.members[u].contains(&a)))
        .unwrap();
    assert!(z.contains(&school.name), "{z}");
}

#[test]
fn the_detail_lists_the_units_schools() {
    let mut app = app_with(Lang::Nl, true, 120, 40);
    go_to(&mut app, "Havenkwartier");
    let u = app.selected;
    let n = app.analysis.units[u].primary_schools.unwrap() as usize;
    assert!(n > 0);
    act(
        &mut app,
        &[Action::Focus(Pane::Detail), Action::Scroll(400)],
    );
    let screen = draw(&app);
    assert!(
        screen.contains(&format!("Scholen in deze eenheid ({n})")),
        "{screen}"
    );
}

#[test]
fn c_on_the_map_shows_lisa_clusters_that_follow_the_weights() {
    let mut app = app();
    act(&mut app, &[Action::Focus(Pane::Map), Action::ToggleLisa]);
    let l = app
        .lisa
        .clone()
        .expect("the sample has neighbours and scores");
    assert!(l.global().is_some());
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("Moran"), "{status}");
    // The map's classes are the LISA classes, unit by unit.
    use crate::domain::lisa::LisaClass as C;
    for (u, m) in l.local.iter().enumerate() {
        let want = match m.class {
            C::HighHigh => Some(0),
            C::LowLow => Some(1),
            C::LowHigh => Some(2),
            C::HighLow => Some(3),
            C::NotSignificant => Some(4),
            _ => None,
        };
        assert_eq!(app.classes.of_unit[u], want, "unit {u}");
    }
    assert!(
        l.local.iter().any(|m| m.class == C::HighHigh),
        "the sample's deprived south is a hot spot"
    );
    assert!(draw(&app).contains("hoog-hoog"));
    // A new ranking gives new clusters, computed on the new scores.
    let j = weight_index(&app, "woz_mean");
    app.weight_cursor = j;
    act(&mut app, &[Action::WeightStep(40.0)]);
    let again = app.analysis.lisa_of(&app.map_values()).unwrap();
    assert_eq!(app.lisa.as_ref().unwrap(), &again);
    act(&mut app, &[Action::ToggleLisa]);
    assert!(app.lisa.is_none());
    assert!(!draw(&app).contains("hoog-hoog"));
}

#[test]
fn snapshot_map_lisa() {
    let mut app = app();
    act(&mut app, &[Action::Focus(Pane::Map), Action::ToggleLisa]);
    insta::assert_snapshot!(draw(&app));
}
