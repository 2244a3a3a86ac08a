//! Runtime configuration: `config.json`, read once at start-up.

use serde::Deserialize;

/// What `config.json` holds: `{"apiBaseUrl": "/api"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeConfig {
    /// Base URL of the bintu API, absolute or relative to the page's origin.
    pub api_base_url: String,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            api_base_url: "/api".to_string(),
        }
    }
}

impl RuntimeConfig {
    /// Parses the file's text; `None` if it is not a config (e.g. an HTML fallback page).
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str::<Self>(text)
            .ok()
            .filter(|c| !c.api_base_url.trim().is_empty())
    }

    /// Fetches `url` (relative to the document's base URL). A missing or malformed
    /// file falls back to the default (`/api` on the page's own origin), with a warning
    /// in the browser console, so the console still starts where the API is co-hosted.
    pub async fn load(url: &str) -> Self {
        Self::fetch(url).await.unwrap_or_else(|message| {
            leptos::logging::warn!("org-console: {message}; using apiBaseUrl=/api");
            Self::default()
        })
    }

    /// Fetches `url`; the error says why there is no usable configuration there.
    pub async fn fetch(url: &str) -> Result<Self, String> {
        let text = match gloo_net::http::Request::get(url).send().await {
            Ok(resp) if resp.ok() => resp.text().await.ok(),
            _ => None,
        };
        text.as_deref()
            .and_then(Self::parse)
            .ok_or_else(|| format!("no usable runtime configuration at {url}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_file_and_refuses_html() {
        assert_eq!(
            RuntimeConfig::parse(r#"{"apiBaseUrl":"https://bintu.example.com/api"}"#)
                .unwrap()
                .api_base_url,
            "https://bintu.example.com/api"
        );
        assert!(RuntimeConfig::parse("<!doctype html>").is_none());
        assert!(RuntimeConfig::parse(r#"{"apiBaseUrl":""}"#).is_none());
    }
}
