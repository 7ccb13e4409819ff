//! GeoJSON text written directly: building serde_json values for three
//! million vertices would cost more time and memory than the whole run.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::geom::{MultiPolygon, Pt};
use super::layout::Layout;
use super::schools::School;
use super::Scale;

const BUFFER: usize = 1 << 20;

/// Writes the buurt map; returns the number of coordinate pairs written.
pub(crate) fn write_boundaries(
    path: &Path,
    layout: &Layout,
    shapes: &[Option<MultiPolygon>],
    scale: Scale,
) -> Result<usize> {
    let mut w = create(path)?;
    let decimals = layout.lattice.frame.decimals;
    let mut vertices = 0;
    writeln!(w, "{{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut first = true;
    for (b, buurt) in layout.buurten.iter().enumerate() {
        if !buurt.kind.on_map() {
            continue;
        }
        if !first {
            writeln!(w, ",")?;
        }
        first = false;
        let wijk = &layout.wijken[buurt.wijk];
        let gemeente = &layout.gemeenten[wijk.gemeente];
        w.write_all(b"{\"type\":\"Feature\",")?;
        match scale {
            // The full wijk- en buurtkaart attribute style.
            Scale::Sample => write!(
                w,
                "\"properties\":{{\"buurtcode\":{},\"buurtnaam\":{},\"wijkcode\":{},\"gemeentecode\":{},\"gemeentenaam\":{},\"water\":{}}},",
                json_str(&buurt.code),
                json_str(&buurt.name),
                json_str(&wijk.code),
                json_str(&gemeente.code),
                json_str(&gemeente.name),
                json_str(if buurt.kind.is_water() { "JA" } else { "NEE" }),
            )?,
            // The generalised-map style (cartomap/PDOK).
            Scale::National | Scale::Blocks => write!(
                w,
                "\"properties\":{{\"statcode\":{},\"jrstatcode\":{},\"statnaam\":{},\"rubriek\":\"buurt\"}},\"id\":{},",
                json_str(&buurt.code),
                json_str(&format!("2024{}", buurt.code)),
                json_str(&buurt.name),
                json_str(&buurt.code),
            )?,
        }
        w.write_all(b"\"geometry\":")?;
        match &shapes[b] {
            Some(mp) => vertices += write_geometry(&mut w, mp, decimals)?,
            None => w.write_all(b"null")?,
        }
        w.write_all(b"}")?;
    }
    writeln!(w, "\n]}}")?;
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(vertices)
}

fn write_geometry(w: &mut impl Write, mp: &MultiPolygon, decimals: u32) -> Result<usize> {
    let mut vertices = 0;
    let multi = mp.len() > 1;
    w.write_all(if multi {
        b"{\"type\":\"MultiPolygon\",\"coordinates\":["
    } else {
        b"{\"type\":\"Polygon\",\"coordinates\":"
    })?;
    for (p, polygon) in mp.iter().enumerate() {
        if p > 0 {
            w.write_all(b",")?;
        }
        w.write_all(b"[")?;
        for (r, ring) in polygon.iter().enumerate() {
            if r > 0 {
                w.write_all(b",")?;
            }
            w.write_all(b"[")?;
            for (k, &pt) in ring.iter().enumerate() {
                if k > 0 {
                    w.write_all(b",")?;
                }
                write_pair(w, pt, decimals, "[", "]")?;
            }
            w.write_all(b"]")?;
            vertices += ring.len();
        }
        w.write_all(b"]")?;
    }
    w.write_all(if multi { b"]}" } else { b"}" })?;
    Ok(vertices)
}

/// Schools as GDAL writes them: one feature per line, spaces after colons;
/// the lon/lat sample carries GDAL's CRS84 `crs` member, the RD set none.
pub(crate) fn write_schools(
    path: &Path,
    layout: &Layout,
    schools: &[School],
    scale: Scale,
) -> Result<()> {
    let mut w = create(path)?;
    let decimals = layout.lattice.frame.decimals;
    writeln!(
        w,
        "{{\n\"type\": \"FeatureCollection\",\n\"name\": \"scholen\","
    )?;
    if scale == Scale::Sample {
        writeln!(
            w,
            "\"crs\": {{ \"type\": \"name\", \"properties\": {{ \"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\" }} }},"
        )?;
    }
    writeln!(w, "\"features\": [")?;
    for (k, s) in schools.iter().enumerate() {
        write!(
            w,
            "{{ \"type\": \"Feature\", \"properties\": {{ \"naam\": {}, \"type\": {}, \"denominatie\": {}, \"internetadres\": \" \", \"straat\": {}, \"huisnummer\": {}, \"huisletter\": null, \"huisnummertoevoeging\": null, \"postcode\": {}, \"plaats\": {}, \"gemeente\": {}, \"provincie\": {}, \"brin_nummer\": {}, \"vestigingscode\": {}, \"onderwijsgebied\": {}, \"leerlingen\": null }}, \"geometry\": {{ \"type\": \"Point\", \"coordinates\": ",
            json_str(&s.naam),
            json_str(s.kind),
            json_str(s.denominatie),
            json_str(&s.straat),
            s.huisnummer,
            json_str(&s.postcode),
            json_str(&s.plaats),
            json_str(&s.gemeente),
            json_str(match scale {
                Scale::Sample => "Gelderland",
                Scale::National | Scale::Blocks => "Synthetisch",
            }),
            json_str(&s.brin),
            json_str(&s.vestiging),
            json_str(&format!("{} en omstreken", s.plaats)),
        )?;
        write_pair(&mut w, s.pos, decimals, "[ ", " ]")?;
        w.write_all(if k + 1 < schools.len() {
            b" } },\n"
        } else {
            b" } }\n"
        })?;
    }
    writeln!(w, "]\n}}")?;
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

pub(crate) fn create(path: &Path) -> Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(BufWriter::with_capacity(BUFFER, file))
}

fn write_pair(
    w: &mut impl Write,
    pt: Pt,
    decimals: u32,
    open: &str,
    close: &str,
) -> std::io::Result<()> {
    w.write_all(open.as_bytes())?;
    write_fixed(w, pt[0], decimals)?;
    w.write_all(if open.len() > 1 { b", " } else { b"," })?;
    write_fixed(w, pt[1], decimals)?;
    w.write_all(close.as_bytes())
}

/// Writes `v / 10^decimals` without trailing zeros, as GDAL does.
fn write_fixed(w: &mut impl Write, v: i64, decimals: u32) -> std::io::Result<()> {
    if decimals == 0 {
        return write!(w, "{v}");
    }
    let scale = 10i64.pow(decimals);
    let sign = if v < 0 { "-" } else { "" };
    let (int, mut frac) = (v.abs() / scale, v.abs() % scale);
    if frac == 0 {
        return write!(w, "{sign}{int}");
    }
    let mut width = decimals as usize;
    while frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    write!(w, "{sign}{int}.{frac:0width$}")
}

/// A JSON string literal.
pub(crate) fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
