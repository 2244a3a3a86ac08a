//! Test counts read from the runners' output (cargo/libtest and node --test).

#[derive(Default)]
pub struct Counts {
    passed: u64,
    failed: u64,
    ignored: u64,
    seen: bool,
}

impl Counts {
    /// cargo / libtest / wasm-bindgen-test-runner: `test result: ok. 3 passed; 0 failed; 1 ignored; ...`
    pub fn cargo_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        self.seen = true;
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            let n = |w: &str| {
                words
                    .windows(2)
                    .find(|p| p[1] == w)
                    .and_then(|p| p[0].parse::<u64>().ok())
            };
            if let Some(v) = n("passed") {
                self.passed += v;
            }
            if let Some(v) = n("failed") {
                self.failed += v;
            }
            if let Some(v) = n("ignored") {
                self.ignored += v;
            }
        }
    }

    /// node --test, TAP (`# pass 3`) or spec (`ℹ pass 3`) reporter.
    pub fn node_line(&mut self, line: &str) {
        let t = line.trim();
        let Some(rest) = t.strip_prefix("# ").or_else(|| t.strip_prefix("ℹ ")) else {
            return;
        };
        let mut w = rest.split_whitespace();
        let (Some(key), Some(num), None) = (w.next(), w.next(), w.next()) else {
            return;
        };
        let Ok(num) = num.parse::<u64>() else { return };
        match key {
            "pass" => {
                self.passed += num;
                self.seen = true;
            }
            "fail" | "cancelled" => {
                self.failed += num;
                self.seen = true;
            }
            "skipped" | "todo" => self.ignored += num,
            _ => {}
        }
    }

    pub fn describe(&self) -> String {
        if self.seen {
            format!(
                "tests: passed {} / failed {} / skipped {}",
                self.passed, self.failed, self.ignored
            )
        } else {
            String::new()
        }
    }
}
