//! Where the wasm's bytes go (`cargo xtask bench`): each module of the last build,
//! optimised as the build does but keeping its function names, read by twiggy and
//! summed by crate, with the largest functions of the main module. The names are
//! what rustc mangled, so generic code counts for the crate that defines it (a
//! `tachys` view instantiated for a page of ours is `tachys`).

use std::collections::HashMap;
use std::path::Path;

use crate::util::{say, Ctx};
use crate::wasm::{self, APP};

/// Crates shown per module, and functions of the main module.
const TOP_CRATES: usize = 10;
const TOP_FUNCTIONS: usize = 12;

pub fn breakdown(ctx: &Ctx) -> Result<(), String> {
    let named = wasm::named_dir(ctx);
    let main = format!("{APP}_bg.wasm");
    let mut modules: Vec<String> = std::fs::read_dir(&named)
        .map_err(|e| format!("reading {} (run cargo xtask build): {e}", named.display()))?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n == &main || n.starts_with("split_"))
        .collect();
    modules.sort_by_key(|n| (n != &main, n.clone()));
    let scratch = ctx.target_dir().join("wasm-size-breakdown.wasm");
    for module in &modules {
        std::fs::copy(named.join(module), &scratch)
            .map_err(|e| format!("copying {module}: {e}"))?;
        wasm::wasm_opt(ctx, &scratch, true)?;
        let items = twiggy_items(ctx, &scratch)?;
        let code: u64 = items.iter().map(|(_, bytes)| bytes).sum();
        println!("\n{module}: {code} B after wasm-opt -Oz (names left out), by crate:");
        for (krate, bytes) in by_crate(&items).into_iter().take(TOP_CRATES) {
            println!("  {bytes:>9} B  {:>5.1}%  {krate}", percent(bytes, code));
        }
        if module == &main {
            println!("  largest functions:");
            for (name, bytes) in items.iter().take(TOP_FUNCTIONS) {
                let name: String = name.chars().take(110).collect();
                println!("  {bytes:>9} B  {name}");
            }
        }
    }
    let _ = std::fs::remove_file(&scratch);
    say("sizes: raw bytes of each module; brotli sizes per route are in the build's table");
    Ok(())
}

/// Every item twiggy lists with its own size, largest first, the name section left out.
fn twiggy_items(ctx: &Ctx, wasm: &Path) -> Result<Vec<(String, u64)>, String> {
    let mut c = ctx.cmd("twiggy");
    c.args(["top", "-n", "1000000", "-f", "csv"]).arg(wasm);
    let out = c
        .output()
        .map_err(|e| format!("could not run twiggy: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "twiggy failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut items: Vec<(String, u64)> = text.lines().skip(1).filter_map(csv_item).collect();
    items.retain(|(name, _)| !name.contains("subsection"));
    items.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
    Ok(items)
}

/// `Name,ShallowSize,…` where the name may be quoted with `""` escapes.
fn csv_item(line: &str) -> Option<(String, u64)> {
    let (name, rest) = match line.strip_prefix('"') {
        Some(quoted) => {
            let mut name = String::new();
            let mut chars = quoted.char_indices().peekable();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if chars.peek().is_some_and(|(_, n)| *n == '"') {
                        name.push('"');
                        chars.next();
                    } else {
                        end = Some(i + 1);
                        break;
                    }
                } else {
                    name.push(c);
                }
            }
            (name, quoted.get(end?..)?.strip_prefix(',')?)
        }
        None => {
            let (name, rest) = line.split_once(',')?;
            (name.to_string(), rest)
        }
    };
    let bytes = rest.split(',').next()?.parse().ok()?;
    Some((name, bytes))
}

/// Sums items by the crate their name starts with (`<a::B as c::D>::f` counts for a).
fn by_crate(items: &[(String, u64)]) -> Vec<(String, u64)> {
    let mut sums: HashMap<String, u64> = HashMap::new();
    for (name, bytes) in items {
        *sums.entry(crate_of(name)).or_default() += bytes;
    }
    let mut sums: Vec<(String, u64)> = sums.into_iter().collect();
    sums.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sums
}

fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "(constant data)".into();
    }
    let path = name
        .trim_start_matches(['<', '&'])
        .trim_start_matches("mut ");
    let krate: String = path
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    // `core::…`, or `dlmalloc[e24a…]::…` (a crate with its disambiguator); not the
    // sections twiggy names `code[12]` or `elem[0]`.
    let rest = &path[krate.len()..];
    let rest = match rest.strip_prefix('[') {
        Some(inner) => inner.split_once(']').map_or("", |(_, after)| after),
        None => rest,
    };
    if !krate.is_empty() && rest.starts_with("::") {
        krate
    } else {
        "(glue, tables, unnamed)".into()
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twiggy_csv_lines_are_read_quoted_or_not() {
        assert_eq!(
            csv_item("elem[0],4320,0.43,,"),
            Some(("elem[0]".to_string(), 4320))
        );
        assert_eq!(
            csv_item(r#""data segment "".rodata.x""",12440,1.2,,"#),
            Some((r#"data segment ".rodata.x""#.to_string(), 12440))
        );
        assert_eq!(csv_item("garbage"), None);
    }

    #[test]
    fn items_count_for_the_crate_that_defines_them() {
        assert_eq!(crate_of("tachys::view::Render::build::h1"), "tachys");
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::x"),
            "serde_json"
        );
        assert_eq!(
            crate_of("<dlmalloc[e24a]::Dlmalloc<A>>::malloc"),
            "dlmalloc"
        );
        assert_eq!(crate_of(r#"data segment ".rodata.x""#), "(constant data)");
        assert_eq!(
            crate_of("mountConsole externref shim"),
            "(glue, tables, unnamed)"
        );
        assert_eq!(crate_of("code[12]"), "(glue, tables, unnamed)");
    }
}
