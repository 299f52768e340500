//! When deferred work runs, relative to the browser's frames.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `work` in a task after the next frame: the frame callback runs before paint, the timeout after it.
pub fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}

/// Like [`after_paint`], but never later than `at_most`: a hidden tab or an off-screen frame produces no
/// frames, and work that must happen (starting the app) cannot wait for one.
pub fn after_paint_or(at_most: Duration, work: impl FnOnce() + 'static) {
    let work = Rc::new(Cell::new(Some(work)));
    let on_time = Rc::clone(&work);
    after_paint(move || {
        if let Some(work) = on_time.take() {
            work();
        }
    });
    set_timeout(
        move || {
            if let Some(work) = work.take() {
                work();
            }
        },
        at_most,
    );
}
