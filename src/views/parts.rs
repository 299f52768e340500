//! The views that load later (issues 17 and 21). Every reader downloads the start of the app (the shell and the
//! home view); the other views are compiled into parts of the WebAssembly that are fetched only when they are
//! needed, so a student opening the home page on a phone does not wait for the charts, the quiz or the
//! teacher's tally. The dataset travels with the views that read it: the split puts a static in the part whose
//! code reads it, and the dataset's texts are one table per kind of entry for that reason (`crate::data`).
//!
//! How: each view below is a split point (`wasm_split`, the mechanism behind Leptos's `#[lazy]`). The build
//! (`xtask/src/wasm.rs`) cuts the module at these points; `public/loader.js` fetches a part, checks its
//! integrity and links it into the running app. Each view has a part of its own, named after it (the compare
//! view's is `charts`), and the quiz's play (the questions and the results) has one too, `play`, fetched
//! while the quiz's start screen shows ([`quiz_question_from_part`]); the quiz's QR code for the class link (teachers
//! only) comes with the tally's part. So a view brings only its own code and texts.
//!
//! Code that several parts share goes into shared chunks, one per set of parts that share it: about a hundred
//! small files. They cost no extra requests: the build also writes each part with its chunks as one bundle,
//! which the loader fetches when none of those files has been fetched yet (bench/levers.md measured finer
//! parts without bundles: the extra requests cost more than the bytes saved).
//!
//! When: the page's first view is loaded before the app mounts (`crate::start`; `public/loader.js` starts its
//! download beside the main module's), so the loading panel stays up until it can be shown whole. Once the app
//! is up, [`load_the_rest`] fetches every other part in the background (after a few seconds, to keep start-up
//! light), and [`prepare`] fetches a view's part as soon as a link to it is pointed at, touched or focused, so
//! following a link is as quick as before. A link followed before its part has arrived
//! shows "Loading…" and moves focus to the new heading when the view appears; a part that cannot be fetched
//! (a dropped connection) shows a message with a "Try again" button instead of stopping the app.
// The split functions cross a module boundary with Rust values; both sides are this crate, built together.
#![allow(improper_ctypes, improper_ctypes_definitions)]

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::{Compare, Perspectives, Quiz, Sources, Tally, Teach, Timeline, Worksheet};
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::tr;

/// A part that could not be fetched or linked.
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

type Loaded = Result<AnyView, NotLoaded>;

/// For each part, its views: `View` variant (also the component's name) => split function, its preload
/// function. Generates the split functions, [`build`] (a view, by its part) and [`load`] (a view's whole part).
macro_rules! parts {
    ($($part:ident: [$($view:ident => $build:ident, $preload:ident;)+])+) => {
        $($(
            #[wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
            fn $build() -> Loaded {
                Ok(view! { <$view /> }.into_any())
            }
        )+)+

        /// The view, built by its part (fetched first if needed).
        fn build(view: View) -> Pin<Box<dyn Future<Output = Loaded>>> {
            match view {
                $($(View::$view => Box::pin($build()),)+)+
                View::Home => Box::pin(async { Ok(view! { <super::Home /> }.into_any()) }),
            }
        }

        /// Makes sure the part that holds `view` is linked in, so that showing it (or any view of the same part)
        /// is immediate. Each split function keeps its own note of whether its part is loaded, so all of the
        /// part's functions are asked; after the first, the loader answers at once.
        pub async fn load(view: View) -> Result<(), NotLoaded> {
            $(
                if matches!(view, $(View::$view)|+) {
                    $($preload().await?;)+
                }
            )+
            Ok(())
        }
    };
}

parts! {
    timeline: [Timeline => view_timeline, preload_timeline;]
    sources: [Sources => view_sources, preload_sources;]
    perspectives: [Perspectives => view_perspectives, preload_perspectives;]
    teach: [Teach => view_teach, preload_teach;]
    charts: [Compare => view_compare, preload_compare;]
    quiz: [Quiz => view_quiz, preload_quiz;]
    worksheet: [Worksheet => view_worksheet, preload_worksheet;]
    tally: [Tally => view_tally, preload_tally;]
}

/// How long after start-up the other parts start to download. Fetching and linking them right away doubled
/// the blocking time Lighthouse measures on the home page (bench/levers.md); a reader who wants a view sooner
/// gets its part through [`prepare`] the moment a link to it is pointed at, touched or focused.
const BACKGROUND_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

