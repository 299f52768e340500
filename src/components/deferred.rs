//! Parts of a view that exist from the start but are not shown at first (a closed dialog's form, a chart's
//! table before "Table" is pressed) are built in a task after the view's first paint. The task that shows a
//! view, and above all the app's start-up task, stays shorter, so a slow phone answers a tap sooner.

use leptos::prelude::*;

use crate::platform::schedule::after_paint;

/// Turns true in a task after the next paint.
pub fn after_first_paint() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    after_paint(move || {
        // The view may have gone (a quick second navigation): then there is nothing to build.
        set_ready.try_set(true);
    });
    ready
}
