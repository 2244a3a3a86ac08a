//! The first-load budget: what the first visit to each route downloads (wasm, JS and
//! CSS, as served with brotli), from the built `dist/`. Every route loads the page's
//! start (its stylesheet, `early-session.js`, the glue, the split loader and the main
//! module), then the splits in [`ROUTES`] with the chunks they share with others; the
//! embedding entry loads `org-console.js` and its stylesheet instead of the page's.
//! `cargo xtask build` prints the table, `cargo xtask test` fails above the budget.

use std::path::Path;

use crate::wasm::{WasmBuild, APP, LOADER};

/// Bytes a first visit to any route may download (wasm + JS + CSS, brotli).
pub const BUDGET: u64 = 200_000;
/// Routes allowed above [`BUDGET`] while cuts are under way, each with the bytes it
/// may not exceed meanwhile: a ratchet, lowered with every cut, so nothing grows. A
/// route under the budget leaves the list and the test holds it to the budget. Empty
/// since 5 December 2026, when User Management, the last route above the budget,
/// came to 199.8 KB (the standard library built for size with panics as traps,
/// `xtask/src/wasm.rs`, and the users list without `<Transition>`); the README's
/// Performance section keeps the history of the cuts, route by route.
const CEILINGS: &[(&str, u64)] = &[];
/// The next mark the issue sets (printed, not enforced).
const NEXT_MARK: u64 = 150_000;
/// How many of a route's largest files to name when it is over the budget.
const CONTRIBUTORS: usize = 8;

/// Each route and the splits its first visit loads (the `lazy_page!` names in `src`;
/// the frame of the pages under `/organisation` is in the main module). A split
/// of the build that no route names, or a route naming a split the build lacks, is an
/// error: this list must follow `src/app.rs`.
const ROUTES: &[(&str, &[&str])] = &[
    ("login", &["login"]),
    ("invitation", &["invite_accept"]),
    ("overview", &["overview"]),
    ("users", &["users"]),
    ("a single user", &["user_detail"]),
    ("activity", &["activity"]),
];
/// Splits no first visit loads: the screens shown only when something is wrong (a
/// bad configuration or an unreachable API, `src/components/problem_screen.rs`), the
/// German words, loaded when German is chosen (`src/lang/german.rs`), the parts
/// of a page fetched once it has settled or when first used (the `lazy_part!` names;
/// `role_overview` is the invitation's "What … allows", `dialog` the code of every
/// confirmation dialog, `pending_invites` the card below the users list, `bulk_bar`
/// the bar over it while users are selected, `overview_lower` the Overview's cards
/// after the packages and API access, `recent_activity` the last card of a user's
/// page), and the CSV export's and the webhook test's runs and the Activity tab's
/// lookup of a user by email (`user_lookup`), each fetched with its first use.
const ON_DEMAND: &[&str] = &[
    "problems",
    "dialog",
    "german",
    "bulk_dialog",
    "invite_dialog",
    "update_permission_dialog",
    "reset_token_dialog",
    "delete_user_dialog",
    "profile_menu",
    "nav_drawer",
    "users_export",
    "role_overview",
    "pending_invites",
    "webhook_test",
    "bulk_bar",
    "recent_activity",
    "user_lookup",
    "overview_lower",
];
/// The page an embedding host shows first by default.
const EMBED_ROUTE: &str = "overview";

/// The splits some first visit loads: what the splitter groups chunks by.
pub fn eager_splits() -> Vec<&'static str> {
    ROUTES
        .iter()
        .flat_map(|(_, splits)| splits.iter().copied())
        .collect()
}

/// One route's first load.
pub struct RouteLoad {
    /// The split's name (the page's chunk in `src/pages`) or `embedding entry`.
    pub route: String,
    /// Each file with the bytes it is served as (its `.br` if there is one).
    pub files: Vec<(String, u64)>,
}

impl RouteLoad {
    pub fn total(&self) -> u64 {
        self.files.iter().map(|(_, bytes)| bytes).sum()
    }

    /// What the test holds this route to: the budget, or its ceiling while above it.
    fn ceiling(&self) -> u64 {
        CEILINGS
            .iter()
            .find(|(route, _)| *route == self.route)
            .map_or(BUDGET, |(_, ceiling)| *ceiling)
    }
}

