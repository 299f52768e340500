//! The checks bite: each test plants one mistake in a copy of the real data and expects the error that names
//! its file, entry and field.

mod common;

use reverse_wave_data_compiler::{check, DataError, Files};

fn errors_after(edit: impl FnOnce(&mut Files)) -> Vec<DataError> {
    let mut files = common::real_files();
    edit(&mut files);
    match check(&files) {
        Ok(_) => panic!("the broken copy was accepted"),
        Err(errors) => errors,
    }
}

#[track_caller]
fn assert_names(errors: &[DataError], file: &str, entry: &str, field: &str, words: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.file == file && e.entry == entry && e.field == field && e.message.contains(words)),
        "expected an error for {file} / {entry} / {field} containing {words:?}, got:\n{}",
        errors.iter().map(|e| format!("  {e}\n")).collect::<String>()
    );
}

const CITED: &str = "article-shoutoutuk-2022";

/// A timeline event to append, with the parts the tests vary: its date, the name of its title field (to
/// misspell it) and its theme.
fn event(id: &str, date: &str, title_field: &str, theme: &str) -> String {
    format!(
        "\n[[event]]\nid = \"{id}\"\ndate = \"{date}\"\n{title_field} = \"T\"\nsummary = \"S.\"\n\
         theme = \"{theme}\"\nregion = \"global\"\nstance = \"context\"\nsources = [\"{CITED}\"]\n"
    )
}

#[test]
fn a_duplicate_id_is_named() {
    let errors = errors_after(|f| {
        f.text_mut("sources.toml").push_str(&format!(
            "\n[[source]]\nid = \"{CITED}\"\ntitle = \"Copy\"\npublisher = \"Someone\"\nkind = \"news\"\nurl = \"https://example.org/\"\n"
        ))
    });
    assert_names(&errors, "sources.toml", CITED, "id", "used by another entry");
}

#[test]
fn an_unknown_source_reference_and_an_incomplete_correction_are_named() {
    let errors = errors_after(|f| {
        f.text_mut("facts.toml").push_str(&format!(
            "\n[[fact]]\nid = \"broken-fact\"\nstatement = \"A claim.\"\nregion = \"global\"\nstance = \"context\"\n\
             sources = [\"{CITED}\", \"no-such-source\"]\nverdict = \"corrected\"\nclaim = \"It said so.\"\n"
        ))
    });
    assert_names(
        &errors,
        "facts.toml",
        "broken-fact",
        "sources",
        "no source has the id `no-such-source`",
    );
    assert_names(
        &errors,
        "facts.toml",
        "broken-fact",
        "actual",
        "needed when the verdict is `corrected`",
    );
}

#[test]
fn a_fact_without_sources_is_named() {
    let errors = errors_after(|f| {
        f.text_mut("facts.toml").push_str(
            "\n[[fact]]\nid = \"unsourced\"\nstatement = \"S.\"\nregion = \"global\"\nstance = \"context\"\nverdict = \"confirmed\"\n",
        )
    });
    assert_names(&errors, "facts.toml", "unsourced", "sources", "at least one source");
}

#[test]
fn an_unused_source_is_named() {
    let errors = errors_after(|f| {
        f.text_mut("sources.toml")
            .push_str("\n[[source]]\nid = \"orphan\"\ntitle = \"T\"\npublisher = \"P\"\nkind = \"primary\"\nurl = \"https://example.org/\"\n")
    });
    assert_names(&errors, "sources.toml", "orphan", "id", "not cited");
}

#[test]
fn a_script_url_is_refused() {
    let errors = errors_after(|f| {
        f.text_mut("sources.toml").push_str(
            "\n[[source]]\nid = \"evil\"\ntitle = \"T\"\npublisher = \"P\"\nkind = \"primary\"\nurl = \"javascript:alert(1)\"\n",
        )
    });
    assert_names(&errors, "sources.toml", "evil", "url", "http");
}

#[test]
fn impossible_and_out_of_range_dates_are_named() {
    let errors = errors_after(|f| {
        f.text_mut("events.toml")
            .push_str(&event("too-early", "1989-06-04", "title", "music"));
        f.text_mut("events.toml")
            .push_str(&event("no-such-day", "2021-02-30", "title", "music"));
    });
    assert_names(&errors, "events.toml", "too-early", "date", "outside 1990–2026");
    assert_names(&errors, "events.toml", "no-such-day", "date", "does not exist");
}

