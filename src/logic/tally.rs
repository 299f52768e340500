//! The class tally (`view=tally`, issue 21): a teacher pastes the results codes students sent (one per line,
//! or a whole chat or LMS export), and sees how the class did, quiz by quiz. Everything is computed here, on
//! the teacher's device; nothing is sent or stored.

use crate::data::model::Question;
use crate::data::QUESTIONS;
use crate::logic::quiz::QuizConfig;
use crate::logic::results_code::{find_codes, CodeError, ResultsCode};
use crate::logic::sort::sort_keys;

/// One code found in the pasted text, valid or not: invalid ones are listed with their reason, never dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The code as it was written.
    pub text: String,
    /// Its line in the pasted text, from 1.
    pub line: usize,
    pub result: Result<ResultsCode, CodeError>,
}

/// Every code-like word in `pasted`, in order.
pub fn read(pasted: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for (i, line) in pasted.lines().enumerate() {
        for text in find_codes(line) {
            found.push(Found {
                text: text.to_string(),
                line: i + 1,
                result: ResultsCode::decode(text),
            });
        }
    }
    found
}

/// The students who played one quiz (one seed, length, level and edition).
#[derive(Clone, Debug, PartialEq)]
pub struct ClassQuiz {
    pub config: QuizConfig,
    pub questions: Vec<&'static Question>,
    pub students: Vec<ResultsCode>,
}

/// One question's line in the per-question table.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    /// Its place in the quiz, from 0.
    pub index: usize,
    pub question: &'static Question,
    pub right: usize,
}

impl ClassQuiz {
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The mean score as a percentage of the questions, rounded to a whole number.
    pub fn average_percent(&self) -> u32 {
        let right: usize = self.students.iter().map(ResultsCode::score).sum();
        percent(right, self.students.len() * self.len())
    }

    /// How many students scored 0, 1, … up to every question right.
    pub fn distribution(&self) -> Vec<usize> {
        let mut counts = vec![0; self.len() + 1];
        for s in &self.students {
            counts[s.score().min(self.len())] += 1;
        }
        counts
    }

    /// Each question, in quiz order, with how many students got it right.
    pub fn per_question(&self) -> Vec<QuestionResult> {
        self.questions
            .iter()
            .enumerate()
            .map(|(index, &question)| QuestionResult {
                index,
                question,
                right: self
                    .students
                    .iter()
                    .filter(|s| s.right.get(index) == Some(&true))
                    .count(),
            })
            .collect()
    }

    /// The (at most) three questions the fewest students got right, fewest first (quiz order breaks ties);
    /// questions everyone got right are left out.
    pub fn most_missed(&self) -> Vec<QuestionResult> {
        let all = self.per_question();
        // Keys pack (right, index): one sort of plain numbers (see `logic::sort`).
        let mut keys: Vec<u64> = all
            .iter()
            .filter(|q| q.right < self.students.len())
            .map(|q| (q.right as u64) << 32 | q.index as u64)
            .collect();
        sort_keys(&mut keys);
        keys.iter()
            .take(3)
            .map(|&k| all[(k & 0xFFFF_FFFF) as usize].clone())
            .collect()
    }

    /// Codes that appear more than once: two students with the same answers and no initials, or one student
    /// who pasted twice. Counted as given; the view says so.
    pub fn repeated(&self) -> usize {
        let codes: Vec<String> = self.students.iter().map(ResultsCode::encode).collect();
        codes
            .iter()
            .enumerate()
            .filter(|(i, c)| codes[..*i].contains(c))
            .count()
    }
}

/// Groups the valid codes by quiz, in the order each quiz first appears.
pub fn group(found: &[Found]) -> Vec<ClassQuiz> {
    let mut quizzes: Vec<ClassQuiz> = Vec::new();
    for code in found.iter().filter_map(|f| f.result.as_ref().ok()) {
        match quizzes.iter_mut().find(|q| q.config.same_quiz(&code.config)) {
            Some(quiz) => quiz.students.push(code.clone()),
            None => quizzes.push(ClassQuiz {
                config: code.config,
                questions: code.config.pick(QUESTIONS).into_iter().map(|i| &QUESTIONS[i]).collect(),
                students: vec![code.clone()],
            }),
        }
    }
    quizzes
}

/// `part` of `whole` as a rounded whole percentage (0 when there is no whole).
pub fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part * 200 + whole) / (2 * whole)) as u32
    }
}

/// The per-student table as CSV: a row per student (their initials, or their place in the list), their score,
/// then 1 or 0 for each question.
pub fn students_csv(quiz: &ClassQuiz, headers: &[&str; 3]) -> String {
    let [student, score, question] = headers;
    let mut out = format!("{},{}", field(student), field(score));
    for i in 1..=quiz.len() {
        out.push_str(&format!(",{}", field(&format!("{question} {i}"))));
    }
    out.push('\n');
    for (n, s) in quiz.students.iter().enumerate() {
        let name = if s.initials.is_empty() {
            format!("#{}", n + 1)
        } else {
            s.initials.clone()
        };
        out.push_str(&format!("{},{}", field(&name), s.score()));
        for &r in &s.right {
            out.push_str(if r { ",1" } else { ",0" });
        }
        out.push('\n');
    }
    out
}

