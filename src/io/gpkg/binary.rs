//! GeoPackage geometry blobs: the "GP" header of OGC 12-128r18 §2.1.3
//! (magic, version, flags, srs_id, optional envelope) followed by
//! ISO/OGC well-known binary, decoded into a GeoJSON geometry value so the
//! boundary reader's checks and repairs apply to it unchanged.

use geojson::{GeometryValue, Position};

/// A blob that could not be decoded, with the byte offset where it failed.
#[derive(Debug, Clone, PartialEq)]
pub struct BlobError(pub String);

/// What the header says: the srs id and whether the geometry is empty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Header {
    pub srs_id: i32,
    pub empty: bool,
    /// Where the WKB starts.
    pub wkb_offset: usize,
}

pub fn header(blob: &[u8]) -> Result<Header, BlobError> {
    if blob.len() < 8 || &blob[..2] != b"GP" {
        let start: Vec<String> = blob.iter().take(4).map(|b| format!("{b:02x}")).collect();
        return Err(BlobError(format!(
            "not GeoPackage binary (expected the magic \"GP\", found bytes {})",
            start.join(" ")
        )));
    }
    let flags = blob[3];
    let little = flags & 1 == 1;
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        other => {
            return Err(BlobError(format!(
                "invalid envelope indicator {other} in the GeoPackage header"
            )))
        }
    };
    let raw = [blob[4], blob[5], blob[6], blob[7]];
    let srs_id = if little {
        i32::from_le_bytes(raw)
    } else {
        i32::from_be_bytes(raw)
    };
    let wkb_offset = 8 + envelope;
    if blob.len() < wkb_offset {
        return Err(BlobError(format!(
            "blob of {} bytes is shorter than its header ({wkb_offset} bytes)",
            blob.len()
        )));
    }
    Ok(Header {
        srs_id,
        empty: flags & 0x10 != 0,
        wkb_offset,
    })
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], BlobError> {
        let end = self.at + N;
        let Some(s) = self.b.get(self.at..end) else {
            return Err(BlobError(format!(
                "WKB ends at byte {} where {N} more bytes were expected",
                self.b.len()
            )));
        };
        self.at = end;
        let mut out = [0u8; N];
        out.copy_from_slice(s);
        Ok(out)
    }

    fn u32(&mut self, little: bool) -> Result<u32, BlobError> {
        let raw = self.take::<4>()?;
        Ok(if little {
            u32::from_le_bytes(raw)
        } else {
            u32::from_be_bytes(raw)
        })
    }

    fn f64(&mut self, little: bool) -> Result<f64, BlobError> {
        let raw = self.take::<8>()?;
        Ok(if little {
            f64::from_le_bytes(raw)
        } else {
            f64::from_be_bytes(raw)
        })
    }

    /// A count that cannot exceed what is left of the blob, so a corrupt
    /// count fails here instead of allocating gigabytes.
    fn count(&mut self, little: bool, min_bytes_each: usize) -> Result<usize, BlobError> {
        let at = self.at;
        let n = self.u32(little)? as usize;
        let left = self.b.len() - self.at;
        if n.saturating_mul(min_bytes_each) > left {
            return Err(BlobError(format!(
                "WKB count {n} at byte {at} exceeds the {left} bytes left"
            )));
        }
        Ok(n)
    }
}

/// Decode WKB (2D, with Z/M dropped; ISO and EWKB type codes).
pub fn wkb(b: &[u8]) -> Result<GeometryValue, BlobError> {
    let mut r = Reader { b, at: 0 };
    let g = geometry(&mut r, 0)?;
    Ok(g)
}

