use leptos::prelude::*;

use crate::components::embed_dialog::EmbedDialog;
use crate::components::icon::{icon, IconKind};
use crate::components::language_menu::LanguageMenu;
use crate::components::theme_toggle::ThemeToggle;
use crate::components::view_link::ViewLink;
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::tr;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <ViewLink view=View::Home class="brand">
                    <span class="brand__mark">
                        {icon(IconKind::Wave)}
                    </span>
                    <span class="brand__name">{tr(Msg::AppName)}</span>
                </ViewLink>
                <p class="site-header__pitch">{tr(Msg::AppPitch)}</p>
                <LanguageMenu />
                <div class="site-header__actions">
                    <EmbedDialog />
                    <ThemeToggle />
                </div>
            </div>
        </header>
    }
}