#[test]
fn an_unknown_vocabulary_value_is_named() {
    let errors = errors_after(|f| {
        f.text_mut("events.toml")
            .push_str(&event("typo-theme", "2020", "title", "musc"))
    });
    assert_names(&errors, "events.toml", "typo-theme", "theme", "`musc` is not one of");
}

#[test]
fn a_misspelt_field_names_the_entry_and_the_field() {
    let errors = errors_after(|f| {
        f.text_mut("events.toml")
            .push_str(&event("typo-field", "2020", "titel", "music"))
    });
    assert_names(&errors, "events.toml", "typo-field", "titel", "unknown field");
}

#[test]
fn broken_toml_syntax_names_the_file_and_entry() {
    let errors = errors_after(|f| {
        f.text_mut("questions.toml")
            .push_str("\n[[question]]\nid = \"unclosed\"\nprompt = \"no closing quote\n");
    });
    assert!(
        errors
            .iter()
            .any(|e| e.file == "questions.toml" && e.entry == "unclosed"),
        "{errors:?}"
    );
}

#[test]
fn comparison_series_must_match_categories_and_percentages_stay_within_0_to_100() {
    let errors = errors_after(|f| {
        f.text_mut("comparisons.toml").push_str(&format!(
            "\n[[comparison]]\nid = \"bad-chart\"\ntitle = \"T\"\nquestion = \"Q?\"\nkind = \"paired\"\nunit = \"%\"\n\
             categories = [\"A\", \"B\"]\nseries = [{{ label = \"2017\", values = [50, 120] }}, \
             {{ label = \"2021\", values = [1] }}]\ncaption = \"C.\"\nstance = \"context\"\nsources = [\"{CITED}\"]\n\
             article = [{{ series = \"2019\", category = \"A\", value = 3 }}]\n"
        ))
    });
    assert_names(
        &errors,
        "comparisons.toml",
        "bad-chart",
        "series.values",
        "outside 0–100",
    );
    assert_names(
        &errors,
        "comparisons.toml",
        "bad-chart",
        "series.values",
        "has 1 values for 2 categories",
    );
    assert_names(
        &errors,
        "comparisons.toml",
        "bad-chart",
        "article.series",
        "no series is labelled `2019`",
    );
}

#[test]
fn single_choice_needs_four_distinct_options_and_one_valid_answer() {
    let errors = errors_after(|f| {
        f.text_mut("questions.toml").push_str(&format!(
            "\n[[question]]\nid = \"q-broken\"\ntype = \"single\"\ndifficulty = \"easy\"\nclaim = \"c\"\nprompt = \"P?\"\n\
             explanation = \"\"\nsources = [\"{CITED}\"]\noptions = [\"A\", \"B\", \"a\"]\ncorrect = 5\n"
        ))
    });
    assert_names(&errors, "questions.toml", "q-broken", "options", "exactly 4");
    assert_names(&errors, "questions.toml", "q-broken", "options", "appears twice");
    assert_names(&errors, "questions.toml", "q-broken", "correct", "not the index");
    assert_names(
        &errors,
        "questions.toml",
        "q-broken",
        "explanation",
        "must not be empty",
    );
}

#[test]
fn question_fields_must_fit_their_type() {
    let errors = errors_after(|f| {
        f.text_mut("questions.toml").push_str(&format!(
            "\n[[question]]\nid = \"q-mixed\"\ntype = \"estimate\"\ndifficulty = \"hard\"\nclaim = \"c\"\nprompt = \"P?\"\n\
             explanation = \"E.\"\nsources = [\"{CITED}\"]\nanswer = 150\nmin = 0\nmax = 100\nstep = 1\nunit = \"%\"\ntruth = true\n\
             \n[[question]]\nid = \"q-order\"\ntype = \"order\"\ndifficulty = \"hard\"\nclaim = \"c\"\nprompt = \"P?\"\n\
             explanation = \"E.\"\nsources = [\"{CITED}\"]\nevents = [\"no-such-event\", \"x\"]\n"
        ))
    });
    assert_names(&errors, "questions.toml", "q-mixed", "truth", "does not belong");
    assert_names(&errors, "questions.toml", "q-mixed", "answer", "min <= answer <= max");
    assert_names(&errors, "questions.toml", "q-order", "events", "3 to 5 events");
    assert_names(
        &errors,
        "questions.toml",
        "q-order",
        "events",
        "no event has the id `no-such-event`",
    );
}

