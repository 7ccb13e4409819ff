//! A jittered square lattice whose cells are grouped into regions (buurten).
//!
//! Every lattice edge gets its intermediate points from a pure function of
//! the edge itself, so the two regions on either side of a border compute
//! bit-identical coordinates without sharing state: the result is a true
//! tessellation (no slivers, no gaps), which is what the real CBS map is.

use anyhow::{bail, Result};

use super::geom::{MultiPolygon, Polygon, Pt, Ring};
use super::rng::Rng;

/// Region label for cells that belong to no region (outside the map).
pub(crate) const NO_REGION: u32 = u32::MAX;

const NODE_SALT: u64 = 0x6e6f_6465;
const EDGE_SALT: u64 = 0x6564_6765;

/// Maps lattice units to integer world coordinates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// World position of lattice point (0, 0), in world integer units.
    pub origin: [f64; 2],
    /// World integer units per lattice step.
    pub step: [f64; 2],
    /// Decimal places one world integer unit stands for (6 = micro-degrees).
    pub decimals: u32,
    /// Kilometres per world integer unit, for distances.
    pub km_per_unit: [f64; 2],
}

impl Frame {
    pub(crate) fn to_world(self, p: [f64; 2]) -> [f64; 2] {
        [
            self.origin[0] + p[0] * self.step[0],
            self.origin[1] + p[1] * self.step[1],
        ]
    }

    pub(crate) fn snap(&self, p: [f64; 2]) -> Pt {
        let w = self.to_world(p);
        [w[0].round() as i64, w[1].round() as i64]
    }

    pub(crate) fn km(&self, world: [f64; 2]) -> [f64; 2] {
        [
            world[0] * self.km_per_unit[0],
            world[1] * self.km_per_unit[1],
        ]
    }
}

