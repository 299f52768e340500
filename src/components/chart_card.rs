use leptos::prelude::*;

use crate::components::chart_canvas::{has_change_view, ChartCanvas};
use crate::components::data_table::DataTable;
use crate::components::deferred::after_first_paint;
use crate::components::glossary_text::glossary_text;
use crate::components::source_links::source_links;
use crate::components::stance_label::stance_label;
use crate::data::model::Comparison;
use crate::data::source_name;
use crate::draw::comparison::{draw_for_download, palette, Labels};
use crate::i18n::{tf, Msg};
use crate::logic::chart::{csv, format_mark, format_value, height_for, layout, ChartData};
use crate::platform::document;
use crate::state::{lang, tr, use_app};

/// One comparison: the finding as its title, the chart or its table, the source, and downloads.
#[component]
pub fn ChartCard(comparison: &'static Comparison) -> impl IntoView {
    let app = use_app();
    let c = comparison;
    let show_table = RwSignal::new(false);
    let show_change = RwSignal::new(false);
    let focused = move || app.url.with(|u| u.chart.as_deref() == Some(c.id));
    let sources: Vec<_> = c.sources.iter().filter_map(|id| source_name(id)).collect();
    let source_line = sources.iter().map(|s| s.publisher).collect::<Vec<_>>().join("; ");
    let source_links = source_links(c.sources);
    let article_notes = c
        .article
        .iter()
        .filter_map(|a| {
            let si = c.series.iter().position(|s| s.label == a.series)?;
            let ci = c.categories.iter().position(|k| *k == a.category)?;
            let actual = c.series[si].values.get(ci)?;
            Some(tf(
                lang(),
                Msg::ChartArticleNote,
                &[
                    ("category", a.category.get()),
                    ("series", a.series.get()),
                    ("said", &format_value(a.value, c.unit.get())),
                    ("actual", &format_mark(*actual, c.unit.get())),
                ],
            ))
        })
        .map(|note| view! { <p class="chart-card__article">{note}</p> })
        .collect_view();
    let title_id = format!("chart-title-{}", c.id);
    let labelled_by = title_id.clone();
    let download_csv =
        move |_| document::download_text(&format!("{}.csv", c.id), "text/csv", &csv(c, tr(Msg::ChartCategory)));
    let png_source = format!("{}: {}", tr(Msg::ChartSource), source_line);
    let download_png = move |_| {
        let Some(canvas) = document::create::<web_sys::HtmlCanvasElement>("canvas") else {
            return;
        };
        let width = 720.0;
        let labels = Labels {
            series: c.series.iter().map(|s| s.label.get()).collect(),
            article: tr(Msg::ChartArticleMark),
            unit: c.unit.get(),
        };
        let l = layout(&ChartData::values(c), width, height_for(width));
        if draw_for_download(
            &canvas,
            &l,
            &palette(app.is_dark()),
            &labels,
            c.title.get(),
            &png_source,
        )
        .is_ok()
        {
            if let Ok(url) = canvas.to_data_url() {
                document::download_url(&format!("{}.png", c.id), &url);
            }
        }
    };
    // Hidden until "Table" is pressed: built after the first paint (see `deferred`).
    let table_built = after_first_paint();
    view! {
        <article class="chart-card" class:is-focused=focused id=format!("chart-{}", c.id)
            aria-labelledby=labelled_by tabindex="-1">
            <h2 class="chart-card__title" id=title_id>{c.title.get()}</h2>
            <p class="chart-card__stance">{stance_label(c.stance)}</p>
            <p class="chart-card__question">{c.question.get()}</p>
            <div class="segmented" role="group" aria-label=tr(Msg::ChartShowTable)>
                <button type="button" aria-pressed=move || (!show_table.get()).to_string()
                    on:click=move |_| show_table.set(false)>{tr(Msg::ChartShowChart)}</button>
                <button type="button" aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.set(true)>{tr(Msg::ChartShowTable)}</button>
            </div>
            {has_change_view(c).then(|| view! {
                <div class="segmented segmented--small" role="group" aria-label=tr(Msg::ChartModeLabel)
                    hidden=move || show_table.get()>
                    <button type="button" aria-pressed=move || (!show_change.get()).to_string()
                        on:click=move |_| show_change.set(false)>{tr(Msg::ChartShowValues)}</button>
                    <button type="button" aria-pressed=move || show_change.get().to_string()
                        on:click=move |_| show_change.set(true)>{tr(Msg::ChartShowChange)}</button>
                </div>
            })}
            <div class="chart-card__body">
                <div class="chart-card__chart" hidden=move || show_table.get()>
                    <ChartCanvas comparison=c show_change=show_change />
                </div>
                <div class="chart-card__table" hidden=move || !show_table.get()>
                    {move || table_built.get().then(|| view! { <DataTable comparison=c /> })}
                </div>
            </div>
            <p class="chart-card__caption">{glossary_text(c.caption.get())}</p>
            // The note explains the dashed mark, which only the values view draws.
            <div hidden=move || show_change.get() && !show_table.get()>{article_notes}</div>
            <div class="chart-card__sources">
                <span>{tr(Msg::ChartSource)} ": "</span>
                <ul>{source_links}</ul>
            </div>
            <div class="chart-card__actions">
                <button type="button" class="button" on:click=download_png>{tr(Msg::ChartDownloadPng)}</button>
                <button type="button" class="button" on:click=download_csv>{tr(Msg::ChartDownloadCsv)}</button>
            </div>
        </article>
    }
}