#[test]
fn a_source_needs_a_link_or_a_reference_and_a_known_kind() {
    let errors = errors_after(|f| {
        f.text_mut("sources.toml")
            .push_str("\n[[source]]\nid = \"nowhere\"\ntitle = \"T\"\npublisher = \"P\"\nkind = \"secondary\"\n")
    });
    assert_names(&errors, "sources.toml", "nowhere", "url", "or a `reference`");
    assert_names(&errors, "sources.toml", "nowhere", "kind", "`secondary` is not one of");
}

#[test]
fn the_date_convention_is_enforced() {
    let errors = errors_after(|f| {
        let early = event("early-figure", "2021-06", "title", "trade").replace("stance", "about = \"2021\"\nstance");
        f.text_mut("events.toml").push_str(&early);
        // A year-only event citing a figure for that same year: the old "year the figure describes" convention.
        f.text_mut("events.toml").push_str(
            &event("same-year", "2021", "title", "trade").replace("stance", "facts = [\"claim-us-imports\"]\nstance"),
        );
    });
    assert_names(
        &errors,
        "events.toml",
        "early-figure",
        "date",
        "cannot be before `2021` ends",
    );
    assert_names(
        &errors,
        "events.toml",
        "same-year",
        "about",
        "date it when the figure was published",
    );
}

#[test]
fn a_new_file_is_read_and_named_in_its_errors() {
    let errors = errors_after(|f| {
        f.text_mut("zz-extra.toml")
            .push_str(&event("in-a-new-file", "2024", "title", "musc"))
    });
    assert_names(
        &errors,
        "zz-extra.toml",
        "in-a-new-file",
        "theme",
        "`musc` is not one of",
    );
}

#[test]
fn glossary_marks_must_name_a_term() {
    let errors = errors_after(|f| {
        f.text_mut("events.toml").push_str(
            &event("marked", "2024", "title", "music")
                .replace("summary = \"S.\"", "summary = \"A [[flux capacitor]] hit.\""),
        )
    });
    assert_names(
        &errors,
        "events.toml",
        "marked",
        "summary",
        "`[[flux capacitor]]` is not a term",
    );
}

#[test]
fn long_sentences_and_hard_words_are_refused() {
    let long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen \
                seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five \
                twenty-six twenty-seven twenty-eight twenty-nine thirty thirty-one.";
    let hard = "Internationalisation reconfigured transnational communicative asymmetries fundamentally.";
    let errors = errors_after(|f| {
        let e = event("long", "2024", "title", "music").replace("summary = \"S.\"", &format!("summary = \"{long}\""));
        f.text_mut("events.toml").push_str(&e);
        let e = event("hard", "2024", "title", "music").replace("summary = \"S.\"", &format!("summary = \"{hard}\""));
        f.text_mut("events.toml").push_str(&e);
    });
    assert_names(&errors, "events.toml", "long", "summary", "sentence of 31 words");
    assert_names(&errors, "events.toml", "hard", "summary", "Flesch–Kincaid");
}

#[test]
fn the_article_is_never_drawn_as_data_and_ranges_must_be_ranges() {
    let errors = errors_after(|f| {
        f.text_mut("comparisons.toml").push_str(&format!(
            "\n[[comparison]]\nid = \"claim-as-data\"\ntitle = \"T\"\nquestion = \"Q?\"\nkind = \"grouped\"\nunit = \"%\"\n\
             categories = [\"The article\", \"A survey\"]\nseries = [{{ label = \"Share\", values = [8, {{ low = 5, high = 2 }}] }}]\n\
             caption = \"C.\"\nstance = \"context\"\nsources = [\"{CITED}\"]\n"
        ))
    });
    assert_names(
        &errors,
        "comparisons.toml",
        "claim-as-data",
        "categories",
        "go in `article`",
    );
    assert_names(
        &errors,
        "comparisons.toml",
        "claim-as-data",
        "series.values",
        "low is not below its high",
    );
}