/// Shape parameters of the lattice.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// Maximum node displacement per axis, in cells. Kept well below 0.25 so
    /// the angle between two edges at a node never gets small enough for the
    /// wiggles to cross.
    pub jitter: f64,
    /// Lateral wiggle of an edge, relative to its length.
    pub wiggle: f64,
    /// Inclusive range of intermediate points per lattice edge.
    pub points: (usize, usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Lattice {
    pub nx: usize,
    pub ny: usize,
    pub frame: Frame,
    style: Style,
    seed: u64,
}

impl Lattice {
    pub(crate) fn new(nx: usize, ny: usize, frame: Frame, style: Style, seed: u64) -> Self {
        Self {
            nx,
            ny,
            frame,
            style,
            seed,
        }
    }

    pub(crate) fn cells(&self) -> usize {
        self.nx * self.ny
    }

    pub(crate) fn cell_ij(&self, cell: usize) -> (usize, usize) {
        (cell % self.nx, cell / self.nx)
    }

    pub(crate) fn cell_at(&self, i: usize, j: usize) -> usize {
        j * self.nx + i
    }

    /// The 4-neighbours of a cell that lie on the lattice.
    pub(crate) fn neighbours(&self, cell: usize) -> impl Iterator<Item = usize> + '_ {
        let (i, j) = self.cell_ij(cell);
        let steps: [(isize, isize); 4] = [(0, -1), (1, 0), (0, 1), (-1, 0)];
        steps.into_iter().filter_map(move |(di, dj)| {
            let ni = i.checked_add_signed(di).filter(|&v| v < self.nx)?;
            let nj = j.checked_add_signed(dj).filter(|&v| v < self.ny)?;
            Some(self.cell_at(ni, nj))
        })
    }

    /// Centre of a cell in lattice units (unjittered).
    pub(crate) fn cell_centre(&self, cell: usize) -> [f64; 2] {
        let (i, j) = self.cell_ij(cell);
        [i as f64 + 0.5, j as f64 + 0.5]
    }

    fn node(&self, i: usize, j: usize) -> usize {
        j * (self.nx + 1) + i
    }

    fn node_ij(&self, node: usize) -> (i64, i64) {
        ((node % (self.nx + 1)) as i64, (node / (self.nx + 1)) as i64)
    }

    /// Jittered node position in lattice units.
    fn node_pos(&self, node: usize) -> [f64; 2] {
        let (i, j) = self.node_ij(node);
        let mut rng = Rng::stream(self.seed, NODE_SALT, node as u64);
        let jit = self.style.jitter;
        [
            i as f64 + rng.range(-jit, jit),
            j as f64 + rng.range(-jit, jit),
        ]
    }

    /// A point inside a cell by bilinear interpolation of its jittered
    /// corners; (0.5, 0.5) is the middle. World units, not snapped.
    pub(crate) fn cell_point(&self, cell: usize, s: f64, t: f64) -> [f64; 2] {
        let (i, j) = self.cell_ij(cell);
        let c = [
            self.node_pos(self.node(i, j)),
            self.node_pos(self.node(i + 1, j)),
            self.node_pos(self.node(i + 1, j + 1)),
            self.node_pos(self.node(i, j + 1)),
        ];
        let lerp =
            |a: [f64; 2], b: [f64; 2], u: f64| [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
        let p = lerp(lerp(c[0], c[1], s), lerp(c[3], c[2], s), t);
        self.frame.to_world(p)
    }

    /// Intermediate points of the edge between nodes `a < b`, from a to b.
    fn edge_interior(&self, a: usize, b: usize) -> Vec<Pt> {
        let key = ((a as u64) << 32) | b as u64;
        let mut rng = Rng::stream(self.seed, EDGE_SALT, key);
        let (lo, hi) = self.style.points;
        let n = lo + rng.below(hi - lo + 1);
        // A few sine harmonics that vanish at both ends: the edge bends
        // smoothly, like a street or a ditch, and meets its nodes cleanly.
        let amps = [
            rng.range(-0.6, 0.6),
            rng.range(-0.25, 0.25),
            rng.range(-0.15, 0.15),
        ];
        let (pa, pb) = (self.node_pos(a), self.node_pos(b));
        let d = [pb[0] - pa[0], pb[1] - pa[1]];
        let step = 1.0 / (n as f64 + 1.0);
        let ends = [self.frame.snap(pa), self.frame.snap(pb)];
        let mut out: Vec<Pt> = Vec::with_capacity(n);
        for k in 1..=n {
            let t = k as f64 * step + rng.range(-0.3, 0.3) * step;
            let bend: f64 = amps
                .iter()
                .enumerate()
                .map(|(m, a)| a * ((m as f64 + 1.0) * std::f64::consts::PI * t).sin())
                .sum::<f64>()
                * self.style.wiggle;
            let p = [
                pa[0] + d[0] * t - d[1] * bend,
                pa[1] + d[1] * t + d[0] * bend,
            ];
            let snapped = self.frame.snap(p);
            // Snapping may merge close points; a repeated vertex would be a
            // zero-length segment.
            if out.last().unwrap_or(&ends[0]) != &snapped && snapped != ends[1] {
                out.push(snapped);
            }
        }
        out
    }

    /// Appends the start node and the interior of a directed edge.
    fn push_edge(&self, from: usize, to: usize, ring: &mut Ring) {
        ring.push(self.frame.snap(self.node_pos(from)));
        if from < to {
            ring.extend(self.edge_interior(from, to));
        } else {
            ring.extend(self.edge_interior(to, from).into_iter().rev());
        }
    }

    /// The outline of the cells labelled `label` (listed in `cells`) as a
    /// multipolygon with shells counter-clockwise and holes clockwise.
    pub(crate) fn trace(
        &self,
        labels: &[u32],
        label: u32,
        cells: &[usize],
    ) -> Result<MultiPolygon> {
        let edges = self.boundary_edges(labels, label, cells);
        let rings = self
            .link_rings(&edges)
            .into_iter()
            .flat_map(split_at_repeats)
            .collect();
        let polygons = self.nest_rings(rings)?;
        Ok(polygons
            .into_iter()
            .map(|rings| {
                rings
                    .iter()
                    .map(|r| self.ring_world(r))
                    .collect::<Polygon>()
            })
            .collect())
    }

    /// Directed cell sides with the region on their left.
    fn boundary_edges(&self, labels: &[u32], label: u32, cells: &[usize]) -> Vec<(usize, usize)> {
        let outside = |i: isize, j: isize| {
            i < 0
                || j < 0
                || i as usize >= self.nx
                || j as usize >= self.ny
                || labels[self.cell_at(i as usize, j as usize)] != label
        };
        let mut edges = Vec::with_capacity(cells.len() * 4);
        for &cell in cells {
            let (i, j) = self.cell_ij(cell);
            let (si, sj) = (i as isize, j as isize);
            let sw = self.node(i, j);
            let se = self.node(i + 1, j);
            let ne = self.node(i + 1, j + 1);
            let nw = self.node(i, j + 1);
            let sides = [
                (outside(si, sj - 1), sw, se),
                (outside(si + 1, sj), se, ne),
                (outside(si, sj + 1), ne, nw),
                (outside(si - 1, sj), nw, sw),
            ];
            edges.extend(sides.into_iter().filter(|s| s.0).map(|s| (s.1, s.2)));
        }
        edges
    }

    /// Chains directed edges into rings of node ids. Where a region touches
    /// itself at a corner, the sharpest left turn is taken: each ring then
    /// hugs one cell corner, so rings may touch at that node but never cross.
    /// (Where the region surrounds the corner instead, one ring passes the
    /// node twice; `split_at_repeats` separates it.)
    fn link_rings(&self, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
        let mut by_from: Vec<usize> = (0..edges.len()).collect();
        by_from.sort_by_key(|&e| edges[e].0);
        let dir = |e: usize| {
            let (a, b) = (self.node_ij(edges[e].0), self.node_ij(edges[e].1));
            (b.0 - a.0, b.1 - a.1)
        };
        let next = |e: usize| {
            let node = edges[e].1;
            let start = by_from.partition_point(|&c| edges[c].0 < node);
            let end = by_from.partition_point(|&c| edges[c].0 <= node);
            let d_in = dir(e);
            by_from[start..end].iter().copied().max_by_key(|&c| {
                let d = dir(c);
                let cross = d_in.0 * d.1 - d_in.1 * d.0;
                let dot = d_in.0 * d.0 + d_in.1 * d.1;
                2 * cross + dot
            })
        };
        let mut used = vec![false; edges.len()];
        let mut rings = Vec::new();
        for first in 0..edges.len() {
            let mut ring = Vec::new();
            let mut cur = Some(first);
            while let Some(e) = cur.filter(|&e| !used[e]) {
                used[e] = true;
                ring.push(edges[e].0);
                cur = next(e);
            }
            if !ring.is_empty() {
                rings.push(ring);
            }
        }
        rings
    }

    /// Groups rings into polygons: each clockwise ring becomes a hole of the
    /// smallest counter-clockwise ring around it. Works on integer lattice
    /// coordinates, so the test is exact.
    fn nest_rings(&self, rings: Vec<Vec<usize>>) -> Result<Vec<Vec<Vec<usize>>>> {
        let lattice_ring = |r: &[usize]| -> Ring {
            let mut pts: Ring = r
                .iter()
                .map(|&n| self.node_ij(n))
                .map(|(i, j)| [i, j])
                .collect();
            pts.extend(pts.first().copied());
            pts
        };
        let (mut shells, mut holes) = (Vec::new(), Vec::new());
        for ring in rings {
            let pts = lattice_ring(&ring);
            let area = super::geom::ring_area2(&pts);
            if area > 0 {
                shells.push((area, pts, vec![ring]));
            } else {
                holes.push((pts, ring));
            }
        }
        for (pts, ring) in holes {
            // The middle of a lattice edge lies on no other ring.
            let probe = [
                (pts[0][0] + pts[1][0]) as f64 / 2.0,
                (pts[0][1] + pts[1][1]) as f64 / 2.0,
            ];
            let owner = shells
                .iter_mut()
                .filter(|s| super::geom::in_ring(probe, &s.1))
                .min_by_key(|s| s.0);
            match owner {
                Some(shell) => shell.2.push(ring),
                None => bail!("lattice hole without a surrounding shell (generator bug)"),
            }
        }
        Ok(shells.into_iter().map(|s| s.2).collect())
    }

    fn ring_world(&self, nodes: &[usize]) -> Ring {
        let mut ring = Ring::new();
        for (k, &from) in nodes.iter().enumerate() {
            self.push_edge(from, nodes[(k + 1) % nodes.len()], &mut ring);
        }
        ring.extend(ring.first().copied());
        ring
    }
}

/// Splits a ring that passes a node more than once into simple rings, as
/// OGC validity wants: a hole touching its shell at one point is a separate
/// ring, not a pinched part of the shell.
fn split_at_repeats(ring: Vec<usize>) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::with_capacity(ring.len());
    for node in ring {
        if let Some(p) = stack.iter().position(|&n| n == node) {
            out.push(stack.split_off(p));
        }
        stack.push(node);
    }
    out.push(stack);
    out
}
