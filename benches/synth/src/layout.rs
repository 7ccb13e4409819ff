//! Who is where: gemeenten, wijken and buurten, and which lattice cells
//! each buurt covers. Geometry and figures are derived from this.

use super::lattice::{Lattice, NO_REGION};

/// What kind of buurt, which decides its geometry and its quirks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Regular,
    /// Very few inhabitants, so published figures get suppressed.
    Small,
    /// Open water: `water = JA`, nobody lives there.
    Lake,
    /// Has a hole that another buurt (the island) fills.
    Holed,
    /// Fills the hole of the holed buurt; also small.
    Island,
    /// Two parts separated by water: a MultiPolygon.
    Split,
    /// New buurt: in the map with `"geometry": null`, figures partly pending.
    Unmapped,
    /// Old code that only the statistics still carry; not on the map.
    Retired,
}

impl Kind {
    pub(crate) fn on_map(self) -> bool {
        self != Kind::Retired
    }

    pub(crate) fn has_shape(self) -> bool {
        !matches!(self, Kind::Unmapped | Kind::Retired)
    }

    pub(crate) fn is_water(self) -> bool {
        self == Kind::Lake
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Gemeente {
    pub code: String,
    pub name: String,
    pub wijken: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Wijk {
    pub code: String,
    pub name: String,
    pub gemeente: usize,
    pub buurten: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Buurt {
    pub code: String,
    pub name: String,
    pub wijk: usize,
    pub kind: Kind,
    pub cells: Vec<usize>,
    /// Representative position in lattice units: the mean cell centre, or
    /// a chosen spot for buurten without cells.
    pub anchor: [f64; 2],
    /// 0 = rural edge .. 1 = dense centre; drives population and housing.
    pub urbanity: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub lattice: Lattice,
    /// Per cell: index into `buurten`, or NO_REGION outside the map.
    pub labels: Vec<u32>,
    pub gemeenten: Vec<Gemeente>,
    pub wijken: Vec<Wijk>,
    pub buurten: Vec<Buurt>,
    /// Inhabitants per km² of a regular buurt at urbanity 0, and the extra
    /// at urbanity 1 (the sample's small cells need a steeper curve than
    /// the national set's rural-sized ones).
    pub density: [f64; 2],
}

impl Layout {
    /// Fills the derived indexes (labels, wijk and gemeente membership)
    /// from the buurten, which must already be in code order.
    pub(crate) fn index(&mut self) {
        self.labels = vec![NO_REGION; self.lattice.cells()];
        for w in &mut self.wijken {
            w.buurten.clear();
        }
        for g in &mut self.gemeenten {
            g.wijken.clear();
        }
        for (b, buurt) in self.buurten.iter().enumerate() {
            for &c in &buurt.cells {
                self.labels[c] = b as u32;
            }
            self.wijken[buurt.wijk].buurten.push(b);
        }
        for (w, wijk) in self.wijken.iter().enumerate() {
            self.gemeenten[wijk.gemeente].wijken.push(w);
        }
    }

    /// Mean cell centre in lattice units.
    pub(crate) fn centroid(lattice: &Lattice, cells: &[usize]) -> [f64; 2] {
        let n = cells.len().max(1) as f64;
        let sum = cells
            .iter()
            .map(|&c| lattice.cell_centre(c))
            .fold([0.0, 0.0], |a, p| [a[0] + p[0], a[1] + p[1]]);
        [sum[0] / n, sum[1] / n]
    }
}
