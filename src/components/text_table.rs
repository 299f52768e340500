use leptos::prelude::*;

/// A table of words and numbers: a caption, column headers, and rows whose first cell heads the row. Every
/// table in the app (a chart's numbers, the class results) has this one shape, so the WASM holds one copy of
/// the code that builds a table, whatever it shows.
#[component]
pub fn TextTable(
    caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Extra classes on the `<table>` (it is always a `data-table`).
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|cells| {
            let mut cells = cells.into_iter();
            let head = cells.next().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{head}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class=format!("data-table {class}")>
                <caption>{caption}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
