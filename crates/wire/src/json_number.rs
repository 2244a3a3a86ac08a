//! JSON has one number type: `17` and `17.0` are the same number, and a JSON Schema
//! `integer` allows both. serde reads `17.0` into an `i64` as an error, so the
//! request fields the document declares `integer` read it with [`integer`], and ids
//! in paths with [`parse_integer`].

use serde::de::{Deserializer, Error, Visitor};

/// An `i64` from a JSON number without a fractional part (`17`, `17.0`, `-3e2`).
pub fn integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    struct Integer;
    impl Visitor<'_> for Integer {
        type Value = i64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an integer")
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::custom(format!("{v} is out of range")))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<i64, E> {
            integral(v).ok_or_else(|| E::custom(format!("{v} is not an integer")))
        }
    }
    deserializer.deserialize_any(Integer)
}

/// An `i64` from a number as text (a path segment): `17`, `17.0`, `1e3`.
pub fn parse_integer(text: &str) -> Option<i64> {
    text.parse::<i64>()
        .ok()
        .or_else(|| text.parse::<f64>().ok().and_then(integral))
}

/// `v` as an `i64` when it has no fractional part and fits.
fn integral(v: f64) -> Option<i64> {
    // 2^63 is exact as an f64; everything in [-2^63, 2^63) fits an i64.
    let in_range = (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&v);
    (v.fract() == 0.0 && in_range).then_some(v as i64)
}

#[cfg(test)]
mod tests {
    use crate::user::ResetTokenKeyRequest;

    fn user_id(json: &str) -> Result<i64, serde_json::Error> {
        serde_json::from_str::<ResetTokenKeyRequest>(json).map(|r| r.user_id)
    }

    #[test]
    fn integral_numbers_are_integers_whatever_their_spelling() {
        assert_eq!(user_id(r#"{"userId":17}"#).unwrap(), 17);
        assert_eq!(user_id(r#"{"userId":17.0}"#).unwrap(), 17);
        assert_eq!(
            user_id(r#"{"userId":-4688188628754.0}"#).unwrap(),
            -4_688_188_628_754
        );
        assert_eq!(user_id(r#"{"userId":1e3}"#).unwrap(), 1000);
        assert!(user_id(r#"{"userId":17.5}"#).is_err());
        assert!(user_id(r#"{"userId":1e300}"#).is_err());
        assert!(user_id(r#"{"userId":18446744073709551615}"#).is_err());
        assert!(user_id(r#"{"userId":"17"}"#).is_err());
    }

    #[test]
    fn integers_are_read_from_text_too() {
        use super::parse_integer;
        assert_eq!(parse_integer("17"), Some(17));
        assert_eq!(parse_integer("1.0"), Some(1));
        assert_eq!(parse_integer("-2e2"), Some(-200));
        for bad in ["1.5", "x", "", "inf", "NaN", "1e300"] {
            assert_eq!(parse_integer(bad), None, "{bad}");
        }
    }
}
