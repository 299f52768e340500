use leptos::prelude::*;

use crate::components::correction::correction;
use crate::components::icon::{icon, IconKind};
use crate::components::view_link::ViewLink;
use crate::data::model::{Text, Verdict};
use crate::i18n::Msg;
use crate::logic::sources::claims;
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
            <FactCheckTeaser />
            <section aria-labelledby="home-features">
                <h2 id="home-features" class="section-title">{tr(Msg::HomeFeaturesHeading)}</h2>
                <ul class="feature-grid">
                    <FeatureCard view=View::Timeline symbol=IconKind::Timeline title=Msg::FeatureTimelineTitle body=Msg::FeatureTimelineBody />
                    <FeatureCard view=View::Compare symbol=IconKind::Compare title=Msg::FeatureCompareTitle body=Msg::FeatureCompareBody />
                    <FeatureCard view=View::Perspectives symbol=IconKind::Scales title=Msg::FeaturePerspectivesTitle body=Msg::FeaturePerspectivesBody />
                    <FeatureCard view=View::Quiz symbol=IconKind::Quiz title=Msg::FeatureQuizTitle body=Msg::FeatureQuizBody />
                </ul>
                <ViewLink view=View::Sources class="sources-card">
                    {icon(IconKind::Sources)}
                    <span class="sources-card__text">
                        <span class="sources-card__title">{tr(Msg::FeatureSourcesTitle)}</span>
                        <span>{tr(Msg::FeatureSourcesBody)}</span>
                    </span>
                </ViewLink>
            </section>
            <section class="panel teachers" aria-labelledby="home-teachers">
                <h2 id="home-teachers">{tr(Msg::HomeTeachersHeading)}</h2>
                <p>{tr(Msg::HomeTeachersBody)}</p>
                <ViewLink view=View::Teach class="teachers__link">
                    {tr(Msg::HomeTeachersLink)}
                    {icon(IconKind::Arrow)}
                </ViewLink>
            </section>
        </div>
    }
}

#[component]
fn FeatureCard(view: View, symbol: IconKind, title: Msg, body: Msg) -> impl IntoView {
    view! {
        <li>
            <ViewLink view=view class="feature-card">
                <span class="feature-card__icon">
                    {icon(symbol)}
                </span>
                <span class="feature-card__title">{tr(title)}</span>
                <span class="feature-card__body">{tr(body)}</span>
                <span class="feature-card__arrow">
                    {icon(IconKind::Arrow)}
                </span>
            </ViewLink>
        </li>
    }
}

/// One of the article's mistakes, up front: the app's promise (we check everything) shown, not told.
#[component]
fn FactCheckTeaser() -> impl IntoView {
    let featured = claims()
        .find(|f| f.id == "claim-gangnam-year")
        .or_else(|| claims().find(|f| f.verdict == Verdict::Corrected))
        .and_then(|f| Some((f, f.article_said?, f.actual?)));
    featured.map(|(fact, said, actual)| {
        view! {
            <aside class="teaser" aria-labelledby="teaser-title">
                <h2 id="teaser-title" class="teaser__title">{tr(Msg::HomeTeaserHeading)}</h2>
                <p class="teaser__claim">{fact.claim.map(Text::get)}</p>
                {correction(said, actual)}
                <ViewLink view=View::Sources class="teaser__link">
                    {tr(Msg::HomeTeaserLink)}
                    {icon(IconKind::Arrow)}
                </ViewLink>
            </aside>
        }
    })
}
