//! Every draw's weights (and normalisation method), generated up front and
//! in order from one seeded generator, so results do not depend on threads.

use crate::domain::profile::MonteCarlo;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Gamma};

/// The weights (and method) of every draw, generated up front from the seed.
pub(super) struct DrawPlan {
    m: usize,
    weights: Vec<f64>,
    pub(super) methods: Vec<u8>,
}

impl DrawPlan {
    pub(super) fn generate(base: &[f64], settings: &MonteCarlo, n_methods: usize) -> DrawPlan {
        let m = base.len();
        let total: f64 = base.iter().sum();
        let centre: Vec<f64> = base.iter().map(|w| w / total).collect();
        let gammas: Vec<Option<Gamma<f64>>> = centre
            .iter()
            .map(|&c| {
                if c > 0.0 {
                    Gamma::new(settings.concentration * c, 1.0).ok()
                } else {
                    None
                }
            })
            .collect();
        let mut rng = StdRng::seed_from_u64(settings.seed);
        let mut weights = Vec::with_capacity(settings.draws * m);
        let mut methods = Vec::with_capacity(settings.draws);
        let mut w = vec![0.0; m];
        for _ in 0..settings.draws {
            let method = if n_methods > 1 {
                rng.random_range(0..n_methods)
            } else {
                0
            };
            methods.push(method as u8);
            dirichlet(&gammas, &centre, &mut rng, &mut w);
            weights.extend_from_slice(&w);
        }
        DrawPlan {
            m,
            weights,
            methods,
        }
    }

    pub(super) fn draw(&self, d: usize) -> (usize, &[f64]) {
        (
            self.methods[d] as usize,
            &self.weights[d * self.m..(d + 1) * self.m],
        )
    }
}

/// One Dirichlet draw: normalised independent Gamma(alpha_i, 1) samples.
fn dirichlet(gammas: &[Option<Gamma<f64>>], centre: &[f64], rng: &mut StdRng, out: &mut [f64]) {
    // With tiny alphas every sample can underflow to 0; retry a few times,
    // then fall back to the centre rather than divide by zero.
    for _ in 0..16 {
        let mut sum = 0.0;
        for (o, g) in out.iter_mut().zip(gammas) {
            *o = g.as_ref().map_or(0.0, |g| g.sample(rng));
            sum += *o;
        }
        if sum > 0.0 && sum.is_finite() {
            out.iter_mut().for_each(|o| *o /= sum);
            return;
        }
    }
    out.copy_from_slice(centre);
}
