use leptos::prelude::*;

use crate::components::event_list::EventList;
use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::components::timeline_axis::TimelineAxis;
use crate::components::timeline_filters::TimelineFilters;
use crate::components::timeline_print::TimelinePrint;
use crate::data::{event, EVENTS};
use crate::i18n::Msg;
use crate::platform::document;
use crate::state::{tr, use_app};

/// Every event in the dataset, filterable, to scale on wide screens and as a list everywhere.
#[component]
pub fn Timeline() -> impl IntoView {
    let app = use_app();
    let shown = Memo::new(move |_| {
        let filter = app.filter();
        (0..EVENTS.len())
            .filter(|&i| filter.matches(&EVENTS[i]))
            .collect::<Vec<_>>()
    });
    let count = Signal::derive(move || shown.with(Vec::len));
    let unknown_event = move || {
        app.url
            .with(|u| u.event.as_deref().is_some_and(|id| event(id).is_none()))
    };
    // A shared link (`event=<id>`) opens that event: bring it into view once the list exists.
    if app.url.with_untracked(|u| u.event.is_some()) {
        request_animation_frame(document::reveal_open_event);
    }
    view! {
        <div class="page timeline">
            {page_intro(Msg::TimelineTitle, &[Msg::TimelineIntro])}
            <PrintButton />
            <Show when=unknown_event>
                <p class="notice" role="status">{tr(Msg::EventNotFound)}</p>
            </Show>
            <TimelineFilters shown=count />
            <TimelineAxis shown=shown />
            <Show when=move || count.get() == 0>
                <div class="panel empty">
                    <p>{tr(Msg::NoEventsMatch)}</p>
                    <button type="button" class="button button--primary"
                        on:click=move |_| app.set_filter(Default::default())>
                        {tr(Msg::ClearFilters)}
                    </button>
                </div>
            </Show>
            <EventList shown=shown />
            <TimelinePrint shown=shown />
        </div>
    }
}
