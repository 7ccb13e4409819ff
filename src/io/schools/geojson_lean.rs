//! A school GeoJSON read in one pass that keeps only what the reader uses:
//! the name, place, gemeente and kind properties (borrowed from the file
//! where they have no escapes) and a point's first two coordinates. The
//! full reading builds every property of every feature as a JSON map and
//! every geometry through the geojson crate; for thousands of schools that
//! was most of the work.
//!
//! It accepts a strict subset of what the full reading accepts, and where
//! it accepts it finds the same: whatever it is not sure of (another
//! geometry type, a bbox or foreign member on a geometry, a feature written
//! as an array, a repeated member) is an error here, and the caller then
//! reads the file the full way - so results, warnings and errors stay those
//! of the full reading. Properties it does not keep are still checked as
//! the full reading checks them (every string decoded), so a file it
//! rejects is never accepted here.

use super::lean_values::{Checked, Key, Text};
use super::{is_kind_candidate, SchoolOptions};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value as Json};
use std::fmt;

/// The properties kept for the name, place and gemeente (see `slot_of`).
pub(super) const SLOTS: usize = 11;

/// A match rather than a search: every property key of every feature
/// passes through here.
fn slot_of(key: &str) -> Option<usize> {
    Some(match key {
        "naam" => 0,
        "vestigingsnaam" => 1,
        "instellingsnaam" => 2,
        "name" => 3,
        "schoolnaam" => 4,
        "plaats" => 5,
        "plaatsnaam" => 6,
        "gemeente" => 7,
        "gemeentenaam" => 8,
        "woonplaats" => 9,
        "GEMEENTENAAM" => 10,
        _ => return None,
    })
}

pub(super) struct LeanCollection<'de> {
    pub crs: Option<Json>,
    pub features: Option<Vec<LeanFeature<'de>>>,
}

pub(super) struct LeanFeature<'de> {
    /// None: no geometry member, or `null`.
    pub point: Option<[f64; 2]>,
    pub properties: Option<LeanProperties<'de>>,
}

pub(super) struct LeanProperties<'de> {
    slots: [Option<Text<'de>>; SLOTS],
    /// The properties that could be the kind column, as the full reading's
    /// map holds them (same order, a repeated key's last value).
    pub kinds: Option<Map<String, Json>>,
}

impl LeanProperties<'_> {
    /// The first of `keys` the feature has, as text (see `text_prop`).
    pub fn text(&self, keys: &[&str]) -> String {
        keys.iter()
            .filter_map(|k| slot_of(k))
            .find_map(|i| self.slots[i].as_ref())
            .map(Text::render)
            .unwrap_or_default()
    }
}

/// Which property keys could be the kind column, remembered per key: a
/// file repeats the same dozen keys for every feature, and the test
/// normalises (allocates) the key.
pub(super) struct KindKeys<'o> {
    opts: &'o SchoolOptions,
    seen: Vec<(String, bool)>,
}

/// Keys remembered at most: a file with a new key in every feature is
/// tested key by key rather than searched through.
const KIND_KEYS_KEPT: usize = 64;

impl<'o> KindKeys<'o> {
    pub fn new(opts: &'o SchoolOptions) -> Self {
        KindKeys {
            opts,
            seen: Vec::new(),
        }
    }

    /// `at`: the key's position in its feature, where the same key most
    /// likely stood in the feature before.
    fn is_candidate(&mut self, key: &str, at: usize) -> bool {
        if let Some((k, c)) = self.seen.get(at) {
            if k == key {
                return *c;
            }
        }
        if let Some((_, c)) = self.seen.iter().find(|(k, _)| k == key) {
            return *c;
        }
        let c = is_kind_candidate(key, self.opts);
        if self.seen.len() < KIND_KEYS_KEPT {
            self.seen.push((key.to_string(), c));
        }
        c
    }
}

fn duplicate<E: de::Error>(field: &'static str) -> E {
    E::duplicate_field(field)
}

/// The file's bytes to a collection, or an error when the lean reading is
/// not sure (the full reading then decides).
pub(super) fn parse<'de>(
    bytes: &'de [u8],
    kinds: &mut KindKeys<'_>,
) -> Result<LeanCollection<'de>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let c = de.deserialize_map(CollectionVisitor { kinds })?;
    de.end()?;
    Ok(c)
}

struct CollectionVisitor<'a, 'o> {
    kinds: &'a mut KindKeys<'o>,
}

impl<'de> Visitor<'de> for CollectionVisitor<'_, '_> {
    type Value = LeanCollection<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a FeatureCollection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut crs: Option<Option<Json>> = None;
        let mut features: Option<Option<Vec<LeanFeature<'de>>>> = None;
        while let Some(Key(k)) = map.next_key()? {
            match k.as_ref() {
                "crs" => {
                    if crs.is_some() {
                        return Err(duplicate("crs"));
                    }
                    crs = Some(map.next_value()?);
                }
                "features" => {
                    if features.is_some() {
                        return Err(duplicate("features"));
                    }
                    features = Some(map.next_value_seed(Features {
                        kinds: &mut *self.kinds,
                    })?);
                }
                // As the full reading's derived struct skips them.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(LeanCollection {
            crs: crs.flatten(),
            features: features.flatten(),
        })
    }
}

/// `features`: null or an array of feature objects.
struct Features<'a, 'o> {
    kinds: &'a mut KindKeys<'o>,
}

