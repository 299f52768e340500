use leptos::prelude::*;

use crate::components::theme_chip::theme_class;
use crate::data::model::{Region, Stance, Theme};
use crate::data::EVENTS;
use crate::i18n::{tp, Label, Msg};
use crate::logic::timeline::{regions_present, Filter};
use crate::logic::url_state::UrlValue;
use crate::state::{lang, tr, use_app};

/// Theme chips (toggle buttons, several at once), region and stance menus, and a live count of what is left.
#[component]
pub fn TimelineFilters(#[prop(into)] shown: Signal<usize>) -> impl IntoView {
    let app = use_app();
    let toggle = move |theme: Theme| {
        let f = app.filter();
        app.set_filter(Filter {
            themes: f.themes.toggled(theme),
            ..f
        });
    };
    let set_region = move |value: String| {
        app.set_filter(Filter {
            region: Region::from_id(&value),
            ..app.filter()
        });
    };
    let set_stance = move |value: String| {
        app.set_filter(Filter {
            stance: Stance::from_id(&value),
            ..app.filter()
        });
    };
    let chips = Theme::ALL
        .iter()
        .map(|&theme| {
            let pressed = move || {
                if app.filter().themes.contains(theme) {
                    "true"
                } else {
                    "false"
                }
            };
            view! {
                <li>
                    <button type="button" class=theme_class("filter-chip", theme) aria-pressed=pressed
                        on:click=move |_| toggle(theme)>
                        {tr(theme.label())}
                    </button>
                </li>
            }
        })
        .collect_view();
    // `selected` is only the starting choice (the select's `value` is set before its options exist); later
    // changes go through `prop:value`. A reactive `selected` on every option cost over a millisecond of the
    // timeline's render budget in re-selection work.
    let initial = untrack(|| app.filter().region);
    let regions = regions_present(EVENTS)
        .into_iter()
        .map(|r| view! { <option value=r.id() selected=initial == Some(r)>{tr(r.label())}</option> })
        .collect_view();
    let initial_stance = untrack(|| app.filter().stance);
    let stances = Stance::ALL
        .iter()
        .map(|&s| view! { <option value=s.id() selected=initial_stance == Some(s)>{tr(s.label())}</option> })
        .collect_view();
    let count = move || tp(lang(), Msg::EventsShown, shown.get() as u64, &[]);
    view! {
        <div class="timeline-filters">
            <fieldset class="filter-group">
                <legend>{tr(Msg::FilterThemes)}</legend>
                <ul class="filter-chips">{chips}</ul>
            </fieldset>
            <div class="filter-row">
                <label class="filter-region">
                    <span>{tr(Msg::FilterRegion)}</span>
                    <select on:change=move |ev| set_region(event_target_value(&ev))
                        prop:value=move || app.filter().region.map_or("", |r| r.id())>
                        <option value="" selected=initial.is_none()>{tr(Msg::RegionAll)}</option>
                        {regions}
                    </select>
                </label>
                <label class="filter-stance">
                    <span>{tr(Msg::FilterStance)}</span>
                    <select on:change=move |ev| set_stance(event_target_value(&ev))
                        prop:value=move || app.filter().stance.map_or("", |s| s.id())>
                        <option value="" selected=initial_stance.is_none()>{tr(Msg::StanceAll)}</option>
                        {stances}
                    </select>
                </label>
                <p class="filter-count" role="status" aria-live="polite">{count}</p>
                <Show when=move || app.filter().is_active()>
                    <button type="button" class="button" on:click=move |_| app.set_filter(Filter::default())>
                        {tr(Msg::ClearFilters)}
                    </button>
                </Show>
            </div>
        </div>
    }
}
