//! One module per view (`?view=`). Views are thin: they compose components over the dataset and state.

mod compare;
mod home;
mod perspectives;
mod quiz;
mod sources;
mod tally;
mod teach;
mod timeline;
mod worksheet;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::logic::url_state::View;

pub use compare::Compare;
pub use home::Home;
pub use perspectives::Perspectives;
pub use quiz::Quiz;
pub use sources::Sources;
pub use tally::Tally;
pub use teach::Teach;
pub use timeline::Timeline;
pub use worksheet::Worksheet;

/// The view's `<h1>` and page-title text.
pub fn title(view: View) -> Msg {
    match view {
        View::Home => Msg::HomeTitle,
        View::Timeline => Msg::TimelineTitle,
        View::Compare => Msg::CompareTitle,
        View::Quiz => Msg::QuizTitle,
        View::Perspectives => Msg::PerspectivesTitle,
        View::Sources => Msg::SourcesTitle,
        View::Teach => Msg::TeachTitle,
        View::Worksheet => Msg::WorksheetTitle,
        View::Tally => Msg::TallyTitle,
    }
}

pub fn render(view: View) -> AnyView {
    match view {
        View::Home => view! { <Home /> }.into_any(),
        View::Sources => view! { <Sources /> }.into_any(),
        View::Timeline => view! { <Timeline /> }.into_any(),
        View::Compare => view! { <Compare /> }.into_any(),
        View::Quiz => view! { <Quiz /> }.into_any(),
        View::Perspectives => view! { <Perspectives /> }.into_any(),
        View::Teach => view! { <Teach /> }.into_any(),
        View::Worksheet => view! { <Worksheet /> }.into_any(),
        View::Tally => view! { <Tally /> }.into_any(),
    }
}
