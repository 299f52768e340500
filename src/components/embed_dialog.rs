use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::deferred::after_first_paint;
use crate::components::icon::{icon, IconKind};
use crate::components::language_menu::language_options;
use crate::i18n::{t, tf, Lang, Msg};
use crate::logic::embed::{embed_url, parse_height, snippet, DEFAULT_HEIGHT};
use crate::logic::url_state::{ThemePref, UrlValue, View};
use crate::platform::share;
use crate::state::{tr, use_app};
use crate::views;

fn theme_label(t: ThemePref) -> Msg {
    match t {
        ThemePref::Auto => Msg::ThemeAuto,
        ThemePref::Light => Msg::ThemeLight,
        ThemePref::Dark => Msg::ThemeDarkChoice,
    }
}

/// "Embed": builds the iframe snippet for the current view (or another), with a live preview and Copy. The
/// base address is wherever this copy of the app is served from.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let view = RwSignal::new(View::Home);
    let keep_focus = RwSignal::new(true);
    let theme = RwSignal::new(ThemePref::Auto);
    let language = RwSignal::new(crate::state::lang());
    let height_text = RwSignal::new(DEFAULT_HEIGHT.to_string());
    let with_script = RwSignal::new(true);
    let copied = RwSignal::new(None::<Msg>);
    let is_open = RwSignal::new(false);
    // Hidden until asked for: built after the first paint (see `deferred`).
    let built = after_first_paint();

    // What the embedded frame will show: the chosen view, keeping the current filters, event or chart when
    // that view is the one open now and the teacher wants it.
    let state = Memo::new(move |_| {
        let current = app.url.get();
        let mut s = if keep_focus.get() && current.view == view.get() {
            current.clone()
        } else {
            current.with_view(view.get())
        };
        s.view = view.get();
        s.theme = theme.get();
        s.lang = Some(language.get());
        s.embed = false;
        s
    });
    let has_focus = move || app.url.with(|u| u.event.is_some() || u.chart.is_some()) && app.view() == view.get();
    let frame_title = move || {
        let l = language.get();
        tf(l, Msg::EmbedFrameTitle, &[("view", t(l, views::title(view.get())))])
    };
    let code = move || {
        snippet(
            &share::page_base(),
            &state.get(),
            &frame_title(),
            parse_height(&height_text.get()),
            with_script.get(),
        )
    };
    let preview_src = move || embed_url(&share::page_base(), &state.get());

    let open = move |_| {
        view.set(app.view());
        theme.set(app.url.with_untracked(|u| u.theme));
        copied.set(None);
        is_open.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = code();
        spawn_local(async move {
            let ok = share::copy_text(&text).await;
            copied.set(Some(if ok { Msg::EmbedCopied } else { Msg::QuizCopyManually }));
        });
    };

    view! {
        <button type="button" class="header-button" on:click=open aria-haspopup="dialog">
            {icon(IconKind::Code)}
            <span class="header-button__label">{tr(Msg::EmbedButton)}</span>
        </button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-dialog-title"
            on:close=move |_| is_open.set(false)>
          <Show when=move || built.get()>
            <div class="embed-dialog__head">
                <h2 id="embed-dialog-title">{tr(Msg::EmbedDialogTitle)}</h2>
                <button type="button" class="button" on:click=close>{tr(Msg::EmbedClose)}</button>
            </div>
            <p>{tr(Msg::EmbedIntro)}</p>
            <div class="embed-dialog__form">
                {select_field(Msg::EmbedView, view, views::title)}
                {select_field(Msg::EmbedTheme, theme, theme_label)}
                <label class="field">
                    <span>{tr(Msg::LanguageLabel)}</span>
                    // The frame's title is written in the frame's language, so that language's pack loads first
                    // (if it cannot, the title stays in this page's language).
                    <select on:change=move |ev| {
                        if let Some(l) = Lang::from_id(&event_target_value(&ev)) {
                            spawn_local(async move {
                                crate::state::language::load(l).await;
                                language.set(l);
                            });
                        }
                    }>{language_options(language.get_untracked())}</select>
                </label>
                <label class="field">
                    <span>{tr(Msg::EmbedHeight)}</span>
                    <input type="text" inputmode="numeric" maxlength="5" prop:value=move || height_text.get()
                        on:input=move |ev| height_text.set(event_target_value(&ev)) />
                </label>
            </div>
            <Show when=has_focus>
                <label class="quiz-check-row">
                    <input type="checkbox" prop:checked=move || keep_focus.get()
                        on:change=move |ev| keep_focus.set(event_target_checked(&ev)) />
                    <span>{tr(Msg::EmbedKeepFocus)}</span>
                </label>
            </Show>
            <label class="quiz-check-row">
                <input type="checkbox" prop:checked=move || with_script.get()
                    on:change=move |ev| with_script.set(event_target_checked(&ev)) />
                <span>{tr(Msg::EmbedScript)}</span>
            </label>
            <label class="field field--block" for="embed-code">{tr(Msg::EmbedCode)}</label>
            <textarea id="embed-code" class="embed-dialog__code" readonly rows="5" prop:value=code></textarea>
            <div class="embed-dialog__actions">
                <button type="button" class="button button--primary" on:click=copy>{tr(Msg::EmbedCopy)}</button>
                <p class="embed-dialog__status" role="status">{move || copied.get().map(tr)}</p>
            </div>
            <h3 class="embed-dialog__preview-title">{tr(Msg::EmbedPreview)}</h3>
            // The preview frame exists only while the dialog is open, so the page never runs a hidden second app.
            <Show when=move || is_open.get()>
                <div class="embed-dialog__preview">
                    <iframe title=frame_title src=preview_src
                        style:height=move || format!("{}px", parse_height(&height_text.get()))></iframe>
                </div>
            </Show>
          </Show>
        </dialog>
    }
}

/// A labelled `<select>` over one of the URL's closed value sets, bound to a signal.
fn select_field<T: UrlValue + Send + Sync>(label: Msg, value: RwSignal<T>, name: fn(T) -> Msg) -> impl IntoView {
    let options = T::ALL
        .iter()
        .map(|&v| view! { <option value=v.id() selected=move || value.get() == v>{tr(name(v))}</option> })
        .collect_view();
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <select on:change=move |ev| {
                if let Some(v) = T::from_id(&event_target_value(&ev)) {
                    value.set(v)
                }
            }>{options}</select>
        </label>
    }
}
