use leptos::prelude::*;

use crate::data::model::Comparison;
use crate::i18n::Msg;
use crate::logic::chart::format_mark;
use crate::state::tr;

/// The same numbers as the chart, as an HTML table: the accessible version, and handy for copying.
#[component]
pub fn DataTable(comparison: &'static Comparison) -> impl IntoView {
    let c = comparison;
    let rows = c
        .categories
        .iter()
        .enumerate()
        .map(|(i, cat)| {
            let cells = c
                .series
                .iter()
                .map(|s| view! { <td>{s.values.get(i).map(|v| format_mark(*v, c.unit))}</td> })
                .collect_view();
            view! { <tr><th scope="row">{*cat}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption>{c.question} " (" {c.unit} ")"</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::ChartCategory)}</th>
                        {c.series.iter().map(|s| view! { <th scope="col">{s.label}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
