use leptos::prelude::*;

use crate::components::view_link::ViewLink;
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::tr;

/// The article that seeded the project, credited where every page shows it.
pub const SEED_ARTICLE_URL: &str =
    "https://www.shoutoutuk.org/2022/12/01/is-reverse-cultural-imperialism-here-to-stay/";

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>
                    {tr(Msg::FooterSeed)} " "
                    <a href=SEED_ARTICLE_URL target="_blank" rel="noopener noreferrer">
                        {tr(Msg::FooterSeedLink)}
                        <span class="visually-hidden">" " {tr(Msg::NewTabHint)}</span>
                    </a>
                </p>
                <p>
                    <ViewLink view=View::Sources class="site-footer__link">
                        {tr(Msg::FooterSources)}
                    </ViewLink>
                </p>
                <p>
                    <ViewLink view=View::Teach class="site-footer__link">
                        {tr(Msg::FooterTeach)}
                    </ViewLink>
                    " · "
                    <ViewLink view=View::Tally class="site-footer__link">
                        {tr(Msg::TallyTitle)}
                    </ViewLink>
                </p>
                <p>{tr(Msg::FooterPrivacy)}</p>
                <p>{tr(Msg::FooterLicence)}</p>
            </div>
        </footer>
    }
}
