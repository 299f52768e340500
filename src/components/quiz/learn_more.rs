use leptos::prelude::*;

use crate::components::view_link::AppLink;
use crate::data::model::Question;
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::{tr, use_app};

/// Where a question's topic is taught: its event on the timeline and its chart, as links. After an answer
/// (quiz feedback) and beside the class's most-missed questions (tally).
#[component]
pub fn LearnMore(question: &'static Question) -> impl IntoView {
    let app = use_app();
    let link = move |view: View, key: Option<&'static str>, msg: Msg| {
        key.map(|id| {
            let to = Signal::derive(move || {
                app.url.with(|u| match view {
                    View::Timeline => u.with_event(id),
                    _ => u.with_chart(id),
                })
            });
            view! { <li><AppLink to=to>{tr(msg)}</AppLink></li> }
        })
    };
    view! {
        <ul class="quiz-feedback__links">
            {link(View::Timeline, question.event, Msg::QuizSeeEvent)}
            {link(View::Compare, question.chart, Msg::QuizSeeChart)}
        </ul>
    }
}
