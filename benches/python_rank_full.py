"""The whole `buurtradar rank` job as a capable geopandas + numpy user would
script it, for the "same work" timing in benches/vs_python.sh. On top of
what benches/python_rank.py does (read, spatial join, indicators, z-scores,
weights, eligibility, sort) it does what `rank` does besides:

- the profile's normalisation: direction, winsorising at the 5th/95th
  percentile of the reference set (numpy's default "linear" quantile),
  z-scores with the population standard deviation, renormalised weights
  over the indicators a buurt has, and the 70% weight-coverage rule;
- primary schools only (kinds basisschool and SBAO) for the school rule;
- Monte Carlo over the weights: 1,000 Dirichlet draws around the profile's
  weights (alpha_i = 50 * w_i / sum w), each re-scoring and re-ranking
  every ranked buurt; per buurt the nearest-rank median, 5% and 95% rank
  and, for eligible buurten, the share of draws in the top k (p_top_k);
  overall the share of draws with the base shortlist;
- queen contiguity from shared vertices snapped to 0.1 m (two shared
  vertices are an edge, one a corner; both count), the way libpysal's
  vertex-based Queen does it;
- local Moran's I of the score (row-standardised weights) with 999
  conditional permutations as esda does them (one set of random draws
  shared by all buurten, folded pseudo p-value, HH/LL/HL/LH at 0.05).

Everything runs in bulk numpy: no Python loop over buurten or draws. The
only loops are over Monte Carlo chunks of draws (to bound memory), over
the few distinct offsets within a vertex group, over the slots of the
permutation sampler, and over the few distinct neighbour counts in the LISA.

    python3 benches/python_rank_full.py BOUNDARIES KERNCIJFERS KWB SCHOOLS OUT.csv
"""

import os
import sys

import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from python_rank import (  # noqa: E402
    WEIGHTS,
    code_column,
    indicators,
    read_layer,
    school_counts,
)

# The default profile (profiles/smartstart.toml) beyond the weights.
WINSORIZE = 0.05
MIN_COVERAGE = 0.7
TOP_K = 3
MIN_SCHOOLS = 3
MIN_INHABITANTS = 200
PRIMARY_KINDS = {"basisschool", "sbao"}
DRAWS = 1000
CONCENTRATION = 50.0
SEED = 20240501
PERMUTATIONS = 999
ALPHA = 0.05
SNAP = 10.0  # vertices snapped to 0.1 m
CHUNK = 100  # Monte Carlo draws scored per matrix product


def load(boundaries, kerncijfers, kwb, schools):
    buurten = read_layer(boundaries)
    buurten = buurten.rename(columns={code_column(buurten): "code"})
    water_col = next((c for c in buurten.columns if c.lower() == "water"), None)
    water = (
        buurten[water_col].astype(str).str.strip().str.upper().eq("JA")
        if water_col
        else pd.Series(False, index=buurten.index)
    )
    scholen = read_layer(schools)
    if "type" in scholen:
        kind = scholen["type"].astype(str).str.strip().str.lower()
        scholen = scholen[kind.isin(PRIMARY_KINDS)]
    counts = school_counts(scholen, buurten[["code", "geometry"]])
    df = (
        buurten[["code"]]
        .merge(indicators(kerncijfers, kwb), on="code", how="left")
        .merge(counts, left_on="code", right_index=True, how="left")
    )
    df["schools"] = df["schools"].fillna(0).astype(int)
    # As buurtradar derives it: over the kerncijfers' inhabitants (the first
    # file that gives "inhabitants" wins), not the kwb table's own count.
    df["low_education_pct"] = df["low_education"] / df["inhabitants"] * 100
    df["water"] = water.to_numpy()
    return buurten.geometry.to_numpy(), df


