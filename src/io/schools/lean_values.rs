//! The property values the lean school reading meets, read as the full
//! reading would take them: a value rendered as `text_prop` renders it, a
//! value skipped but still checked (every string decoded), and a key
//! borrowed where it has no escapes.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Number, Value as Json};
use std::borrow::Cow;
use std::fmt;

/// A property value as `text_prop` renders it.
pub(super) enum Text<'de> {
    Str(Cow<'de, str>),
    Other(Json),
}

impl Text<'_> {
    pub(super) fn from_json(v: Json) -> Text<'static> {
        match v {
            Json::String(s) => Text::Str(Cow::Owned(s)),
            other => Text::Other(other),
        }
    }

    pub(super) fn render(&self) -> String {
        match self {
            Text::Str(s) => s.trim().to_string(),
            Text::Other(Json::Null) => String::new(),
            Text::Other(other) => other.to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

pub(super) struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Text::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Text::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Text::Str(Cow::Owned(v)))
    }
    // The rest as serde_json's own `Value` builds it.
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Text::Other(Json::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Text::Other(Json::Number(v.into())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Text::Other(Json::Number(v.into())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Text::Other(
            Number::from_f64(v).map_or(Json::Null, Json::Number),
        ))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Text::Other(Json::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Json::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Text::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Json::deserialize(de::value::MapAccessDeserializer::new(map)).map(Text::Other)
    }
}

/// A value not kept, decoded as far as the full reading decodes it into a
/// `Value` (strings checked for UTF-8 and their escapes) but not stored.
/// serde's `IgnoredAny` checks less, and would accept what the full reading
/// refuses.
pub(super) struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CheckedVisitor)
    }
}

pub(super) struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_borrowed_str<E>(self, _: &'de str) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_string<E>(self, _: String) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Checked)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_key::<Key>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }
}

/// A member name, borrowed unless it has escapes.
pub(super) struct Key<'de>(pub(super) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

pub(super) struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(v)))
    }
}