/// The first load of every route in [`ROUTES`], standalone, and of the Overview
/// through the embedding entry.
pub fn first_loads(dist: &Path, wasm: &WasmBuild) -> Result<Vec<RouteLoad>, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("reading {}: {e}", dist.join("index.html").display()))?;
    let stylesheet = linked_stylesheet(&index)
        .ok_or_else(|| format!("dist/index.html links no {APP}-<hash>.css"))?;
    let wasm_files = [
        wasm.glue(),
        format!("{}/{LOADER}", wasm.folder),
        wasm.main_wasm(),
    ];
    let page_start = [
        stylesheet,
        "theme-boot.js".to_string(),
        "early-session.js".to_string(),
    ];
    let embed_start = [format!("{APP}.js"), format!("{APP}.css")];

    for (split, _) in &wasm.splits {
        let in_a_route = ROUTES
            .iter()
            .any(|(_, splits)| splits.contains(&split.as_str()));
        if !in_a_route && !ON_DEMAND.contains(&split.as_str()) {
            return Err(format!(
                "the split `{split}` is in no route of xtask/src/budget.rs"
            ));
        }
    }
    // A first visit fetches its page's split and chunks in one pack (packs.rs).
    let pack_file = |name: &str| -> Result<String, String> {
        if !wasm.splits.iter().any(|(split, _)| split == name) {
            return Err(format!(
                "xtask/src/budget.rs names the split `{name}`, the build has none"
            ));
        }
        Ok(format!(
            "{}/{}",
            wasm.folder,
            wasm_split_cli_support::pack_file_name(name)
        ))
    };
    let route_files = |start: &[String], splits: &[&str]| -> Result<Vec<String>, String> {
        let mut names: Vec<String> = start.iter().chain(&wasm_files).cloned().collect();
        for split in splits {
            names.push(pack_file(split)?);
        }
        Ok(names)
    };
    let mut routes = Vec::new();
    for (route, splits) in ROUTES {
        routes.push(load(
            dist,
            route.to_string(),
            route_files(&page_start, splits)?,
        )?);
    }
    let (_, embed_splits) = ROUTES
        .iter()
        .find(|(route, _)| *route == EMBED_ROUTE)
        .expect("the embedding's first route is in ROUTES");
    routes.push(load(
        dist,
        format!("embedding entry ({EMBED_ROUTE})"),
        route_files(&embed_start, embed_splits)?,
    )?);
    Ok(routes)
}

/// The one stylesheet the page links (`org-console-<hash>.css`, see dist.rs).
fn linked_stylesheet(index: &str) -> Option<String> {
    let at = index.find(&format!("{APP}-"))?;
    let end = at + index[at..].find(".css")? + ".css".len();
    Some(index[at..end].to_string())
}

fn load(dist: &Path, route: String, names: Vec<String>) -> Result<RouteLoad, String> {
    let mut files = Vec::new();
    for name in names {
        let served = [format!("{name}.br"), name.clone()]
            .iter()
            .find_map(|candidate| std::fs::metadata(dist.join(candidate)).ok())
            .ok_or_else(|| format!("{name} is missing from {}", dist.display()))?;
        files.push((name, served.len()));
    }
    files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(RouteLoad { route, files })
}

/// Prints each route's first load and its largest files; Err names the routes over
/// what the test holds them to (the budget, or a ceiling of [`CEILINGS`]).
pub fn report(routes: &[RouteLoad]) -> Result<(), String> {
    println!("first load per route (wasm + JS + CSS, brotli); budget {BUDGET} B, next mark {NEXT_MARK} B:");
    for r in routes {
        let (total, ceiling) = (r.total(), r.ceiling());
        let verdict = if total > ceiling {
            format!("FAILED: over {ceiling} B")
        } else if total > BUDGET {
            format!(
                "over the budget by {} B (ceiling {ceiling} B)",
                total - BUDGET
            )
        } else if total > NEXT_MARK {
            "within the budget".to_string()
        } else {
            "within the budget and the next mark".to_string()
        };
        println!("  {:<28} {:>9} B   {verdict}", r.route, total);
    }
    for r in routes.iter().filter(|r| r.total() > NEXT_MARK) {
        println!("  largest files of {}:", r.route);
        for (name, bytes) in r.files.iter().take(CONTRIBUTORS) {
            println!("    {bytes:>9} B  {name}");
        }
    }
    let failed: Vec<&RouteLoad> = routes.iter().filter(|r| r.total() > r.ceiling()).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "first load grew past what the test allows on: {}",
            failed
                .iter()
                .map(|r| r.route.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}