def base_scores(df):
    """The indicators that take part, their weights, the normalised matrix
    (NaN = missing), the score (NaN = not ranked), the weight coverage, who is
    ranked and who is in scope."""
    present = [(i, wt, d) for i, wt, d in WEIGHTS if i in df]
    # Scope = reference set: not water, not uninhabited.
    inh = df["inhabitants"].to_numpy(float)
    scope = ~df["water"].to_numpy() & ~(inh <= 0)
    ids, weights, cols = [], [], []
    for ind, wt, d in present:
        v = d * df[ind].to_numpy(float)
        v[~np.isfinite(v)] = np.nan
        ref = v[scope & ~np.isnan(v)]
        if ref.size == 0:
            continue
        lo, hi = np.quantile(ref, [WINSORIZE, 1 - WINSORIZE])
        v = np.clip(v, lo, hi)
        ref = np.clip(ref, lo, hi)
        mean, sd = ref.mean(), ref.std()
        flat = np.where(np.isnan(v), np.nan, 0.0)
        cols.append((v - mean) / sd if sd > 0 else flat)
        ids.append(ind)
        weights.append(float(wt))
    z = np.column_stack(cols)
    w = np.array(weights)
    has = ~np.isnan(z)
    available = has @ w
    coverage = available / w.sum()
    ranked = (available > 0) & (coverage + 1e-12 >= MIN_COVERAGE)
    num = np.where(has, z, 0.0) @ w
    score = np.where(ranked, num / np.where(available > 0, available, 1), np.nan)
    return ids, w, z, score, coverage, ranked, scope


def dirichlet_weights(w, rng):
    centre = w / w.sum()
    alpha = CONCENTRATION * centre
    g = np.zeros((DRAWS, len(w)))
    pos = alpha > 0
    g[:, pos] = rng.standard_gamma(alpha[pos], size=(DRAWS, pos.sum()))
    s = g.sum(1, keepdims=True)
    return np.where(s > 0, g / np.where(s > 0, s, 1), centre)


def monte_carlo(z, w, ranked, eligible, codes, base_short, rng):
    """Per ranked unit the rank spread, per eligible unit p_top_k, and the
    share of draws with the base shortlist. Units are taken in code order so
    that a stable sort breaks ties by code, as the base ranking does."""
    r_idx = np.flatnonzero(ranked)
    r_idx = r_idx[np.argsort(codes[r_idx], kind="stable")]
    zr = np.nan_to_num(z[r_idx], nan=0.0)
    pr = (~np.isnan(z[r_idx])).astype(float)
    elig_local = np.flatnonzero(eligible[r_idx])
    # Base shortlist as positions in elig_local.
    pos_of = np.full(len(z), -1)
    pos_of[r_idx[elig_local]] = np.arange(len(elig_local))
    short = np.sort(pos_of[base_short])
    k = min(TOP_K, len(elig_local))
    n_r = len(r_idx)
    W = dirichlet_weights(w, rng)
    ranks = np.empty((DRAWS, n_r), dtype=np.uint16 if n_r < 65535 else np.uint32)
    topk = np.zeros(n_r, dtype=np.int64)
    same = 0
    arange = np.arange(1, n_r + 1, dtype=ranks.dtype)
    for d0 in range(0, DRAWS, CHUNK):
        Wc = W[d0 : d0 + CHUNK]
        num = Wc @ zr.T
        den = Wc @ pr.T
        s = np.where(den > 0, num / np.where(den > 0, den, 1), -np.inf)
        order = np.argsort(-s, axis=1, kind="stable")
        np.put_along_axis(ranks[d0 : d0 + CHUNK], order, arange[None, :], axis=1)
        e_order = np.argsort(-s[:, elig_local], axis=1, kind="stable")[:, :k]
        np.add.at(topk, elig_local[e_order].ravel(), 1)
        same += int((np.sort(e_order, axis=1) == short[None, :]).all(1).sum())
    # Nearest rank: the q-quantile is the ceil(q * D)-th smallest.
    kth = [int(np.ceil(q * DRAWS)) - 1 for q in (0.5, 0.05, 0.95)]
    part = np.partition(ranks, kth, axis=0)
    spread = {name: part[i] for name, i in zip(("median", "p05", "p95"), kth)}
    return r_idx, spread, topk / DRAWS, same / DRAWS


def distinct(a):
    """Sorted distinct values and their counts. (np.unique is far slower on
    millions of int64 keys with this numpy; a sort and a diff are not.)"""
    a = np.sort(a)
    first = np.ones(len(a), bool)
    first[1:] = a[1:] != a[:-1]
    starts = np.flatnonzero(first)
    return a[starts], np.diff(np.append(starts, len(a)))