/// The per-question table as CSV: number, question, right answer, students right, percentage right.
/// `texts` gives each question's prompt and right answer as the view shows them (in the reader's language).
pub fn questions_csv(quiz: &ClassQuiz, headers: &[&str; 5], texts: impl Fn(&Question) -> (String, String)) -> String {
    let mut out = headers.iter().map(|h| field(h)).collect::<Vec<_>>().join(",");
    out.push('\n');
    for q in quiz.per_question() {
        let (prompt, answer) = texts(q.question);
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            q.index + 1,
            field(&prompt),
            field(&answer),
            q.right,
            percent(q.right, quiz.students.len())
        ));
    }
    out
}

/// A CSV field, quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@` is escaped
/// so a spreadsheet never runs it as a formula.
fn field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Difficulty;
    use crate::logic::quiz::config::current_edition;
    use crate::logic::quiz::QuizLength;
    use crate::logic::rng::SplitMix64;

    fn config(seed: u32) -> QuizConfig {
        QuizConfig {
            seed,
            len: QuizLength::Ten,
            level: None,
            timer: false,
            edition: current_edition(),
        }
    }

    fn code(seed: u32, initials: &str, right: [bool; 10]) -> String {
        ResultsCode {
            config: config(seed),
            initials: initials.into(),
            right: right.to_vec(),
        }
        .encode()
    }

    #[test]
    fn a_pasted_chat_becomes_class_results() {
        let t = true;
        let f = false;
        let chat = format!(
            "Ana 10:41: {}\nBen: here you go {} thanks\n\nCal: {}\nDee: {} (other class)\nEd: RW-XXXX-XXXX-XX\nFay: 7KQ2M9XAP3F",
            code(4821, "AN", [t, t, t, f, t, t, t, t, f, t]),
            code(4821, "", [t, f, t, f, t, t, f, t, f, t]),
            code(4821, "CAL", [f, f, t, f, t, t, t, t, t, t]),
            code(77, "D", [t; 10]),
        );
        let found = read(&chat);
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), [1, 2, 4, 5, 6, 7]);
        assert_eq!(found[4].result, Err(CodeError::Mistyped));
        assert_eq!(found[5].result, Err(CodeError::NoPrefix));
        let quizzes = group(&found);
        assert_eq!(quizzes.len(), 2);
        let class = &quizzes[0];
        assert_eq!((class.config.seed, class.students.len(), class.len()), (4821, 3, 10));
        assert_eq!(class.students.iter().map(|s| s.score()).collect::<Vec<_>>(), [8, 6, 7]);
        assert_eq!(class.average_percent(), 70);
        assert_eq!(class.distribution(), [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
        let per: Vec<usize> = class.per_question().iter().map(|q| q.right).collect();
        assert_eq!(per, [2, 1, 3, 0, 3, 3, 2, 3, 1, 3]);
        let missed: Vec<usize> = class.most_missed().iter().map(|q| q.index).collect();
        assert_eq!(missed, [3, 1, 8], "fewest right first, quiz order breaking ties");
        assert_eq!(class.repeated(), 0);
        assert_eq!(quizzes[1].students[0].initials, "D");
        assert!(quizzes[1].most_missed().is_empty(), "nothing missed");
    }

    #[test]
    fn the_same_code_twice_is_counted_and_flagged() {
        let c = code(12, "", [true; 10]);
        let quizzes = group(&read(&format!("{c}\n{c}")));
        assert_eq!((quizzes[0].students.len(), quizzes[0].repeated()), (2, 1));
    }

    /// Property: for random classes of 1–40 students on random quizzes, with codes scattered through noise,
    /// the tally finds every student and its totals agree with the codes.
    #[test]
    fn property_tally_totals_agree_with_the_codes() {
        let mut rng = SplitMix64::new(2111);
        for _ in 0..300 {
            let c = QuizConfig {
                level: [None, Some(Difficulty::Easy), Some(Difficulty::Hard)][rng.below(3)],
                ..config(rng.below(999_999) as u32 + 1)
            };
            let n = c.pick(QUESTIONS).len();
            let students: Vec<ResultsCode> = (0..rng.below(40) + 1)
                .map(|_| ResultsCode {
                    config: c,
                    initials: String::new(),
                    right: (0..n).map(|_| rng.below(3) > 0).collect(),
                })
                .collect();
            let pasted: String = students
                .iter()
                .map(|s| format!("student says: {} ok\n", s.encode()))
                .collect();
            let quizzes = group(&read(&pasted));
            assert_eq!(quizzes.len(), 1);
            let q = &quizzes[0];
            assert_eq!(q.students, students);
            assert_eq!(q.distribution().iter().sum::<usize>(), students.len());
            let total_right: usize = q.per_question().iter().map(|r| r.right).sum();
            assert_eq!(total_right, students.iter().map(ResultsCode::score).sum::<usize>());
        }
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=1+1"), "'=1+1");
        let c = code(9, "JO", [true; 10]);
        let quiz = &group(&read(&c))[0];
        let students = students_csv(quiz, &["Student", "Score", "Question"]);
        assert!(students.starts_with("Student,Score,Question 1,"));
        assert!(students.contains("\nJO,10,1,1,1,1,1,1,1,1,1,1\n"));
        let questions = questions_csv(quiz, &["#", "Question", "Answer", "Right", "%"], |q| {
            (q.id.into(), "x".into())
        });
        assert_eq!(questions.lines().count(), 11);
        assert!(questions.lines().nth(1).unwrap().ends_with(",x,1,100"));
    }
}
