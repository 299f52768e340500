use leptos::prelude::*;

use crate::components::icon::{Icon, IconKind};
use crate::components::view_link::ViewLink;
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::tr;

/// The landing page: what the topic is, in a few plain sentences, and big doors into the three features.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <div class="page home">
            <section class="hero" aria-labelledby="home-title">
                <h1 id="home-title" tabindex="-1">{tr(Msg::HomeTitle)}</h1>
                <p class="hero__lead">{tr(Msg::HomeIntro1)}</p>
                <p>{tr(Msg::HomeIntro2)}</p>
                <p>{tr(Msg::HomeIntro3)}</p>
            </section>
            <section aria-labelledby="home-features">
                <h2 id="home-features" class="section-title">{tr(Msg::HomeFeaturesHeading)}</h2>
                <ul class="feature-grid">
                    <FeatureCard view=View::Timeline icon=IconKind::Timeline title=Msg::FeatureTimelineTitle body=Msg::FeatureTimelineBody />
                    <FeatureCard view=View::Compare icon=IconKind::Compare title=Msg::FeatureCompareTitle body=Msg::FeatureCompareBody />
                    <FeatureCard view=View::Quiz icon=IconKind::Quiz title=Msg::FeatureQuizTitle body=Msg::FeatureQuizBody />
                </ul>
                <ViewLink view=View::Sources class="sources-card">
                    <Icon kind=IconKind::Sources />
                    <span class="sources-card__text">
                        <span class="sources-card__title">{tr(Msg::FeatureSourcesTitle)}</span>
                        <span>{tr(Msg::FeatureSourcesBody)}</span>
                    </span>
                </ViewLink>
            </section>
            <section class="panel teachers" aria-labelledby="home-teachers">
                <h2 id="home-teachers">{tr(Msg::HomeTeachersHeading)}</h2>
                <p>{tr(Msg::HomeTeachersBody)}</p>
            </section>
        </div>
    }
}

#[component]
fn FeatureCard(view: View, icon: IconKind, title: Msg, body: Msg) -> impl IntoView {
    view! {
        <li>
            <ViewLink view=view class="feature-card">
                <span class="feature-card__icon">
                    <Icon kind=icon />
                </span>
                <span class="feature-card__title">{tr(title)}</span>
                <span class="feature-card__body">{tr(body)}</span>
                <span class="feature-card__arrow">
                    <Icon kind=IconKind::Arrow />
                </span>
            </ViewLink>
        </li>
    }
}
