//! One module per view (`?view=`). Views are thin: they compose components over the dataset and state.

mod compare;
mod home;
pub mod parts;
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
        later => parts::render(later),
    }
}
