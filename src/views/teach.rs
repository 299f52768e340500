use leptos::prelude::*;

use crate::components::glossary_list::glossary_list;
use crate::components::glossary_text::glossary_text;
use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::components::source_links::sources_line;
use crate::components::view_link::AppLink;
use crate::data::model::{Activity, Discussion, Essay, Guide, Lesson, Level};
use crate::data::{source, ACTIVITIES, DISCUSSIONS, ESSAYS, GUIDES, LESSONS};
use crate::i18n::{tp, Help, Label, Msg};
use crate::logic::sources::anchor;
use crate::logic::url_state::View;
use crate::platform::document;
use crate::state::{lang, tr, use_app};

/// The teacher pack: lesson plans built on the app's own views, discussion questions at two levels, exam-style
/// prompts mapped to real syllabuses, a source-evaluation activity, how-tos and the glossary. All of it is data
/// (`data/teach.toml`); this view only lays it out, for the screen and for paper.
#[component]
pub fn Teach() -> impl IntoView {
    // Deep links such as `?view=teach#teach-essays` arrive before this view exists.
    request_animation_frame(document::reveal_hash_target);
    let sections = [
        ("teach-lessons", Msg::TeachLessonsHeading),
        ("teach-discussion", Msg::TeachDiscussionHeading),
        ("teach-essays", Msg::TeachEssaysHeading),
        ("teach-activity", Msg::TeachActivityHeading),
        ("teach-guides", Msg::TeachGuidesHeading),
        ("glossary-heading", Msg::GlossaryHeading),
    ];
    view! {
        <div class="page teach">
            {page_intro(Msg::TeachTitle, &[Msg::TeachIntro1, Msg::TeachIntro2])}
            <PrintButton />
            <div class="page-toc" role="group" aria-label=tr(Msg::TeachContents)>
                <ol>
                    {sections
                        .into_iter()
                        .map(|(id, msg)| view! { <li><a href=format!("#{id}")>{tr(msg)}</a></li> })
                        .collect_view()}
                </ol>
            </div>
            <section aria-labelledby="teach-lessons" class="teach-section">
                <h2 id="teach-lessons" tabindex="-1">{tr(Msg::TeachLessonsHeading)}</h2>
                {LESSONS.iter().map(lesson).collect_view()}
            </section>
            <section aria-labelledby="teach-discussion" class="teach-section">
                <h2 id="teach-discussion" tabindex="-1">{tr(Msg::TeachDiscussionHeading)}</h2>
                {Level::ALL.iter().map(|&level| discussion_level(level)).collect_view()}
            </section>
            <section aria-labelledby="teach-essays" class="teach-section">
                <h2 id="teach-essays" tabindex="-1">{tr(Msg::TeachEssaysHeading)}</h2>
                <ol class="teach-essays">{ESSAYS.iter().map(essay).collect_view()}</ol>
            </section>
            <section aria-labelledby="teach-activity" class="teach-section">
                <h2 id="teach-activity" tabindex="-1">{tr(Msg::TeachActivityHeading)}</h2>
                {ACTIVITIES.iter().map(activity).collect_view()}
            </section>
            <section aria-labelledby="teach-guides" class="teach-section">
                <h2 id="teach-guides" tabindex="-1">{tr(Msg::TeachGuidesHeading)}</h2>
                {GUIDES.iter().map(guide).collect_view()}
            </section>
            {glossary_list()}
        </div>
    }
}

/// "Open in the app": a link written in the data, followed with the reader's language and theme.
fn data_link(link: Option<&'static str>) -> Option<impl IntoView> {
    let app = use_app();
    link.map(|link| {
        let to = Signal::derive(move || app.url.with(|u| u.follow(link)));
        view! { <AppLink to=to class="teach-link">{tr(Msg::TeachOpenView)}</AppLink> }
    })
}

fn minutes(n: u32) -> String {
    tp(lang(), Msg::TeachMinutes, u64::from(n), &[])
}

fn lesson(l: &'static Lesson) -> impl IntoView {
    let heading = format!("lesson-{}", l.id);
    let labelled_by = heading.clone();
    view! {
        <article class="lesson" aria-labelledby=labelled_by>
            <h3 id=heading>{l.title.get()}</h3>
            <h4>{tr(Msg::TeachObjectives)}</h4>
            <ul>{l.objectives.iter().map(|o| view! { <li>{glossary_text(o.get())}</li> }).collect_view()}</ul>
            <ol class="lesson__steps">
                {l.steps
                    .iter()
                    .map(|s| view! {
                        <li class="lesson-step">
                            <p class="lesson-step__head">
                                <strong>{s.title.get()}</strong>
                                <span class="lesson-step__minutes">{minutes(s.minutes)}</span>
                            </p>
                            <p>{glossary_text(s.text.get())}</p>
                            {data_link(s.link)}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}

fn discussion_level(level: Level) -> impl IntoView {
    let questions: Vec<&'static Discussion> = DISCUSSIONS.iter().filter(|d| d.level == level).collect();
    view! {
        <h3>{tr(level.label())}</h3>
        <ol class="teach-questions">
            {questions
                .into_iter()
                .map(|d| view! { <li><p>{glossary_text(d.text.get())}</p>{data_link(d.link)}</li> })
                .collect_view()}
        </ol>
    }
}

fn essay(e: &'static Essay) -> impl IntoView {
    view! {
        <li class="essay">
            <p class="essay__text">{glossary_text(e.text.get())}</p>
            <p class="essay__level">{tr(e.level.label())}</p>
            <ul class="essay__syllabus">
                {e.syllabus
                    .iter()
                    .map(|s| view! {
                        <li>
                            <span>{tr(Msg::TeachSyllabusLabel)} ": "</span>
                            {format!("{} · {} · {}", s.board, s.course.get(), s.topic.get())}
                            {sources_line(std::slice::from_ref(&s.source))}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </li>
    }
}

fn activity(a: &'static Activity) -> impl IntoView {
    let app = use_app();
    let to_sources = Signal::derive(move || app.url.with(|u| u.with_view(View::Sources)));
    view! {
        <article class="activity">
            <h3>{a.title.get()}</h3>
            <p>{glossary_text(a.text.get())}</p>
            <ol>{a.steps.iter().map(|s| view! { <li>{glossary_text(s.get())}</li> }).collect_view()}</ol>
            <ul class="activity__sources">
                {a.sources
                    .iter()
                    .filter_map(|id| source(id))
                    .map(|s| view! {
                        <li class="activity-source">
                            <AppLink to=to_sources fragment=anchor(s.id)>{s.title}</AppLink>
                            <span class="activity-source__publisher">{s.publisher}</span>
                            <details>
                                <summary>{tr(Msg::TeachShowKind)}</summary>
                                <p><strong>{tr(s.kind.label())}</strong> " " {tr(s.kind.help())}</p>
                            </details>
                        </li>
                    })
                    .collect_view()}
            </ul>
            {data_link(a.link)}
        </article>
    }
}

fn guide(g: &'static Guide) -> impl IntoView {
    view! {
        <article class="guide">
            <h3>{g.title.get()}</h3>
            <ol>{g.steps.iter().map(|s| view! { <li>{glossary_text(s.get())}</li> }).collect_view()}</ol>
            {data_link(g.link)}
        </article>
    }
}
