use leptos::prelude::*;

use crate::components::text_table::TextTable;
use crate::data::model::Comparison;
use crate::i18n::Msg;
use crate::logic::chart::format_mark;
use crate::state::tr;

/// The same numbers as the chart, as an HTML table: the accessible version, and handy for copying.
#[component]
pub fn DataTable(comparison: &'static Comparison) -> impl IntoView {
    let c = comparison;
    let headers = std::iter::once(tr(Msg::ChartCategory))
        .chain(c.series.iter().map(|s| s.label.get()))
        .map(str::to_string)
        .collect();
    let rows = c
        .categories
        .iter()
        .enumerate()
        .map(|(i, cat)| {
            std::iter::once(cat.get().to_string())
                .chain(c.series.iter().map(|s| {
                    s.values
                        .get(i)
                        .map(|v| format_mark(*v, c.unit.get()))
                        .unwrap_or_default()
                }))
                .collect()
        })
        .collect();
    view! { <TextTable caption=format!("{} ({})", c.question.get(), c.unit.get()) headers=headers rows=rows /> }
}
