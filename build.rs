//! Compiles the language catalogs (`locales/*.json`):
//! - all of them into the `i18n` module (leptos_i18n): a key the code uses and no
//!   catalog has does not compile; a key only one catalog has fails the lint layer
//!   (`xtask/src/catalogs.rs`);
//! - the German one also into a table of its own (`german.rs`: the words, and each
//!   key's index in a module tree shaped like the catalog), which `src/lang/german.rs`
//!   puts in a wasm chunk loaded only when German is chosen.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The catalog that is loaded on demand.
const ON_DEMAND: &str = "locales/de.json";

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
    write_on_demand_table(Path::new(ON_DEMAND), &out.join("german.rs"));
}

/// `WORDS`, every text of the catalog in key order, and `idx::section::key`, the
/// index of each.
fn write_on_demand_table(catalog: &Path, to: &Path) {
    println!("cargo::rerun-if-changed={}", catalog.display());
    let text = std::fs::read_to_string(catalog).expect("the catalog is readable");
    let root: serde_json::Value = serde_json::from_str(&text).expect("the catalog is JSON");
    let mut words = Vec::new();
    let mut index = String::new();
    walk(&root, &mut words, &mut index);
    let mut code = format!(
        "/// Every text of `{}`, in key order.\npub static WORDS: [&str; {}] = [\n",
        catalog.display(),
        words.len()
    );
    for word in &words {
        // A str's Debug form is a valid Rust string literal.
        let _ = writeln!(code, "    {word:?},");
    }
    code.push_str("];\n\n/// The index of each key's text in `WORDS`.\npub mod idx {\n");
    code.push_str(&index);
    code.push_str("}\n");
    std::fs::write(to, code).expect("the German table is written");
}

fn walk(value: &serde_json::Value, words: &mut Vec<String>, index: &mut String) {
    let serde_json::Value::Object(entries) = value else {
        panic!("a catalog section must be an object");
    };
    for (key, value) in entries {
        match value {
            serde_json::Value::String(text) => {
                let _ = writeln!(
                    index,
                    "#[allow(non_upper_case_globals)] pub const {key}: usize = {};",
                    words.len()
                );
                words.push(text.clone());
            }
            serde_json::Value::Object(_) => {
                let _ = writeln!(index, "pub mod {key} {{");
                walk(value, words, index);
                index.push_str("}\n");
            }
            _ => panic!("catalog key {key}: a text or a section, nothing else"),
        }
    }
}
