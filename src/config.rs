//! Runtime configuration: `config.json`, read once at start-up, and what can be
//! wrong with it (the console shows that instead of starting against a guess).

use serde::Deserialize;

/// What `config.json` holds: `{"apiBaseUrl": "/api"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeConfig {
    /// (Missing: empty, refused by [`RuntimeConfig::parse`].)
    #[serde(default)]
    /// Base URL of the bintu API: `https://…`, `http://…`, or a path on the page's
    /// own origin.
    pub api_base_url: String,
}

/// Why there is no usable configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Nothing answered (offline, or the server is down).
    Unreachable,
    /// The server answered with an error status (404: the file is not deployed).
    Status(u16),
    /// The answer is not JSON: often a web server's fallback page in its place.
    NotJson,
    /// JSON without a non-empty `apiBaseUrl` string.
    NoApiBaseUrl,
    /// An `apiBaseUrl` that is neither an http(s) URL nor a path.
    BadApiBaseUrl(String),
}

impl ConfigProblem {
    /// What was found, as the end of "It read … and found that …".
    pub fn explain(&self) -> String {
        match self {
            Self::Unreachable => crate::tr!(config.nothing_answered).into(),
            Self::Status(404) => crate::tr!(config.the_file_is_not_there).into(),
            Self::Status(s) => crate::tr!(config.the_server_answered_http, s = s),
            Self::NotJson => crate::tr!(config.it_is_not_json_a).into(),
            Self::NoApiBaseUrl => crate::tr!(config.it_has_no_apibaseurl).into(),
            Self::BadApiBaseUrl(url) => {
                crate::tr!(config.its_apibaseurl_is_neither_an, url = url)
            }
        }
    }
}

impl RuntimeConfig {
    /// Parses the file's text and checks `apiBaseUrl`.
    pub fn parse(text: &str) -> Result<Self, ConfigProblem> {
        let file: Self = crate::api::json::from_str(text).map_err(|_| ConfigProblem::NotJson)?;
        let url = file.api_base_url.trim().to_string();
        if url.is_empty() {
            return Err(ConfigProblem::NoApiBaseUrl);
        }
        if !is_api_address(&url) {
            return Err(ConfigProblem::BadApiBaseUrl(url));
        }
        Ok(Self { api_base_url: url })
    }

    /// Fetches `url` (relative to the document's base URL) and parses it.
    pub async fn fetch(url: &str) -> Result<Self, ConfigProblem> {
        let response = gloo_net::http::Request::get(url)
            .send()
            .await
            .map_err(|_| ConfigProblem::Unreachable)?;
        if !response.ok() {
            return Err(ConfigProblem::Status(response.status()));
        }
        let text = response
            .text()
            .await
            .map_err(|_| ConfigProblem::Unreachable)?;
        Self::parse(&text)
    }
}

/// `https://host…`, `http://host…`, or an absolute path (`/api`; not `//host`, which
/// would be another origin in disguise).
fn is_api_address(url: &str) -> bool {
    let has_host = |rest: &str| {
        rest.split(['/', '?', '#'])
            .next()
            .is_some_and(|host| !host.is_empty())
    };
    if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        return has_host(rest);
    }
    url.starts_with('/') && !url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_file_and_says_what_is_wrong() {
        assert_eq!(
            RuntimeConfig::parse(r#"{"apiBaseUrl":" https://bintu.example.com/api "}"#)
                .unwrap()
                .api_base_url,
            "https://bintu.example.com/api"
        );
        assert_eq!(
            RuntimeConfig::parse(r#"{"apiBaseUrl":"/api"}"#)
                .unwrap()
                .api_base_url,
            "/api"
        );
        assert_eq!(
            RuntimeConfig::parse("<!doctype html><title>Console</title>"),
            Err(ConfigProblem::NotJson)
        );
        assert_eq!(RuntimeConfig::parse("[1]"), Err(ConfigProblem::NotJson));
        assert_eq!(RuntimeConfig::parse("{}"), Err(ConfigProblem::NoApiBaseUrl));
        assert_eq!(
            RuntimeConfig::parse(r#"{"apiBaseUrl":"  "}"#),
            Err(ConfigProblem::NoApiBaseUrl)
        );
        assert_eq!(
            RuntimeConfig::parse(r#"{"apiBaseUrl":3}"#),
            Err(ConfigProblem::NotJson)
        );
        for bad in [
            "api",
            "ftp://x/api",
            "//evil.example/api",
            "https://",
            "javascript:alert(1)",
        ] {
            assert_eq!(
                RuntimeConfig::parse(&format!(r#"{{"apiBaseUrl":"{bad}"}}"#)),
                Err(ConfigProblem::BadApiBaseUrl(bad.to_string())),
                "{bad}"
            );
        }
    }

    #[test]
    fn every_problem_has_a_sentence() {
        for p in [
            ConfigProblem::Unreachable,
            ConfigProblem::Status(404),
            ConfigProblem::Status(500),
            ConfigProblem::NotJson,
            ConfigProblem::NoApiBaseUrl,
            ConfigProblem::BadApiBaseUrl("x".into()),
        ] {
            assert!(!p.explain().is_empty());
        }
        assert!(ConfigProblem::Status(404).explain().contains("404"));
    }
}
