//! Runs only the last of a burst of calls, after a quiet time: typing in a search box
//! sends one request when the user pauses, not one per key.

use std::time::Duration;

use leptos::prelude::*;

/// A debouncer owned by the component that creates it; `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct Debouncer {
    generation: StoredValue<u64>,
    quiet: Duration,
}

impl Debouncer {
    /// Waits `quiet` after the last call before running it.
    pub fn new(quiet: Duration) -> Self {
        Self {
            generation: StoredValue::new(0),
            quiet,
        }
    }

    /// Runs `f` after the quiet time unless another call comes first. Nothing runs
    /// once the owning component is gone.
    pub fn call(&self, f: impl FnOnce() + 'static) {
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        let generation = self.generation;
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    f();
                }
            },
            self.quiet,
        );
    }
}