/// Fetches every part in the background, one after another, a few seconds after start-up, so later links
/// open at once.
pub fn load_the_rest() {
    set_timeout(
        || {
            leptos::task::spawn_local(async {
                for view in [View::Timeline, View::Compare, View::Quiz] {
                    // A part that fails here is simply fetched again when its view is opened.
                    let _ = load(view).await;
                }
                let _ = load_quiz_play().await;
                for view in [
                    View::Sources,
                    View::Perspectives,
                    View::Teach,
                    View::Worksheet,
                    View::Tally,
                ] {
                    let _ = load(view).await;
                }
            });
        },
        BACKGROUND_DELAY,
    );
}

/// Starts fetching `view`'s part now, without waiting for it: the reader is about to follow a link to it
/// (called by `AppLink`). A part already linked in, or on its way, is not fetched twice.
pub fn prepare(view: View) {
    leptos::task::spawn_local(async move {
        let _ = load(view).await;
    });
}

/// The class link's QR code (issue 21). Only a teacher shows it, so it lives in the teacher's part beside the
/// tally, not in the quiz part every student downloads; the quiz start panel asks for it when "Show QR code" is
/// pressed, by which time the background loading has usually brought it.
#[wasm_split(tally, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_qr_code))]
fn qr_code_from_part(link: Signal<String>) -> Loaded {
    Ok(view! { <crate::components::qr_code::QrCode link=link /> }.into_any())
}

/// The quiz's play: a question with its feedback, and the results. They are most of the quiz's code and data
/// (the questions' texts), and a student who opens the quiz sees the start screen first: so the quiz view's
/// part holds the start screen, and this part is fetched while it shows ([`prepare_quiz_play`]).
///
/// The question never appears late under a student who is already acting: "Start quiz" waits for this part
/// ([`after_quiz_play`]), and a saved quiz that opens on its question brings it before the app mounts
/// ([`load_first`]). (Session 15 showed the question late, after "Loading…": focus jumped to its heading
/// under a student who had started answering.)
#[wasm_split(play, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_quiz_question))]
fn quiz_question_from_part(index: usize) -> Loaded {
    Ok(view! { <crate::components::quiz::quiz_question::QuizQuestion index=index /> }.into_any())
}

/// The quiz's results, in the quiz's play part (see [`quiz_question_from_part`]).
#[wasm_split(play, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_quiz_results))]
fn quiz_results_from_part() -> Loaded {
    Ok(view! { <crate::components::quiz::quiz_results::QuizResults /> }.into_any())
}

/// Makes sure the quiz's play part is linked in (both of its split functions are asked, as in [`load`]).
async fn load_quiz_play() -> Result<(), NotLoaded> {
    preload_quiz_question().await?;
    Ok(preload_quiz_results().await?)
}

/// Starts fetching the quiz's play part now: the quiz's start screen is showing, and "Start quiz" comes next.
pub fn prepare_quiz_play() {
    leptos::task::spawn_local(async {
        let _ = load_quiz_play().await;
    });
}

/// The part of the page's first view, linked in before the app mounts (`crate::start`). A quiz view that will
/// open on a saved quiz's question or results needs the quiz's play part too, so it comes in the same wait.
pub async fn load_first(view: View) -> Result<(), NotLoaded> {
    if view == View::Quiz && crate::state::quiz::has_saved_quiz() {
        futures::future::try_join(load(view), load_quiz_play()).await?;
        return Ok(());
    }
    load(view).await
}

/// Runs `then` (starting or resuming a quiz) once the quiz's play part is linked in: at once if it is, as it
/// usually is by the time a student has read the start screen. Otherwise `status` says "Loading the
/// questions…" until it is (a second press meanwhile does nothing), then `then` runs; if the part cannot be
/// fetched, `status` says so and the next press tries again. If the start screen is gone by then (the student
/// went to another view), nothing runs.
pub fn after_quiz_play(status: RwSignal<Option<Msg>>, then: impl FnOnce() + 'static) {
    if status.get_untracked() == Some(Msg::QuizQuestionsLoading) {
        return;
    }
    let mut play = Box::pin(load_quiz_play());
    if let Poll::Ready(Ok(())) = poll_once(play.as_mut()) {
        status.set(None);
        return then();
    }
    status.set(Some(Msg::QuizQuestionsLoading));
    leptos::task::spawn_local(async move {
        let result = play.await;
        if status.try_get_untracked().is_none() {
            return;
        }
        match result {
            Ok(()) => {
                status.set(None);
                then();
            }
            Err(NotLoaded) => status.set(Some(Msg::QuizQuestionsFailed)),
        }
    });
}

