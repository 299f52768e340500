use leptos::{ev, html, prelude::*};
use wasm_bindgen::{closure::Closure, JsCast};

use crate::data::model::Comparison;
use crate::draw::comparison::{draw_on_canvas, palette, Labels};
use crate::i18n::{tf, Msg};
use crate::logic::chart::{format_mark, height_for, hit, layout, ChartData};
use crate::platform::document;
use crate::state::{lang, tr, use_app};

/// A comparison drawn on a canvas that fills its container: redrawn on resize (ResizeObserver on the
/// wrapper, since canvases do not report their own size reliably), on theme change and on selection, with
/// the backing store at CSS size × devicePixelRatio. Tap, hover or arrow keys pick a value, read out below.
#[component]
pub fn ChartCanvas(comparison: &'static Comparison, #[prop(into)] show_change: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let c = comparison;
    let wrapper = NodeRef::<html::Div>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let selected = RwSignal::new(None::<usize>);

    Effect::new(move |_| {
        let Some(el) = wrapper.get() else { return };
        let observe = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                let w = entry.content_rect().width().floor();
                if (w - width.get_untracked()).abs() >= 1.0 {
                    // Every chart's observer fires in the same callback; drawing each in a task of its own
                    // keeps slow phones responsive instead of one long block for the whole page (Lighthouse
                    // measured 135 ms at 4x CPU slowdown). `try_set`: the chart may be gone by then.
                    set_timeout(
                        move || {
                            let _ = width.try_set(w);
                        },
                        std::time::Duration::ZERO,
                    );
                }
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(observe.as_ref().unchecked_ref()) {
            observer.observe(&el);
            // The callback lives exactly as long as its observer: both go when the chart leaves the page, so
            // visiting Compare again and again leaks nothing.
            let observe = send_wrapper::SendWrapper::new(observe);
            on_cleanup(move || {
                observer.disconnect();
                drop(observe);
            });
        }
    });

    // The layout with the series names and unit it was drawn with (the change view has its own).
    let geometry = Memo::new(move |_| {
        let w = width.get();
        (w > 0.0).then(|| {
            let label = change_label(c);
            let (points, percent) = (tr(Msg::ChartUnitPoints), tr(Msg::ChartUnitPercent));
            let data = show_change
                .get()
                .then(|| ChartData::change(c, &label, points, percent))
                .flatten()
                .unwrap_or_else(|| ChartData::values(c));
            let names: Vec<String> = data.series.iter().map(|(n, _)| n.to_string()).collect();
            (layout(&data, w, height_for(w)), names, data.unit.to_string())
        })
    });
    // A new view of the data starts without a selection.
    Effect::new(move |_| {
        show_change.track();
        selected.set(None);
    });
    Effect::new(move |_| {
        let (Some(el), Some((l, names, unit))) = (canvas.get(), geometry.get()) else {
            return;
        };
        let dpr = app.device_pixel_ratio.get().max(1.0);
        let style = web_sys::HtmlElement::style(&el);
        let _ = style.set_property("width", &format!("{}px", l.width));
        let _ = style.set_property("height", &format!("{}px", l.height));
        let labels = Labels {
            series: names.iter().map(String::as_str).collect(),
            article: tr(Msg::ChartArticleMark),
            unit: &unit,
        };
        if let Err(e) = draw_on_canvas(&el, &l, dpr, &palette(app.is_dark()), &labels, selected.get()) {
            web_sys::console::warn_1(&format!("chart {}: {e}", c.id).into());
        }
        // For `cargo xtask bench`: when the pixels of a redraw are on the canvas.
        document::performance_mark("reverse-wave:chart-drawn");
    });

    let pick_at = move |ev: ev::PointerEvent| {
        let found = geometry.with_untracked(|g| {
            g.as_ref()
                .and_then(|(l, ..)| hit(l, f64::from(ev.offset_x()), f64::from(ev.offset_y())))
        });
        if found.is_some() {
            selected.set(found);
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        let n = geometry.with_untracked(|g| g.as_ref().map_or(0, |(l, ..)| l.marks.len()));
        if n == 0 {
            return;
        }
        let next = match (ev.key().as_str(), selected.get_untracked()) {
            ("ArrowRight" | "ArrowDown", None) | ("Home", _) => 0,
            ("ArrowLeft" | "ArrowUp", None) | ("End", _) => n - 1,
            ("ArrowRight" | "ArrowDown", Some(i)) => (i + 1) % n,
            ("ArrowLeft" | "ArrowUp", Some(i)) => (i + n - 1) % n,
            ("Escape", _) => {
                selected.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        selected.set(Some(next));
    };
    let readout = move || {
        let i = selected.get()?;
        geometry.with(|g| {
            let (l, names, unit) = g.as_ref()?;
            let m = l.marks.get(i)?;
            let value = match unit.as_str() {
                "%" => format_mark(m.value, unit),
                unit => format!("{} {unit}", format_mark(m.value, unit)),
            };
            Some(tf(
                lang(),
                Msg::ChartReadout,
                &[
                    ("series", names.get(m.series)?),
                    ("category", c.categories[m.category].get()),
                    ("value", &value),
                ],
            ))
        })
    };
    let label = format!("{} {}", c.title.get(), c.question.get());
    view! {
        <div class="chart" node_ref=wrapper>
            <canvas node_ref=canvas class="chart__canvas" role="img" aria-label=label tabindex="0"
                on:pointerdown=pick_at on:pointermove=pick_at on:keydown=on_key></canvas>
        </div>
        <p class="chart__readout" class:chart__readout--value=move || selected.get().is_some() aria-live="polite">
            {move || readout().unwrap_or_else(|| tr(Msg::ChartHint).to_string())}
        </p>
    }
}

/// The change series' name: "Change, 2017 → 2021", or "Change since 2012" for a line chart.
fn change_label(c: &Comparison) -> String {
    let first = c.series.first().map_or("", |s| s.label.get());
    let last = c.series.last().map_or("", |s| s.label.get());
    let since = c.categories.first().map_or("", |t| t.get());
    match c.kind {
        crate::data::model::ChartKind::Line => tf(lang(), Msg::ChartChangeSince, &[("from", since)]),
        _ => tf(lang(), Msg::ChartChangeBetween, &[("from", first), ("to", last)]),
    }
}

/// Whether this comparison has a meaningful "change" view.
pub fn has_change_view(c: &Comparison) -> bool {
    ChartData::change(c, "", "", "").is_some()
}
