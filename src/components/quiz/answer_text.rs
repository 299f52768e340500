//! Answers as words, for the feedback, the review and screen-reader announcements.

use crate::data::event;
use crate::data::model::{Answer, Question};
use crate::i18n::{tf, tp, Msg};
use crate::logic::chart::format_value;
use crate::logic::quiz::marking::solution;
use crate::logic::quiz::session::right_response;
use crate::logic::quiz::{Kind, Mark, Outcome, Response, Session};
use crate::state::{lang, tr};

/// "30%" or "142 million households": a percentage sign hugs the number, words do not.
pub fn estimate_text(value: f64, unit: &str) -> String {
    match unit {
        "%" => format_value(value, unit),
        _ => format!("{} {unit}", format_value(value, "")),
    }
}

/// The title of the `i`-th item of an ordering question.
pub fn order_item(question: &Question, i: u8) -> &'static str {
    match question.answer {
        Answer::Order { events } => events
            .get(usize::from(i))
            .and_then(|id| event(id))
            .map_or("", |e| e.title.get()),
        _ => "",
    }
}

pub fn response_text(question: &Question, response: &Response) -> String {
    match (&question.answer, response) {
        (Answer::Single { options, .. }, Response::Choice(i)) => {
            options.get(usize::from(*i)).map_or("", |t| t.get()).to_string()
        }
        (Answer::SpotError { parts, .. }, Response::Choice(i)) => {
            format!("“{}”", parts.get(usize::from(*i)).map_or("", |t| t.get()))
        }
        (_, Response::Truth(true)) => tr(Msg::QuizFact).to_string(),
        (_, Response::Truth(false)) => tr(Msg::QuizFiction).to_string(),
        (_, Response::Order(order)) => order
            .iter()
            .map(|&i| order_item(question, i))
            .collect::<Vec<_>>()
            .join(" → "),
        (Answer::Estimate { unit, .. }, Response::Estimate(v)) => estimate_text(*v, unit.get()),
        _ => tr(Msg::QuizNoAnswer).to_string(),
    }
}

pub fn right_text(question: &Question) -> String {
    response_text(question, &right_response(question))
}

pub fn kind_label(kind: Kind) -> Msg {
    match kind {
        Kind::Single => Msg::QuizKindSingle,
        Kind::TrueFalse => Msg::QuizKindTrueFalse,
        Kind::Order => Msg::QuizKindOrder,
        Kind::Estimate => Msg::QuizKindEstimate,
        Kind::SpotError => Msg::QuizKindSpotError,
    }
}

pub fn verdict(response: &Response, mark: Mark) -> Msg {
    match (response, mark.outcome) {
        (Response::TimedOut, _) => Msg::QuizTimeUp,
        (_, Outcome::Right) => Msg::QuizRight,
        (_, Outcome::Close) => Msg::QuizClose,
        (_, Outcome::Wrong) => Msg::QuizWrong,
    }
}

pub fn points_text(points: u32) -> String {
    tp(lang(), Msg::QuizPoints, u64::from(points), &[])
}

/// The line that explains the mark: what they said against the truth, for the kinds where that helps.
pub fn comparison_line(question: &Question, response: &Response) -> Option<String> {
    match (&question.answer, response) {
        (Answer::Estimate { answer, unit, .. }, Response::Estimate(v)) => Some(tf(
            lang(),
            Msg::QuizEstimateResult,
            &[
                ("guess", &estimate_text(*v, unit.get())),
                ("answer", &estimate_text(*answer, unit.get())),
            ],
        )),
        (Answer::Order { .. }, Response::Order(order)) => {
            let right = solution(question);
            let in_place = right.iter().zip(order).filter(|(a, b)| a == b).count();
            Some(tf(
                lang(),
                Msg::QuizOrderResult,
                &[("n", &in_place.to_string()), ("total", &right.len().to_string())],
            ))
        }
        (Answer::Order { .. }, _) => None,
        _ => Some(tf(lang(), Msg::QuizAnswerWas, &[("answer", &right_text(question))])),
    }
}

/// What a screen reader hears after an answer: verdict, points and the right answer, in one sentence.
pub fn announcement(session: &Session) -> String {
    let Some(index) = session.answers().len().checked_sub(1) else {
        return String::new();
    };
    let Some((response, mark)) = session.answer_at(index) else {
        return String::new();
    };
    let question = session.questions()[index];
    let mut parts = vec![tr(verdict(&response, mark)).to_string(), points_text(mark.points)];
    parts.extend(comparison_line(question, &response));
    parts.join(" ")
}
