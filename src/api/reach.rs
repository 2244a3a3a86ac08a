//! Why the API gave no answer. A browser reports a request it refused for CORS
//! exactly as one to a server that is down; a `no-cors` request to the same address
//! tells them apart, since it completes (with an answer the page cannot read)
//! wherever a server answers.

use gloo_net::http::RequestBuilder;
use web_sys::RequestMode;

use super::auth::ME_PATH;
use super::ApiClient;

/// What stands between the console and its API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Nothing answers at the address (down, wrong address, offline, or blocked by
    /// this page's Content-Security-Policy).
    Unreachable,
    /// A server answers, but not to this page's origin: its CORS rules leave it out.
    RefusesOrigin,
}

/// Asks the API's address again, without CORS, to tell the two apart.
pub async fn diagnose(api: &ApiClient) -> Reach {
    let address = absolute(api.base_url());
    if same_origin(&address, &page_origin()) {
        return Reach::Unreachable;
    }
    let probe = RequestBuilder::new(&format!("{}{ME_PATH}", api.base_url()))
        .mode(RequestMode::NoCors)
        .send()
        .await;
    match probe {
        Ok(_) => Reach::RefusesOrigin,
        Err(_) => Reach::Unreachable,
    }
}

/// `url` resolved against the document's base URL (`/api` → `https://site/api`).
pub fn absolute(url: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map_or_else(|| url.to_string(), |u| u.href())
}

/// This page's origin, `https://console.example.com`.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the absolute `url` is on `origin` (scheme, host and port).
fn same_origin(url: &str, origin: &str) -> bool {
    url.strip_prefix(origin)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    #[test]
    fn origins_compare_whole() {
        let origin = "https://console.example.com";
        assert!(same_origin("https://console.example.com/api", origin));
        assert!(same_origin("https://console.example.com", origin));
        assert!(!same_origin(
            "https://console.example.com.evil.example/api",
            origin
        ));
        assert!(!same_origin("https://console.example.com:8443/api", origin));
        assert!(!same_origin("http://console.example.com/api", origin));
    }
}
