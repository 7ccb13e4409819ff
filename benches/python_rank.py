"""The ranking job as a geopandas + pandas user would script it, for the
side-by-side timing in benches/vs_python.sh. It does less than
`buurtradar rank` (no smoothing, no Monte Carlo, no LISA, no teams, no
provenance): read the boundaries and schools, count schools per buurt with a
spatial join, read the two CBS tables, z-score the profile's indicators,
weight, filter on the eligibility rules, sort and write a CSV.

    python3 benches/python_rank.py BOUNDARIES KERNCIJFERS KWB SCHOOLS OUT.csv
"""

import sys

import geopandas as gpd
import numpy as np
import pandas as pd

# The default profile (profiles/smartstart.toml): id, weight, direction.
WEIGHTS = [
    ("low_income_hh_pct", 15, 1),
    ("social_minimum_hh_pct", 10, 1),
    ("bijstand_per_1000", 10, 1),
    ("youth_care_pct", 20, 1),
    ("divorced_pct", 10, 1),
    ("low_education_pct", 10, 1),
    ("social_rent_pct", 5, 1),
    ("wmo_per_1000", 5, 1),
    ("woz_mean", 5, -1),
    ("ses_woa_score", 10, -1),
]
RD = "EPSG:28992"


def read_layer(path):
    g = gpd.read_file(path, engine="pyogrio")
    # GeoJSON without a crs member reads as WGS84; numbers beyond degrees
    # are Rijksdriehoek metres (what buurtradar decides from the extent).
    if g.crs is None or g.geometry.total_bounds[2] > 360:
        return g.set_crs(RD, allow_override=True)
    return g.to_crs(RD)


def number(s):
    return pd.to_numeric(
        s.astype(str).str.strip().str.replace(",", ".", regex=False), errors="coerce"
    )


def indicators(kerncijfers, kwb):
    """The profile's indicators (and inhabitants) per buurt code, derived
    from the StatLine kerncijfers table and the kwb table."""
    k = pd.read_csv(kerncijfers, sep=";", dtype=str, encoding="utf-8-sig")
    k["code"] = k["Regioaanduiding/Codering (code)"].str.strip()
    col = lambda part: number(k[next(c for c in k.columns if part in c)])  # noqa: E731
    inw = col("Aantal inwoners")
    kf = pd.DataFrame(
        {
            "code": k["code"],
            "inhabitants": inw,
            "low_income_hh_pct": col("laag inkomen"),
            "bijstand_per_1000": col("Bijstand") / inw * 1000,
            "youth_care_pct": col("jeugdzorg"),
            "divorced_pct": col("Gescheiden") / inw * 100,
            "social_rent_pct": col("woningcorporatie"),
            "wmo_per_1000": col("Wmo-cli"),
            "woz_mean": col("WOZ"),
        }
    )
    w = pd.read_csv(kwb, sep=";", dtype=str)
    w.columns = [c.strip() for c in w.columns]
    wf = pd.DataFrame(
        {
            "code": w["gwb_code"].str.strip(),
            "social_minimum_hh_pct": number(w["p_hh_osm"]),
            "low_education_pct": number(w["a_opl_lg"]) / number(w["a_inw"]) * 100,
            "low_education": number(w["a_opl_lg"]),
        }
    )
    return kf.merge(wf, on="code", how="outer")


def code_column(buurten):
    return next(c for c in ("statcode", "buurtcode", "bu_code") if c in buurten)


def school_counts(scholen, buurten):
    """Schools per buurt code (points within the polygon)."""
    joined = gpd.sjoin(scholen[["geometry"]], buurten, predicate="within")
    return joined.groupby("code").size().rename("schools")


def main(boundaries, kerncijfers, kwb, schools, out):
    buurten = read_layer(boundaries)
    buurten = buurten.rename(columns={code_column(buurten): "code"})
    buurten = buurten[["code", "geometry"]]
    counts = school_counts(read_layer(schools), buurten)
    df = (
        buurten[["code"]]
        .merge(indicators(kerncijfers, kwb), on="code", how="left")
        .merge(counts, left_on="code", right_index=True, how="left")
    )
    df["schools"] = df["schools"].fillna(0).astype(int)

    present = [(i, wt, d) for i, wt, d in WEIGHTS if i in df]
    num = np.zeros(len(df))
    den = np.zeros(len(df))
    for ind, wt, d in present:
        v = df[ind]
        z = d * (v - v.mean()) / v.std()
        ok = z.notna().to_numpy()
        num[ok] += wt * z.to_numpy()[ok]
        den[ok] += wt
    df["score"] = np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)
    eligible = (df["schools"] >= 3) & (df["inhabitants"] >= 200)
    df = df[eligible].sort_values(["score", "code"], ascending=[False, True])
    df["rank"] = np.arange(1, len(df) + 1)
    df[["rank", "code", "score", "schools", "inhabitants"]].to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:6])