impl<'de> DeserializeSeed<'de> for Features<'_, '_> {
    type Value = Option<Vec<LeanFeature<'de>>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Features<'_, '_> {
    type Value = Option<Vec<LeanFeature<'de>>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(FeatureList { kinds: self.kinds })
            .map(Some)
    }
}

struct FeatureList<'a, 'o> {
    kinds: &'a mut KindKeys<'o>,
}

impl<'de> Visitor<'de> for FeatureList<'_, '_> {
    type Value = Vec<LeanFeature<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(f) = seq.next_element_seed(Feature {
            kinds: &mut *self.kinds,
        })? {
            out.push(f);
        }
        Ok(out)
    }
}

/// One feature object (an array is left to the full reading).
struct Feature<'a, 'o> {
    kinds: &'a mut KindKeys<'o>,
}

impl<'de> DeserializeSeed<'de> for Feature<'_, '_> {
    type Value = LeanFeature<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Feature<'_, '_> {
    type Value = LeanFeature<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a feature object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut point: Option<Option<[f64; 2]>> = None;
        let mut properties: Option<Option<LeanProperties<'de>>> = None;
        while let Some(Key(k)) = map.next_key()? {
            match k.as_ref() {
                "geometry" => {
                    if point.is_some() {
                        return Err(duplicate("geometry"));
                    }
                    point = Some(map.next_value::<Option<PointOnly>>()?.map(|p| p.0));
                }
                "properties" => {
                    if properties.is_some() {
                        return Err(duplicate("properties"));
                    }
                    properties = Some(map.next_value_seed(Properties {
                        kinds: &mut *self.kinds,
                    })?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(LeanFeature {
            point: point.flatten(),
            properties: properties.flatten(),
        })
    }
}

/// `{"type": "Point", "coordinates": [x, y, ...]}` and nothing else.
struct PointOnly([f64; 2]);

impl<'de> Deserialize<'de> for PointOnly {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PointVisitor)
    }
}

struct PointVisitor;

impl<'de> Visitor<'de> for PointVisitor {
    type Value = PointOnly;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Point geometry")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut is_point: Option<bool> = None;
        let mut xy: Option<Position> = None;
        while let Some(Key(k)) = map.next_key()? {
            match k.as_ref() {
                "type" if is_point.is_none() => {
                    is_point = Some(map.next_value::<Key>()?.0 == "Point");
                }
                "coordinates" if xy.is_none() => xy = Some(map.next_value()?),
                _ => return Err(de::Error::custom("left to the full reading")),
            }
        }
        match (is_point, xy) {
            (Some(true), Some(Position(xy))) => Ok(PointOnly(xy)),
            _ => Err(de::Error::custom("left to the full reading")),
        }
    }
}

/// A position of two or more numbers (as geojson requires of a Point).
struct Position([f64; 2]);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(PositionVisitor)
    }
}

struct PositionVisitor;

impl<'de> Visitor<'de> for PositionVisitor {
    type Value = Position;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a position")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let short = || de::Error::custom("position too short");
        let x = seq.next_element::<f64>()?.ok_or_else(short)?;
        let y = seq.next_element::<f64>()?.ok_or_else(short)?;
        while seq.next_element::<f64>()?.is_some() {}
        Ok(Position([x, y]))
    }
}

/// `properties`: null or an object.
struct Properties<'a, 'o> {
    kinds: &'a mut KindKeys<'o>,
}

impl<'de> DeserializeSeed<'de> for Properties<'_, '_> {
    type Value = Option<LeanProperties<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Properties<'_, '_> {
    type Value = Option<LeanProperties<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a properties object")
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(PropertyMap { kinds: self.kinds })
            .map(Some)
    }
}

struct PropertyMap<'a, 'o> {
    kinds: &'a mut KindKeys<'o>,
}

impl<'de> Visitor<'de> for PropertyMap<'_, '_> {
    type Value = LeanProperties<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a properties object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut slots: [Option<Text<'de>>; SLOTS] = std::array::from_fn(|_| None);
        let mut kinds: Option<Map<String, Json>> = None;
        let mut at = 0;
        // A repeated key: its last value, as a map insert leaves it.
        while let Some(Key(k)) = map.next_key()? {
            let slot = slot_of(&k);
            if self.kinds.is_candidate(&k, at) {
                let v: Json = map.next_value()?;
                if let Some(s) = slot {
                    slots[s] = Some(Text::from_json(v.clone()));
                }
                kinds.get_or_insert_with(Map::new).insert(k.into_owned(), v);
            } else if let Some(s) = slot {
                slots[s] = Some(map.next_value()?);
            } else {
                map.next_value::<Checked>()?;
            }
            at += 1;
        }
        Ok(LeanProperties { slots, kinds })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLOT_KEYS: [&str; SLOTS] = [
        "naam",
        "vestigingsnaam",
        "instellingsnaam",
        "name",
        "schoolnaam",
        "plaats",
        "plaatsnaam",
        "gemeente",
        "gemeentenaam",
        "woonplaats",
        "GEMEENTENAAM",
    ];

    #[test]
    fn every_slot_key_has_its_own_slot() {
        for (i, k) in SLOT_KEYS.iter().enumerate() {
            assert_eq!(slot_of(k), Some(i), "{k}");
        }
        assert_eq!(slot_of("Naam"), None);
        assert_eq!(slot_of("type"), None);
    }
}
