use leptos::prelude::*;

use crate::components::theme_chip::theme_class;
use crate::data::model::{Stance, Theme};
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
    let count = move || tp(lang(), Msg::EventsShown, shown.get() as u64, &[]);
    view! {
        <div class="timeline-filters">
            <fieldset class="filter-group">
                <legend>{tr(Msg::FilterThemes)}</legend>
                <ul class="filter-chips">{chips}</ul>
            </fieldset>
            <div class="filter-row">
                {menu(
                    "filter-region",
                    (Msg::FilterRegion, Msg::RegionAll),
                    regions_present(EVENTS),
                    move || app.filter().region,
                    move |region| app.set_filter(Filter { region, ..app.filter() }),
                )}
                {menu(
                    "filter-stance",
                    (Msg::FilterStance, Msg::StanceAll),
                    Stance::ALL.to_vec(),
                    move || app.filter().stance,
                    move |stance| app.set_filter(Filter { stance, ..app.filter() }),
                )}
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

/// A menu over one vocabulary, with "all" first. `selected` is only the starting choice (the select's `value`
/// is set before its options exist); later changes go through `prop:value`. A reactive `selected` on every
/// option cost over a millisecond of the timeline's render budget in re-selection work.
fn menu<T: UrlValue + Label + Send + Sync>(
    class: &'static str,
    (label, all): (Msg, Msg),
    options: Vec<T>,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    choose: impl Fn(Option<T>) + Copy + 'static,
) -> impl IntoView {
    let initial = untrack(current);
    let options = options
        .into_iter()
        .map(|v| view! { <option value=v.id() selected=initial == Some(v)>{tr(v.label())}</option> })
        .collect_view();
    view! {
        <label class=class>
            <span>{tr(label)}</span>
            <select on:change=move |ev| choose(T::from_id(&event_target_value(&ev)))
                prop:value=move || current().map_or("", |v| v.id())>
                <option value="" selected=initial.is_none()>{tr(all)}</option>
                {options}
            </select>
        </label>
    }
}
