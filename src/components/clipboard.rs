//! Copying text to the clipboard.

/// Writes `text` to the clipboard; `Err` when the browser refuses (no permission,
/// insecure context), so the caller can say so.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
