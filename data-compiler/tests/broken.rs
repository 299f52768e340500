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
         theme = \"{theme}\"\nregion = \"global\"\nsources = [\"{CITED}\"]\n"
    )
}

#[test]
fn a_duplicate_id_is_named() {
    let errors = errors_after(|f| {
        f.text_mut("sources.toml").push_str(&format!(
            "\n[[source]]\nid = \"{CITED}\"\ntitle = \"Copy\"\npublisher = \"Someone\"\nkind = \"secondary\"\n"
        ))
    });
    assert_names(&errors, "sources.toml", CITED, "id", "used by another entry");
}

#[test]
fn an_unknown_source_reference_and_an_incomplete_correction_are_named() {
    let errors = errors_after(|f| {
        f.text_mut("facts.toml").push_str(&format!(
            "\n[[fact]]\nid = \"broken-fact\"\nstatement = \"A claim.\"\nregion = \"global\"\n\
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
            "\n[[fact]]\nid = \"unsourced\"\nstatement = \"S.\"\nregion = \"global\"\nverdict = \"confirmed\"\n",
        )
    });
    assert_names(&errors, "facts.toml", "unsourced", "sources", "at least one source");
}

#[test]
fn an_unused_source_is_named() {
    let errors = errors_after(|f| {
        f.sources
            .push_str("\n[[source]]\nid = \"orphan\"\ntitle = \"T\"\npublisher = \"P\"\nkind = \"primary\"\n")
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
        f.text_mut("events.toml").push_str(&event("too-early", "1989-06-04", "title", "music"));
        f.text_mut("events.toml").push_str(&event("no-such-day", "2021-02-30", "title", "music"));
    });
    assert_names(&errors, "events.toml", "too-early", "date", "outside 1990–2026");
    assert_names(&errors, "events.toml", "no-such-day", "date", "does not exist");
}

#[test]
fn an_unknown_vocabulary_value_is_named() {
    let errors = errors_after(|f| f.text_mut("events.toml").push_str(&event("typo-theme", "2020", "title", "musc")));
    assert_names(&errors, "events.toml", "typo-theme", "theme", "`musc` is not one of");
}

#[test]
fn a_misspelt_field_names_the_entry_and_the_field() {
    let errors = errors_after(|f| f.text_mut("events.toml").push_str(&event("typo-field", "2020", "titel", "music")));
    assert_names(&errors, "events.toml", "typo-field", "titel", "unknown field");
}

#[test]
fn broken_toml_syntax_names_the_file_and_entry() {
    let errors = errors_after(|f| {
        f.questions
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
             {{ label = \"2021\", values = [1] }}]\ncaption = \"C\"\nsources = [\"{CITED}\"]\n\
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
            "\n[[question]]\nid = \"q-broken\"\ntype = \"single\"\ndifficulty = \"easy\"\nprompt = \"P?\"\n\
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
            "\n[[question]]\nid = \"q-mixed\"\ntype = \"estimate\"\ndifficulty = \"hard\"\nprompt = \"P?\"\n\
             explanation = \"E.\"\nsources = [\"{CITED}\"]\nanswer = 150\nmin = 0\nmax = 100\nstep = 1\nunit = \"%\"\ntruth = true\n\
             \n[[question]]\nid = \"q-order\"\ntype = \"order\"\ndifficulty = \"hard\"\nprompt = \"P?\"\n\
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
