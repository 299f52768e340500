use leptos::prelude::*;

use crate::components::view_link::AppLink;
use crate::data::model::{Answer, Question};
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::{tr, use_app};

/// Where a question's topic is taught: its event on the timeline and its chart, as links. After an answer
/// (quiz feedback) and beside the class's most-missed questions (tally). An ordering question has no event of
/// its own; it links to the first of the events it orders, where the timeline shows them all in order.
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
            {link(View::Timeline, question.event.or(match question.answer {
                Answer::Order { events } => events.first().copied(),
                _ => None,
            }), Msg::QuizSeeEvent)}
            {link(View::Compare, question.chart, Msg::QuizSeeChart)}
        </ul>
    }
}
