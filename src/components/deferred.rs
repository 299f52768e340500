//! Parts of a view that exist from the start but are not shown at first (a closed dialog's form, a chart's
//! table before "Table" is pressed), and the parts of a long view below its first screen, are built in a task
//! after the view's first paint. The task that shows a view, and above all the app's start-up task, stays
//! shorter, so a slow phone shows the view and answers a tap sooner (bench/levers.md).

use leptos::prelude::*;

use crate::platform::document;
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

/// Its children, built in the task after the view's first paint: for the part of a long view below its first
/// screen (the sources page's list of sources, thousands of elements). Until then a hidden marker stands in
/// (`data-pending`; the browser tests wait for it to go). A deep link into the children (`#source-…`), which
/// found nothing when the view was shown, is followed once they exist.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    after_paint(move || {
        let follow_link = document::hash_target_missing();
        // `None`: set. The view may have gone (a quick second navigation): then there is nothing to build.
        if set_ready.try_set(true).is_none() && follow_link {
            request_animation_frame(document::reveal_hash_target);
        }
    });
    view! {
        <Show when=move || ready.get() fallback=|| view! { <div data-pending="" hidden></div> }>
            {children()}
        </Show>
    }
}
