use leptos::{html::div, prelude::*};

use crate::components::theme_chip::theme_class;
use crate::data::EVENTS;
use crate::i18n::Msg;
use crate::logic::number::fixed;
use crate::logic::timeline::{era_spans, lanes, year_fraction, Axis};
use crate::platform::document;
use crate::state::{tr, use_app};

/// Lane spacing in axis fractions: a 26 px marker plus a little air on a 1,100 px axis.
const MIN_GAP: f64 = 0.027;
/// The axis is only shown from 720 px (see `style/timeline.css`), so ticks are chosen for that width.
const AXIS_MIN_WIDTH_PX: f64 = 680.0;
/// Vertical distance between lanes of markers, in CSS pixels (markers are 26 px).
const LANE_PX: usize = 30;

/// Positions are set with `style:prop=` (CSSOM `style.setProperty`), never a `style=` string: Leptos writes
/// that with `setAttribute("style", …)`, which the Content-Security-Policy (`style-src 'self'`, no
/// 'unsafe-inline') blocks.
///
/// The to-scale overview for wide screens: era bands, year ticks and a marker per event, gaps proportional
/// to time. It is a picture of the list below, which is the accessible version, so it is hidden from
/// assistive technology and its markers are not tab stops.
#[component]
pub fn TimelineAxis(#[prop(into)] shown: Signal<Vec<usize>>) -> impl IntoView {
    let app = use_app();
    let axis = Axis::covering(EVENTS);
    let pct = |f: f64| format!("{}%", fixed(f * 100.0, 3));
    let eras = era_spans(&axis)
        .into_iter()
        .enumerate()
        .map(|(i, (left, width, era))| {
            view! {
                <div class=format!("axis__era axis__era--{i}") style:left=pct(left) style:width=pct(width)>
                    <span>{tr(era.label)}</span>
                </div>
            }
        })
        .collect_view();
    let ticks = axis
        .ticks(AXIS_MIN_WIDTH_PX, 48.0)
        .into_iter()
        .map(|y| {
            view! { <span class="axis__tick" style:left=pct(axis.position(f64::from(y)))>{y}</span> }
        })
        .collect_view();
    // One effect marks the open event's marker, instead of a reactive class on every marker.
    let track = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let open = app.url.with(|u| u.event.clone());
        let _ = shown.get(); // markers are rebuilt when the filter changes
        let Some(track) = track.get() else { return };
        if let Ok(Some(old)) = track.query_selector(".axis__marker.is-open") {
            let _ = old.class_list().remove_1("is-open");
        }
        if let Some(id) = open {
            if let Ok(Some(marker)) = track.query_selector(&format!("[data-event=\"{id}\"]")) {
                let _ = marker.class_list().add_1("is-open");
            }
        }
    });
    let markers = move || {
        let shown = shown.get();
        let positions: Vec<f64> = shown
            .iter()
            .map(|&i| axis.position(year_fraction(&EVENTS[i].date)))
            .collect();
        let lane_of = lanes(&positions, MIN_GAP);
        let lane_count = lane_of.iter().max().map_or(1, |m| m + 1);
        let markers = shown
            .iter()
            .zip(positions)
            .zip(lane_of)
            .map(|((&i, pos), lane)| {
                let e = &EVENTS[i];
                // Builder rather than `view!`: an empty `view!` element still creates a placeholder comment
                // (see `event_list::event_row`), 38 extra nodes here.
                div()
                    .class(theme_class("axis__marker", e.theme))
                    .attr("data-event", e.id)
                    .style(("left", pct(pos)))
                    .style(("top", format!("{}px", lane * LANE_PX + 6)))
            })
            .collect_view();
        view! { <div class="axis__markers" style:height=format!("{}px", lane_count * LANE_PX + 12)>{markers}</div> }
    };
    view! {
        <div class="axis" aria-hidden="true">
            <p class="axis__label">{tr(Msg::AxisLabel)}</p>
            // One click handler for all markers (`data-event` names each one's event).
            <div class="axis__track" node_ref=track on:click=move |ev| {
                let id = document::closest_data(ev.target(), ".axis__marker", "data-event");
                if let Some(e) = id.and_then(|id| EVENTS.iter().find(|e| e.id == id)) {
                    app.open_event(Some(e.id));
                    request_animation_frame(document::reveal_open_event);
                }
            }>
                {eras}
                {markers}
                <div class="axis__ticks">{ticks}</div>
            </div>
        </div>
    }
}
