//! A reload that answers quickly changes nothing on screen until its answer is in:
//! the old content is marked busy (`aria-busy`, dimmed) only once the reload has
//! taken a moment. A flash of dimmed rows before an answer that comes within a frame
//! or two is noise, and repainting the whole table for it held that answer back (a
//! role filter click took 18 ms instead of 12 in `tests/bench/baseline.bench.mjs`).

use std::time::Duration;

use leptos::prelude::*;

use super::debounce::Debouncer;

/// How long a reload runs before its old content is marked busy.
pub const BUSY_AFTER: Duration = Duration::from_millis(150);

/// `pending` (a `<Transition>`'s), true once it has stayed true for [`BUSY_AFTER`];
/// false again as soon as `pending` is.
pub fn busy_after_a_moment(pending: RwSignal<bool>) -> Signal<bool> {
    let busy = RwSignal::new(false);
    let wait = Debouncer::new(BUSY_AFTER);
    Effect::new(move |_| {
        if pending.get() {
            wait.call(move || {
                if pending.try_get_untracked() == Some(true) {
                    let _ = busy.try_set(true);
                }
            });
        } else if busy.get_untracked() {
            busy.set(false);
        }
    });
    busy.into()
}
