//! JSON text to and from the wire types. In the browser, the browser's own
//! `JSON.parse` and `JSON.stringify` handle the text and serde-wasm-bindgen maps
//! their values, so no JSON parser ships in the wasm; natively (the tests), serde_json
//! does both. Errors are sentences for [`super::ApiError::Unexpected`]'s detail.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `text` as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    imp::from_str(text)
}

/// `value` as JSON text (maps as objects, as serde_json writes them).
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    imp::to_string(value)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
    }

    pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
        let value = value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| e.to_string())?;
        js_sys::JSON::stringify(&value)
            .map(String::from)
            .map_err(|_| "not representable as JSON".to_string())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }
}
