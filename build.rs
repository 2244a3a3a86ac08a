//! Compiles the language catalogs (`locales/*.json`) into the `i18n` module
//! (leptos_i18n): a key the code uses and no catalog has does not compile; a key only
//! one catalog has fails the lint layer (`xtask/src/catalogs.rs`).

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let config = Config::new("en")
        .and_then(|c| c.add_locale("de"))
        .expect("valid locale names")
        .parse_options(ParseOptions::default().interpolate_display(true));
    let catalogs = TranslationsInfos::parse(config).expect("the catalogs parse");
    catalogs.rerun_if_locales_changed();
    catalogs.emit_diagnostics();
    catalogs
        .generate_i18n_module(out.join("i18n"))
        .expect("the i18n module is written");
}