def queen(geoms, n):
    """Queen neighbour lists (CSR: starts, neighbours) and the shared-vertex
    count per pair, from vertices snapped to 0.1 m, as libpysal's vertex
    Queen does: a vertex shared by two buurten makes them neighbours."""
    xy, unit = shapely.get_coordinates(geoms, return_index=True)
    s = xy * SNAP
    # Halves away from zero, as buurtradar rounds (np.rint rounds to even).
    t = np.trunc(s)
    frac = s - t
    snapped = (t + (frac >= 0.5) - (frac <= -0.5)).astype(np.int64)
    kx = snapped[:, 0] - snapped[:, 0].min()
    ky = snapped[:, 1] - snapped[:, 1].min()
    vkey = kx * (int(ky.max()) + 1) + ky
    # One (vertex, unit) entry each: rings repeat their first vertex.
    if (int(vkey.max()) + 1) * n < 2**62:
        uk, _ = distinct(vkey * n + unit)
        vk, un = uk // n, uk % n
    else:
        o = np.lexsort((unit, vkey))
        vk, un = vkey[o], unit[o]
        keep = np.ones(len(vk), bool)
        keep[1:] = (vk[1:] != vk[:-1]) | (un[1:] != un[:-1])
        vk, un = vk[keep], un[keep]
    pairs = []
    d = 1
    while True:
        same = vk[d:] == vk[:-d]
        if not same.any():
            break
        pairs.append(un[:-d][same] * n + un[d:][same])  # sorted: un[:-d] < un[d:]
        d += 1
    codes, shared = distinct(np.concatenate(pairs))
    a, b = codes // n, codes % n
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    o = np.lexsort((dst, src))
    src, dst = src[o], dst[o]
    starts = np.searchsorted(src, np.arange(n + 1))
    edges = int((shared >= 2).sum())
    return starts, dst, edges, len(shared) - edges


def sample_without_replacement(n, k, rows, rng):
    """`rows` independent uniform random k-subsets of range(n), each in
    random order (Floyd's algorithm run on all rows at once, then shuffled)."""
    out = np.empty((rows, k), dtype=np.int64)
    r = np.arange(rows)
    for c, j in enumerate(range(n - k, n)):
        t = rng.integers(0, j + 1, size=rows)
        taken = (out[:, :c] == t[:, None]).any(1)
        out[r, c] = np.where(taken, j, t)
    return rng.permuted(out, axis=1)