fn geometry(r: &mut Reader<'_>, depth: usize) -> Result<GeometryValue, BlobError> {
    if depth > 8 {
        return Err(BlobError("WKB nested deeper than 8 levels".into()));
    }
    let at = r.at;
    let order = r.take::<1>()?[0];
    let little = match order {
        0 => false,
        1 => true,
        other => {
            return Err(BlobError(format!(
                "WKB byte order {other} at byte {at} (expected 0 or 1)"
            )))
        }
    };
    let code = r.u32(little)?;
    // EWKB flags in the high bits, ISO dimensions in the thousands.
    let ewkb_z = code & 0x8000_0000 != 0;
    let ewkb_m = code & 0x4000_0000 != 0;
    let iso = code & 0x0FFF_FFFF;
    let (kind, iso_dims) = (iso % 1000, iso / 1000);
    let dims = 2 + match iso_dims {
        0 => usize::from(ewkb_z) + usize::from(ewkb_m),
        1 | 2 => 1,
        3 => 2,
        other => {
            return Err(BlobError(format!(
                "WKB geometry type {code} at byte {at} (dimension code {other})"
            )))
        }
    };
    let point = |r: &mut Reader<'_>| -> Result<Position, BlobError> {
        let x = r.f64(little)?;
        let y = r.f64(little)?;
        for _ in 2..dims {
            r.f64(little)?;
        }
        Ok(Position::from([x, y]))
    };
    let line = |r: &mut Reader<'_>| -> Result<Vec<Position>, BlobError> {
        let n = r.count(little, 16)?;
        (0..n).map(|_| point(r)).collect()
    };
    let polygon = |r: &mut Reader<'_>| -> Result<Vec<Vec<Position>>, BlobError> {
        let n = r.count(little, 4)?;
        (0..n).map(|_| line(r)).collect()
    };
    Ok(match kind {
        1 => GeometryValue::Point {
            coordinates: point(r)?,
        },
        2 => GeometryValue::LineString {
            coordinates: line(r)?,
        },
        3 => GeometryValue::Polygon {
            coordinates: polygon(r)?,
        },
        4..=7 => {
            let n = r.count(little, 5)?;
            let parts = (0..n)
                .map(|_| geometry(r, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            collection(kind, parts, at)?
        }
        other => {
            return Err(BlobError(format!(
                "WKB geometry type {other} at byte {at} is not one of the simple features 1-7"
            )))
        }
    })
}

fn collection(kind: u32, parts: Vec<GeometryValue>, at: usize) -> Result<GeometryValue, BlobError> {
    let wrong = |what: &str| {
        BlobError(format!(
            "WKB {what} at byte {at} holds a part of another type"
        ))
    };
    Ok(match kind {
        4 => GeometryValue::MultiPoint {
            coordinates: parts
                .into_iter()
                .map(|p| match p {
                    GeometryValue::Point { coordinates } => Ok(coordinates),
                    _ => Err(wrong("MultiPoint")),
                })
                .collect::<Result<_, _>>()?,
        },
        5 => GeometryValue::MultiLineString {
            coordinates: parts
                .into_iter()
                .map(|p| match p {
                    GeometryValue::LineString { coordinates } => Ok(coordinates),
                    _ => Err(wrong("MultiLineString")),
                })
                .collect::<Result<_, _>>()?,
        },
        6 => GeometryValue::MultiPolygon {
            coordinates: parts
                .into_iter()
                .map(|p| match p {
                    GeometryValue::Polygon { coordinates } => Ok(coordinates),
                    _ => Err(wrong("MultiPolygon")),
                })
                .collect::<Result<_, _>>()?,
        },
        _ => GeometryValue::GeometryCollection {
            geometries: parts.into_iter().map(geojson::Geometry::new).collect(),
        },
    })
}

/// Encoders for tests and the sample generator's counterpart: a polygon
/// list as GeoPackage binary in RD with an envelope-free header.
pub fn encode_multipolygon(srs_id: i32, polygons: &[Vec<Vec<[f64; 2]>>]) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(b"GP");
    b.push(0);
    b.push(0b0000_0001);
    b.extend_from_slice(&srs_id.to_le_bytes());
    b.push(1);
    b.extend_from_slice(&6u32.to_le_bytes());
    b.extend_from_slice(&(polygons.len() as u32).to_le_bytes());
    for p in polygons {
        b.push(1);
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(&(p.len() as u32).to_le_bytes());
        for ring in p {
            b.extend_from_slice(&(ring.len() as u32).to_le_bytes());
            for [x, y] in ring {
                b.extend_from_slice(&x.to_le_bytes());
                b.extend_from_slice(&y.to_le_bytes());
            }
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: [[f64; 2]; 5] = [
        [120_000.0, 400_000.0],
        [120_100.0, 400_000.0],
        [120_100.0, 400_100.0],
        [120_000.0, 400_100.0],
        [120_000.0, 400_000.0],
    ];

    #[test]
    fn round_trip_multipolygon() {
        let blob = encode_multipolygon(28992, &[vec![SQUARE.to_vec()]]);
        let h = header(&blob).unwrap();
        assert_eq!(h.srs_id, 28992);
        assert!(!h.empty);
        match wkb(&blob[h.wkb_offset..]).unwrap() {
            GeometryValue::MultiPolygon { coordinates } => {
                assert_eq!(coordinates[0][0].len(), 5);
                assert_eq!(coordinates[0][0][1].as_slice(), &[120_100.0, 400_000.0]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn big_endian_polygon_with_z_and_an_envelope() {
        let mut b = b"GP\x00\x02".to_vec(); // big endian header, 32-byte envelope
        b.extend_from_slice(&28992i32.to_be_bytes());
        b.extend_from_slice(&[0u8; 32]);
        b.push(0);
        b.extend_from_slice(&1003u32.to_be_bytes());
        b.extend_from_slice(&1u32.to_be_bytes());
        b.extend_from_slice(&5u32.to_be_bytes());
        for [x, y] in SQUARE {
            for v in [x, y, 7.0] {
                b.extend_from_slice(&v.to_be_bytes());
            }
        }
        let h = header(&b).unwrap();
        assert_eq!(h.wkb_offset, 40);
        match wkb(&b[h.wkb_offset..]).unwrap() {
            GeometryValue::Polygon { coordinates } => {
                assert_eq!(coordinates[0][2].as_slice(), &[120_100.0, 400_100.0])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn corrupt_blobs_are_errors_not_panics() {
        assert!(header(b"XX\x00\x01\x00\x00\x00\x00")
            .unwrap_err()
            .0
            .contains("GP"));
        let blob = encode_multipolygon(28992, &[vec![SQUARE.to_vec()]]);
        let e = wkb(&blob[8..blob.len() - 3]).unwrap_err().0;
        assert!(e.contains("count 5 at byte 18 exceeds the 77 bytes"), "{e}");
        let e = wkb(&[1, 3, 0]).unwrap_err().0;
        assert!(e.contains("WKB ends at byte 3"), "{e}");
        let mut huge = blob[8..].to_vec();
        huge[5..9].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(wkb(&huge).unwrap_err().0.contains("exceeds"));
        assert!(wkb(&[1, 99, 0, 0, 0]).unwrap_err().0.contains("type 99"));
    }
}
