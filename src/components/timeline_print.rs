use leptos::prelude::*;

use crate::components::deferred::after_first_paint;
use crate::data::{source_name, EVENTS};
use crate::i18n::{format_date, Msg};
use crate::logic::glossary::plain;
use crate::state::{lang, tr};

/// The timeline on paper: every event the filters show, as a dated list with its summary and sources (on
/// screen only one event's details are open at a time). Hidden on screen and built after the view's first
/// paint, so switching to the timeline costs nothing more; `style/print.css` shows it instead of the list.
#[component]
pub fn TimelinePrint(#[prop(into)] shown: Signal<Vec<usize>>) -> impl IntoView {
    let built = after_first_paint();
    let list = move || {
        built.get().then(|| {
            shown.with(|shown| {
                shown
                    .iter()
                    .map(|&i| {
                        let e = &EVENTS[i];
                        let publishers: Vec<&str> = e
                            .sources
                            .iter()
                            .filter_map(|id| source_name(id))
                            .map(|s| s.publisher)
                            .collect();
                        view! {
                            <li class="timeline-print__event">
                                <p class="timeline-print__head">
                                    <strong>{format_date(lang(), &e.date)}</strong> " " {e.title.get()}
                                </p>
                                <p>{plain(e.summary.get())}</p>
                                <p class="timeline-print__sources">
                                    {tr(Msg::EventSources)} ": " {publishers.join("; ")}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! { <ol class="print-only timeline-print">{list}</ol> }
}