def lisa(score, starts, nbrs, rng):
    """Local Moran's I with conditional permutation, as esda.Moran_Local."""
    n_all = len(score)
    have = np.isfinite(score)
    idx = np.flatnonzero(have)
    n = len(idx)
    compact = np.full(n_all, -1)
    compact[idx] = np.arange(n)
    # Neighbour lists restricted to units with a value, in compact numbering.
    deg_all = np.diff(starts)
    src = np.repeat(np.arange(n_all), deg_all)
    keep = have[src] & have[nbrs]
    src_c, dst_c = compact[src[keep]], compact[nbrs[keep]]
    k = np.bincount(src_c, minlength=n)
    z = score[idx] - score[idx].mean()
    m2 = (z * z).sum() / n
    lag_sum = np.bincount(src_c, weights=z[dst_c], minlength=n)
    kk = np.maximum(k, 1)
    lag = lag_sum / kk
    local_i = z / m2 * lag
    kmax = int(min(k.max(), n - 1))
    draws = sample_without_replacement(n - 1, kmax, PERMUTATIONS, rng)
    larger = np.zeros(n, dtype=np.int64)
    for kv in distinct(k[k > 0])[0]:
        units = np.flatnonzero(k == kv)
        d = draws[:, :kv]
        step = max(1, 4_000_000 // (PERMUTATIONS * kv))
        for u0 in range(0, len(units), step):
            c = units[u0 : u0 + step]
            # Skip unit c itself: draws from the n - 1 others.
            j = d[None, :, :] + (d[None, :, :] >= c[:, None, None])
            sims = z[c, None] / m2 * (z[j].sum(2) / kv)
            larger[c] = (sims >= local_i[c, None]).sum(1)
    folded = np.minimum(larger, PERMUTATIONS - larger)
    p = (folded + 1) / (PERMUTATIONS + 1)
    cls = np.select(
        [k == 0, p >= ALPHA, (z > 0) & (lag > 0), (z <= 0) & (lag <= 0), z > 0],
        ["island", "ns", "HH", "LL", "HL"],
        "LH",
    )
    out_i = np.full(n_all, np.nan)
    out_p = np.full(n_all, np.nan)
    out_c = np.full(n_all, "missing", dtype=object)
    tested = k > 0
    out_i[idx[tested]] = local_i[tested]
    out_p[idx[tested]] = p[tested]
    out_c[idx] = cls
    return out_i, out_p, out_c


def main(boundaries, kerncijfers, kwb, schools, out):
    geoms, df = load(boundaries, kerncijfers, kwb, schools)
    n = len(df)
    codes = df["code"].to_numpy(str)
    ids, w, z, score, coverage, ranked, scope = base_scores(df)
    inh = df["inhabitants"].to_numpy(float)
    eligible = (
        ranked
        & scope
        & (df["schools"].to_numpy() >= MIN_SCHOOLS)
        & (inh >= MIN_INHABITANTS)
    )
    # Base order: higher score first, equal scores by code.
    r = np.flatnonzero(ranked)
    order = r[np.lexsort((codes[r], -score[r]))]
    rank = np.zeros(n, dtype=np.int64)
    rank[order] = np.arange(1, len(order) + 1)
    e_order = order[eligible[order]]
    eligible_rank = np.zeros(n, dtype=np.int64)
    eligible_rank[e_order] = np.arange(1, len(e_order) + 1)
    shortlist = e_order[:TOP_K]

    rng = np.random.default_rng(SEED)
    r_idx, spread, p_top, same_share = monte_carlo(
        z, w, ranked, eligible, codes, shortlist, rng
    )
    starts, nbrs, edges, corners = queen(geoms, n)
    lisa_i, lisa_p, lisa_c = lisa(score, starts, nbrs, rng)

    res = pd.DataFrame(
        {
            "rank": rank,
            "eligible_rank": eligible_rank,
            "code": codes,
            "score": score,
            "coverage": coverage,
            "eligible": eligible,
            "shortlisted": np.isin(np.arange(n), shortlist),
            "schools": df["schools"].to_numpy(),
            "inhabitants": inh,
            "neighbours": np.diff(starts),
            "lisa_i": lisa_i,
            "lisa_p": lisa_p,
            "lisa_class": lisa_c,
        }
    )
    for name, v in spread.items():
        col = np.zeros(n, dtype=np.int64)
        col[r_idx] = v
        res["rank_" + name] = col
    # A tie (equal base scores) widens the 5-95% interval to every rank and
    # interval of its units, as buurtradar reports it: the draws order equal
    # scores by code, which must not read as certain distinct ranks.
    s = score[order]
    group = np.concatenate([[0], np.cumsum(np.abs(np.diff(s)) > 1e-12)])
    starts = np.flatnonzero(np.diff(group, prepend=-1))
    first_rank = np.arange(1, len(order) + 1)[starts][group]
    last_rank = np.append(starts[1:], len(order))[group]
    lo = np.minimum.reduceat(res["rank_p05"].to_numpy()[order], starts)[group]
    hi = np.maximum.reduceat(res["rank_p95"].to_numpy()[order], starts)[group]
    res.loc[order, "rank_p05"] = np.minimum(lo, first_rank)
    res.loc[order, "rank_p95"] = np.maximum(hi, last_rank)
    p = np.full(n, np.nan)
    p[r_idx] = np.where(eligible[r_idx], p_top, np.nan)
    res["p_top_k"] = p
    res["stability"] = np.select(
        [np.isnan(p), p >= 0.9, p >= 0.1], ["", "robust-in", "borderline"], "out"
    )
    res["same_shortlist_share"] = same_share
    for name in ("rank", "eligible_rank", "rank_median", "rank_p05", "rank_p95"):
        res[name] = res[name].where(res[name] > 0)
    res = res.sort_values(["rank", "code"], na_position="last")
    res.to_csv(out, index=False)
    print(
        f"{len(order)} ranked, {len(e_order)} eligible, {edges} edge + "
        f"{corners} corner pairs, same shortlist in {same_share:.1%} of {DRAWS} draws",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(*sys.argv[1:6])
