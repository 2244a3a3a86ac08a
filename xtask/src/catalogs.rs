//! The lint layer's check of the language catalogs (`locales/*.json`): every catalog
//! has the keys the English one has and no others, each text names the same values
//! (`{{ name }}`) in every language, none is empty; and no text a user would read is
//! written into `src/` outside them (a view's text node, or an `aria-label`, `title`,
//! `placeholder`, `label`, `alt` or `data-label` given as a literal).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

/// The catalogs checked against the first.
const CATALOGS: [&str; 2] = ["en", "de"];
/// Literal attribute values a user reads (or hears); `data-label` names a cell of a
/// table shown as cards on a phone.
const READ_ATTRIBUTES: [&str; 6] = [
    "aria-label",
    "title",
    "placeholder",
    "label",
    "alt",
    "data-label",
];
/// A line carrying this is left alone (a brand name, a code sample).
const NOT_TRANSLATED: &str = "not translated:";

/// Every problem found, one line each.
pub fn check(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut flat = Vec::new();
    for name in CATALOGS {
        let path = root.join("locales").join(format!("{name}.json"));
        match std::fs::read_to_string(&path).map(|t| serde_json::from_str::<Value>(&t)) {
            Ok(Ok(v)) => {
                let mut texts = BTreeMap::new();
                flatten("", &v, &mut texts);
                flat.push((name, texts));
            }
            Ok(Err(e)) => problems.push(format!("{}: not JSON: {e}", path.display())),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    if let Some(((first, base), others)) = flat.split_first() {
        for (name, texts) in others {
            for key in base.keys().filter(|k| !texts.contains_key(*k)) {
                problems.push(format!(
                    "locales/{name}.json lacks `{key}` (in {first}.json)"
                ));
            }
            for key in texts.keys().filter(|k| !base.contains_key(*k)) {
                problems.push(format!(
                    "locales/{name}.json has `{key}`, which {first}.json lacks"
                ));
            }
            for (key, text) in texts {
                if let Some(en) = base.get(key) {
                    if values(en) != values(text) {
                        problems.push(format!(
                            "`{key}` names {:?} in {first}.json but {:?} in {name}.json",
                            values(en),
                            values(text)
                        ));
                    }
                }
            }
        }
        for (name, texts) in &flat {
            for (key, _) in texts.iter().filter(|(_, t)| t.trim().is_empty()) {
                problems.push(format!("locales/{name}.json: `{key}` is empty"));
            }
        }
    }
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let shown = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        problems.extend(stray_literals(&text).into_iter().map(|(line, lit)| {
            format!("{shown}:{line}: {lit:?} is shown to users: put it in the catalogs (tr!)")
        }));
    }
    problems
}

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => {
            out.insert(prefix.to_string(), other.to_string());
        }
    }
}

/// The `{{ name }}` values a text names.
fn values(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}"))
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Literals with words in a view's text position (`>"Save"`, `"Save"</`) or in a
/// read attribute (`aria-label="Close"`), before the file's tests; (line, literal).
fn stray_literals(source: &str) -> Vec<(usize, String)> {
    let body = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || line.contains(NOT_TRANSLATED) {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let before = rest[..start].trim_end();
            let Some(len) = rest[start + 1..].find('"') else {
                break;
            };
            let literal = &rest[start + 1..start + 1 + len];
            let after = rest[start + 2 + len..].trim_start();
            // `>"Save"` in a view, not `=> "none"` in a match.
            let in_text =
                (before.ends_with('>') && !before.ends_with("=>")) || after.starts_with("</");
            let in_attribute = READ_ATTRIBUTES
                .iter()
                .any(|a| before.ends_with(&format!("{a}=")));
            let has_words = literal.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            if (in_text || in_attribute) && has_words {
                found.push((n + 1, literal.to_string()));
            }
            rest = &rest[start + 2 + len..];
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_views_and_read_attributes() {
        let src = r#"view! { <button aria-label="Close">"Save"</button> <p class="oc-x">{n}</p> }"#;
        let found: Vec<String> = stray_literals(src).into_iter().map(|(_, l)| l).collect();
        assert_eq!(found, ["Close", "Save"]);
        assert!(stray_literals(r#"Kind::None => "none","#).is_empty());
        let cell = stray_literals(r#"<td data-label="Role">{role}</td>"#);
        assert_eq!(cell, [(1, "Role".to_string())]);
        assert!(
            stray_literals(r#"<span>"Stream Cloud"</span> // not translated: brand"#).is_empty()
        );
        assert!(stray_literals("#[cfg(test)]\n<b>\"Test\"</b>").is_empty());
    }

    #[test]
    fn values_are_the_names_in_double_braces() {
        let names: Vec<String> = values("Page {{ page }} of {{pages}}").into_iter().collect();
        assert_eq!(names, ["page", "pages"]);
    }
}