/// The quiz's question `Some(index)`, or its results (`None`), from the quiz's play part: at once if it is
/// linked in (always, when the quiz was started or resumed from the start screen, see [`after_quiz_play`]);
/// otherwise "Loading…" until it is. That happens only when the quiz view itself opened on a saved quiz after
/// the app had started (the quiz's part and the play part then come one after the other); focus is not moved
/// when it appears, so nothing jumps under the reader.
pub fn quiz_stage(question: Option<usize>) -> AnyView {
    when_loaded(
        move || match question {
            Some(index) => Box::pin(quiz_question_from_part(index)),
            None => Box::pin(quiz_results_from_part()),
        },
        Box::pin(load_quiz_play()),
        Msg::PartLoading,
        move |loaded, _| match loaded {
            Ok(shown) => shown,
            Err(NotLoaded) => not_loaded(None, Msg::PartFailed, move || quiz_stage(question)),
        },
    )
}

/// `view`, at once if its part is linked in; otherwise "Loading…" until it is, then the view.
pub fn render(view: View) -> AnyView {
    when_loaded(
        move || build(view),
        Box::pin(load(view)),
        Msg::PartLoading,
        move |loaded, waited| match loaded {
            Ok(shown) if waited => view! { {shown} <RevealOnMount /> }.into_any(),
            Ok(shown) => shown,
            Err(NotLoaded) => not_loaded(Some(view), Msg::PartFailed, move || render(view)),
        },
    )
}

/// The QR code of `link`, from the teacher's part (see [`qr_code_from_part`]).
pub fn qr_code(link: Signal<String>) -> AnyView {
    when_loaded(
        move || Box::pin(qr_code_from_part(link)),
        Box::pin(async { Ok(preload_qr_code().await?) }),
        Msg::QrLoading,
        move |loaded, _| match loaded {
            Ok(shown) => shown,
            Err(NotLoaded) => not_loaded(None, Msg::QrFailed, move || qr_code(link)),
        },
    )
}

/// What `build` gives once `part` (the wait for its part) is done, passed to `show`: at once (with `false`)
/// if the part is already linked in; otherwise `loading` until it is, then `show` with `true` (the reader
/// waited, and whatever had focus may be gone).
///
/// Why the view is never built inside the waiting future: a future outlives the spot that started it (the
/// reader may have moved on to another view, whose owner is gone), and a view built there misses the app's
/// context. So the future only waits; the view is built by a reactive closure in the page, like any other.
fn when_loaded(
    build: impl Fn() -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync + 'static,
    mut part: Pin<Box<dyn Future<Output = Result<(), NotLoaded>>>>,
    loading: Msg,
    show: impl Fn(Loaded, bool) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    // Once the part is linked in, `build` is ready at its first poll; if it is not, treat the part as missing
    // (the reader gets "Try again") rather than wait on a future nobody would wake.
    let built = move || match poll_once(build().as_mut()) {
        Poll::Ready(loaded) => loaded,
        Poll::Pending => Err(NotLoaded),
    };
    match poll_once(part.as_mut()) {
        Poll::Ready(arrived) => show(arrived.and_then(|()| built()), false),
        Poll::Pending => {
            let arrived = RwSignal::new(None::<Result<(), NotLoaded>>);
            leptos::task::spawn_local(async move {
                let result = part.await;
                // The reader may have left this view meanwhile; then there is nothing to update.
                let _ = arrived.try_set(Some(result));
            });
            (move || match arrived.get() {
                None => view! { <p class="notice" role="status">{tr(loading)}</p> }.into_any(),
                Some(result) => show(result.and_then(|()| built()), true),
            })
            .into_any()
        }
    }
}

/// Polls `future` once with a waker that does nothing: for a future that is ready at once when its part is
/// linked in, or whose answer is only asked about (a pending one is then awaited by a task, or dropped).
fn poll_once<T>(future: Pin<&mut (dyn Future<Output = T> + '_)>) -> Poll<T> {
    future.poll(&mut Context::from_waker(Waker::noop()))
}

/// Placed after a view that appeared late: the view that was on screen (and its focused link) is gone, so once
/// the new one is in the page, start the reader at the spot the address names, or at its heading. An effect
/// runs after the mount, where a callback queued while the view was being built could run before it.
#[component]
fn RevealOnMount() -> impl IntoView {
    Effect::new(|| request_animation_frame(crate::platform::document::reveal_target_or_heading));
}

/// The part did not arrive: say so (under the view's heading, for a whole view), and offer to fetch it again
/// with `retry` (the app keeps running).
fn not_loaded(view: Option<View>, message: Msg, retry: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    let again = RwSignal::new(0u32);
    let body = move || {
        if again.get() == 0 {
            view! {
                <div class="panel" role="alert">
                    {view.map(|view| view! { <h1 tabindex="-1">{tr(super::title(view))}</h1> })}
                    <p>{tr(message)}</p>
                    <button type="button" class="button" on:click=move |_| again.update(|n| *n += 1)>
                        {tr(Msg::PartTryAgain)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            retry()
        }
    };
    body.into_any()
}
