use leptos::prelude::*;

use crate::i18n::Msg;
use crate::logic::qr::{Qr, QUIET_ZONE};
use crate::state::tr;

/// The symbol as SVG: black modules on a white square with its quiet zone, whatever the theme.
fn svg(qr: &Qr) -> AnyView {
    let side = (qr.size() + 2 * QUIET_ZONE).to_string();
    let view_box = format!("0 0 {side} {side}");
    view! {
        <svg class="qr-code__svg" viewBox=view_box role="img"
            aria-label=tr(Msg::QrLabel) shape-rendering="crispEdges">
            <rect width=side.clone() height=side fill="#fff" />
            <path d=qr.svg_path() fill="#000" />
        </svg>
    }
    .into_any()
}

/// A link as a QR code, for students to scan off the board: an SVG drawn by the app (crisp at any size),
/// always black on white with its quiet zone whatever the theme, since phone cameras read dark-on-light
/// best. "Show full screen" fills the window with it for the projector; Escape or Close returns. Encoding a
/// link takes well under a millisecond, so it is simply done where it is drawn (no memo).
#[component]
pub fn QrCode(#[prop(into)] link: Signal<String>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The big copy exists only while the dialog is open: one code in the page otherwise.
    let is_open = RwSignal::new(false);
    let open = move |_| {
        if let Some(d) = dialog.get_untracked() {
            is_open.set(true);
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let encode = move || link.with(|l| Qr::encode(l.as_bytes()));
    let code = move || match encode() {
        Some(qr) => view! {
            <figure class="qr-code">
                {svg(&qr)}
                <figcaption class="qr-code__caption">{tr(Msg::QrCaption)}</figcaption>
                <button type="button" class="button" on:click=open aria-haspopup="dialog">
                    {tr(Msg::QrFullScreen)}
                </button>
            </figure>
        }
        .into_any(),
        None => view! { <p class="notice">{tr(Msg::QrTooLong)}</p> }.into_any(),
    };
    view! {
        {code}
        <dialog class="qr-dialog" node_ref=dialog aria-label=tr(Msg::QrLabel) on:close=move |_| is_open.set(false)>
            <div class="qr-dialog__code">{move || is_open.get().then(encode).flatten().map(|qr| svg(&qr))}</div>
            <p class="qr-dialog__link">{move || link.get()}</p>
            <button type="button" class="button" on:click=close>{tr(Msg::EmbedClose)}</button>
        </dialog>
    }
}