#[test]
fn at_most_a_quarter_of_the_bank_may_be_about_the_article() {
    let errors = errors_after(|f| {
        let q = f.text_mut("questions.toml");
        for i in 0..60 {
            q.push_str(&format!(
                "\n[[question]]\nid = \"q-article-{i}\"\ntype = \"true-false\"\ndifficulty = \"easy\"\nclaim = \"c-{i}\"\n\
                 prompt = \"It is so.\"\nexplanation = \"It is.\"\nsources = [\"{CITED}\"]\ntruth = true\n"
            ));
        }
        q.push_str(&format!(
            "\n[[question]]\nid = \"q-bad-claim\"\ntype = \"true-false\"\ndifficulty = \"easy\"\nclaim = \"Bad Claim\"\n\
             prompt = \"It is so.\"\nexplanation = \"It is.\"\nsources = [\"{CITED}\"]\ntruth = true\n"
        ));
    });
    assert_names(&errors, "questions.toml", "*", "sources", "at most a quarter");
    assert_names(&errors, "questions.toml", "q-bad-claim", "claim", "kebab-case");
}

#[test]
fn a_lesson_whose_steps_do_not_add_up_and_a_syllabus_without_the_specification_are_named() {
    let errors = errors_after(|f| {
        let teach = f.text_mut("teach.toml");
        teach.push_str(
            "\n[[lesson]]\nid = \"lesson-broken\"\ntitle = \"Broken\"\nminutes = 30\n\
             objectives = [\"Students can count.\", \"Students can add.\"]\n\
             [[lesson.step]]\nminutes = 10\ntitle = \"One\"\ntext = \"Do one thing.\"\nlink = \"view=home\"\n\
             [[lesson.step]]\nminutes = 10\ntitle = \"Two\"\ntext = \"Do another thing.\"\n\
             [[lesson.step]]\nminutes = 5\ntitle = \"Three\"\ntext = \"Do a third thing.\"\n",
        );
        teach.push_str(&format!(
            "\n[[essay]]\nid = \"essay-broken\"\nlevel = \"ages-18-21\"\ntext = \"Discuss.\"\n\
             [[essay.syllabus]]\nboard = \"AQA\"\ncourse = \"A-level\"\ntopic = \"Media\"\nsource = \"{CITED}\"\n"
        ));
    });
    assert_names(
        &errors,
        "teach.toml",
        "lesson-broken",
        "step.minutes",
        "add up to 25 minutes, not the lesson's 30",
    );
    assert_names(
        &errors,
        "teach.toml",
        "lesson-broken",
        "step.link",
        "must be a query string",
    );
    assert_names(&errors, "teach.toml", "essay-broken", "level", "not one of");
    assert_names(
        &errors,
        "teach.toml",
        "essay-broken",
        "syllabus.source",
        "cite the exam board's own specification",
    );
}

/// The bank's editions keep old class links meaning the same quiz: a new question must join an edition, and a
/// listed question can neither be deleted nor listed twice, and editions are numbered in order.
#[test]
fn quiz_editions_are_append_only() {
    let errors = errors_after(|f| {
        f.text_mut("questions.toml").push_str(&format!(
            "\n[[question]]\nid = \"q-new\"\ntype = \"true-false\"\ndifficulty = \"easy\"\nclaim = \"new-claim\"\n\
             prompt = \"P?\"\nexplanation = \"E.\"\nsources = [\"{CITED}\"]\ntruth = true\n"
        ));
        let questions = f.text_mut("questions.toml");
        let at = questions
            .find("id = \"q-gangnam-billion-year\"")
            .expect("a real question");
        questions.replace_range(
            at..at + "id = \"q-gangnam-billion-year\"".len(),
            "id = \"q-gangnam-renamed\"",
        );
        f.text_mut("quiz-editions.toml")
            .push_str("\n[[edition]]\nnumber = 3\nquestions = [\"q-parasite-oscar-record\"]\n");
    });
    assert_names(&errors, "questions.toml", "q-new", "id", "in no edition of the bank");
    assert_names(
        &errors,
        "quiz-editions.toml",
        "edition 1",
        "questions",
        "`q-gangnam-billion-year` is not in the bank",
    );
    assert_names(&errors, "quiz-editions.toml", "edition 3", "number", "expected 2");
    assert_names(
        &errors,
        "quiz-editions.toml",
        "edition 3",
        "questions",
        "listed in two editions",
    );
}
