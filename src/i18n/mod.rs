//! The one translation layer: every user-visible string is a [`Msg`] looked up in a per-language catalog.
//!
//! English is the reference catalog, compiled in and complete by construction (its `match` is exhaustive).
//! Spanish and Korean come from language packs ([`pack`]), fetched only when a reader shows that language, so
//! English pays nothing for them (issue 20). Their lookups return `Option` and fall back to English at run
//! time, while the native tests in `tests/` keep every translation complete.
//!
//! Interpolation uses named placeholders, `{name}`, so translators can reorder them. Plural messages hold one
//! form per CLDR plural category of the language, separated by `|` (English and Spanish: `one|other`;
//! Korean has only `other`).

mod en;
mod format;
mod labels;
pub mod pack;
#[cfg(test)]
mod translations;

pub use format::{format_date, format_number, format_period, use_browser_numbers};
pub use labels::{Help, Label};

/// A language the interface can be shown in. Its code is the BCP 47 tag used for `<html lang>` and `lang=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
    Ko,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Es, Lang::Ko];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself, as language menus show it ("Español", not "Spanish").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Ko => "한국어",
        }
    }

    #[cfg(test)]
    /// How many plural forms this language's plural messages carry, in CLDR order.
    fn plural_forms(self) -> usize {
        match self {
            Lang::En | Lang::Es => 2,
            Lang::Ko => 1,
        }
    }

    /// Which of the plural forms applies to `n` (CLDR cardinal rules: English and Spanish `one` is exactly 1;
    /// Korean has one form for every number).
    fn plural_index(self, n: u64) -> usize {
        match self {
            Lang::En | Lang::Es => usize::from(n != 1),
            Lang::Ko => 0,
        }
    }
}

/// Declares the message ids once, in the order of every language's message table (`data/i18n/*.toml` are read
/// in this order by `build.rs` and the data compiler, which parse this list).
macro_rules! messages {
    ($($(#[$doc:meta])* $id:ident),* $(,)?) => {
        /// A message id. The English text of each is in `data/i18n/en.toml`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($(#[$doc])* $id),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];
            /// Plural messages: their text holds `|`-separated forms and is read with [`tp`].
            pub fn is_plural(self) -> bool {
                PLURAL.contains(&self)
            }
        }
    };
}

messages! {
    AppName, AppPitch, SkipToContent, NavLabel, NavHome, NavTimeline, NavCompare, NavQuiz, NavSources,
    NavPerspectives, PerspectivesTitle,
    PageTitle, ThemeDark,
    HomeTitle, HomeIntro1, HomeIntro2, HomeIntro3, HomeFeaturesHeading,
    FeatureTimelineTitle, FeatureTimelineBody, FeatureCompareTitle, FeatureCompareBody,
    FeatureQuizTitle, FeatureQuizBody, FeatureSourcesTitle, FeatureSourcesBody, FeaturePerspectivesTitle,
    FeaturePerspectivesBody,
    HomeTeachersHeading, HomeTeachersBody, HomeTeaserHeading, HomeTeaserLink,
    TimelineTitle, CompareTitle, QuizTitle, SourcesTitle,
    FooterSeed, FooterSeedLink, FooterSources, FooterPrivacy, FooterLicence,
    EmbedOpenFull, NewTabHint,
    PanicTitle, PanicBody, PanicReload,
    /// Plural: how many timeline events the filters leave.
    EventsShown,
    TimelineIntro, FilterThemes, FilterRegion, RegionAll, ClearFilters, NoEventsMatch, EventNotFound,
    EraNote, EraWestern, EraStreaming, EraHallyu, EventListLabel, AxisLabel,
    EventFigures, EventSeeChart, EventSources, EventClose,
    ThemeMusic, ThemeFilmTv, ThemeLanguage, ThemePolitics, ThemeTrade,
    RegionGlobal, RegionKorea, RegionChina, RegionIndia, RegionLatinAmerica, RegionSpain, RegionUsa, RegionUk,
    RegionEurope, RegionJapan, RegionAfrica,
    /// Stance: how an item bears on the claim; the filter; its help.
    StanceSupports, StanceChallenges, StanceContext, FilterStance, StanceAll, StanceLabel,
    StanceSupportsHelp, StanceChallengesHelp, StanceContextHelp,
    /// `{period}`: the period a published figure describes.
    EventAbout,
    /// Perspectives page.
    PerspectivesIntro1, PerspectivesIntro2, PerspectivesEvidence, PerspectivesConceptsHeading, ConceptOrigin,
    GlossaryHeading, GlossaryIntro, GlossaryClose,
    /// Corrections to the app itself, in the Sources view. `CorrectionDate`: `{date}`.
    CorrectionsHeading, CorrectionsIntro, CorrectionWas, CorrectionNow, CorrectionDate,
    SourceReference, SourceKindLabel, SeedArticle,
    SourcesIntro1, SourcesIntro2, ClaimsHeading,
    /// Plural in `n`; also `{confirmed}`, `{corrected}`, `{unverified}`.
    ClaimsSummary,
    ClaimArticleSaid, ClaimSourcesSay, ClaimWas, ClaimActually, ClaimSourcesLabel,
    VerdictConfirmed, VerdictCorrected, VerdictUnverified,
    VerdictConfirmedHelp, VerdictCorrectedHelp, VerdictUnverifiedHelp,
    SourcesListHeading, KindPrimary, KindNews, KindAnalysis, KindInterested, KindOpinion, KindPrimaryHelp,
    KindNewsHelp, KindAnalysisHelp, KindInterestedHelp, KindOpinionHelp,
    /// Plural in `n`.
    SupportsCount,
    CitedByFact, CitedByEvent, CitedByChart, CitedByQuestion,
    Month1, Month2, Month3, Month4, Month5, Month6, Month7, Month8, Month9, Month10, Month11, Month12,
    /// `{day}`, `{month}`, `{year}`: the order differs between languages.
    DateDay, DateMonth,
    CompareIntro, ChartShowChart, ChartShowTable, ChartDownloadPng, ChartDownloadCsv, ChartSource, ChartHint,
    /// `{series}`, `{category}`, `{value}`.
    ChartReadout,
    ChartArticleMark, ChartCategory, ChartNotFound, ChartShowValues, ChartShowChange, ChartModeLabel,
    ChartUnitPoints, ChartUnitPercent,
    /// `{from}`, `{to}`.
    ChartChangeBetween,
    /// `{from}`.
    ChartChangeSince,
    /// `{category}`, `{series}`, `{said}`, `{actual}`.
    ChartArticleNote,
    /// Quiz. `QuizPoints` is plural in `n`.
    QuizIntro, QuizSetupHeading, QuizLengthLabel, QuizLengthAll, QuizLevelLabel, QuizLevelMixed, DifficultyEasy,
    DifficultyMedium, DifficultyHard, QuizTimerLabel, QuizStart, QuizClassQuiz, QuizClassHeading, QuizClassBody,
    QuizCopyClassLink, QuizLinkCopied, QuizCopyManually, QuizClassLinkLabel, QuizResumeHeading, QuizResumeButton,
    UpdateAvailable, UpdateReload, QuizNoStorage, QuizSaveFailed, QuizSaveDiscarded, QuizSaveNewer, QuizProgress, QuizScoreLabel, QuizStreakLabel,
    QuizKindSingle, QuizKindTrueFalse, QuizKindOrder, QuizKindEstimate, QuizKindSpotError, QuizFact, QuizFiction,
    QuizOrderHelp, QuizMoveUp, QuizMoveDown, QuizCheck, QuizEstimateLabel, QuizEstimateRange,
    QuizEstimateNotANumber, QuizEstimateOutOfRange, QuizEstimateSlider, QuizSpotHelp, QuizTimeLeft, QuizRight,
    QuizClose, QuizWrong, QuizTimeUp, QuizPoints, QuizAnswerWas, QuizEstimateResult, QuizOrderResult,
    QuizSourcesLabel, QuizSeeEvent, QuizSeeChart, QuizNext, QuizSeeResults, QuizResultsHeading, QuizFinalScore,
    QuizRightCount, QuizBestStreak, QuizBreakdownHeading, QuizBreakdownType, QuizBreakdownPoints,
    QuizReviewHeading, QuizYourAnswer, QuizRightAnswer, QuizNoAnswer, QuizRetryMissed, QuizNewQuiz, QuizShare,
    QuizShareText, QuizShareCopied, QuizRetryRound, QuizAllRight, QuizMovedTo, QuizChooseOwn, QuizAnswerGroup,
    /// Embedding: the dialog, the frame title (`{view}`), the popup fallback.
    EmbedButton, EmbedDialogTitle, EmbedIntro, EmbedView, EmbedKeepFocus, EmbedTheme, ThemeAuto, ThemeLight, ThemeDarkChoice,
    EmbedHeight, EmbedScript, EmbedCode, EmbedCopy, EmbedCopied, EmbedPreview, EmbedClose, EmbedFrameTitle, EmbedPopupBlocked, EmbedAddress,
    /// Printing, and the teacher pack (`view=teach`). `TeachMinutes` is plural in `n`.
    PrintButton, FooterTeach, HomeTeachersLink, TeachTitle, TeachIntro1, TeachIntro2, TeachContents, TeachLessonsHeading,
    TeachObjectives, TeachMinutes, TeachOpenView, TeachDiscussionHeading, LevelAges1416, LevelAges1618,
    TeachEssaysHeading, TeachSyllabusLabel, TeachActivityHeading, TeachShowKind, TeachGuidesHeading,
    /// The worksheet (`view=worksheet`). `{seed}`, `{len}`, `{level}`; `{n}` in the order hint; `{min}`, `{max}`.
    WorksheetTitle, WorksheetIntro, WorksheetForTeacher, WorksheetName, WorksheetClass, WorksheetDate, WorksheetQuizLine,
    WorksheetTickOne, WorksheetOrderHint, WorksheetEstimateHint, WorksheetSpotHint, WorksheetAnswerKey,
    WorksheetAnswerKeyIntro, WorksheetSameAsQuiz, WorksheetPrintLink, WorksheetNewSeed, QuizPrintNote,
    /// Class results (issue 21): the results code on the results screen, the class link's QR code, and the
    /// tally (`view=tally`). `TallySummary`, `TallyStats` and `TallyRepeated` are plural in `n`.
    ResultsCodeHeading, ResultsCodeBody, ResultsCodeInitials, ResultsCodeCopy,
    ResultsCodeSend, ResultsCodeCopied, ResultsCodeHonest, QuizLinkNewer, QuizClassTally, QrShow, QrHide, QrLabel,
    QrCaption, QrFullScreen, QrTooLong, TallyTitle, TallyIntro1, TallyIntro2, TallyRoutineLink, TallyPasteLabel,
    TallyPasteHint, TallyClear, TallyNoneFound, TallySummary, TallyProblemsHeading, TallyLine, TallyErrorPrefix,
    TallyErrorCharacter, TallyErrorShort, TallyErrorMistyped, TallyErrorNotAQuiz, TallyErrorNewer, TallyQuizHeading,
    TallyStudents, TallyStats, TallyRepeated, TallyMissedHeading, TallyNothingMissed, TallyMissedRight,
    TallySpreadHeading, TallyScore, TallyQuestionsHeading, TallyQuestion, TallyPercentRight,
    TallyRightCount, TallyStudentsHeading, TallyStudent, TallyMissedNumbers, TallyDownloadStudents,
    TallyDownloadQuestions, TallyPrivate,
    /// The language menu (issue 20). `{language}`: a language's own name ("Español").
    LanguageLabel, LanguageLoading, LanguageFailed,
    /// A view whose part of the app is still on its way, or could not be fetched (`views::parts`).
    PartLoading, PartFailed, PartTryAgain,
    /// The class link's QR code, which comes with the teacher's part of the app (`views::parts::qr_code`).
    QrLoading, QrFailed,
    /// "Start quiz" (or "Resume") pressed before the quiz's questions have arrived (`views::parts::after_quiz_play`).
    QuizQuestionsLoading, QuizQuestionsFailed,
    /// Beside a translated quotation of the article: the article's own words follow, in English.
    QuizOriginalQuote,
}

const PLURAL: &[Msg] = &[
    Msg::TallySummary,
    Msg::TallyRepeated,
    Msg::TallyStats,
    Msg::EventsShown,
    Msg::ClaimsSummary,
    Msg::SupportsCount,
    Msg::QuizPoints,
    Msg::TeachMinutes,
];

/// The text of `msg` in `lang`, falling back to English while that language's pack is not loaded or lacks it.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => None,
        _ => pack::message(lang, msg),
    }
    .unwrap_or_else(|| en::text(msg))
}

/// `t` with `{name}` placeholders replaced. Unknown placeholders are left as they are, visibly, so a
/// translation mistake shows up in review rather than as missing words.
pub fn tf(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    interpolate(t(lang, msg), args)
}

/// A plural message for the count `n`; `{n}` in the chosen form is replaced by the number.
pub fn tp(lang: Lang, msg: Msg, n: u64, args: &[(&str, &str)]) -> String {
    let forms: Vec<&str> = t(lang, msg).split('|').collect();
    let form = forms
        .get(lang.plural_index(n))
        .or(forms.last())
        .copied()
        .unwrap_or_default();
    let n = n.to_string();
    let mut all = vec![("n", n.as_str())];
    all.extend_from_slice(args);
    interpolate(form, &all)
}

fn interpolate(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], &after[close + 1..])) {
            Some((name, tail)) if args.iter().any(|(k, _)| *k == name) => {
                out.push_str(
                    args.iter()
                        .find(|(k, _)| *k == name)
                        .map(|(_, v)| *v)
                        .unwrap_or_default(),
                );
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
/// The `{name}` placeholders of a template, sorted: translations must use the same set.
fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_replaces_known_names_and_keeps_the_rest() {
        assert_eq!(interpolate("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        assert_eq!(interpolate("{b} before {a}", &[("a", "1"), ("b", "2")]), "2 before 1");
        assert_eq!(interpolate("keep {x} and {", &[("a", "1")]), "keep {x} and {");
        assert_eq!(interpolate("no braces", &[]), "no braces");
    }

    #[test]
    fn plurals_choose_the_english_form() {
        assert_eq!(tp(Lang::En, Msg::EventsShown, 1, &[]), "1 event shown");
        assert_eq!(tp(Lang::En, Msg::EventsShown, 0, &[]), "0 events shown");
        assert_eq!(tp(Lang::En, Msg::EventsShown, 26, &[]), "26 events shown");
    }

    #[test]
    fn placeholder_sets_are_compared_by_name() {
        assert_eq!(placeholders("{b} {a} {b}"), vec!["a", "b"]);
        assert!(placeholders("none").is_empty());
    }

    /// Every `tf`/`tp` call in the app passes exactly the `{name}` placeholders its English message uses (`tp`
    /// adds `n` itself), so a typo can never leave `{seconds}` on screen. Read from the sources, because the
    /// names are strings: each call is `tf(lang, Msg::Name, &[("a", …), ("b", …)])`.
    #[test]
    fn every_call_passes_exactly_the_placeholders_its_message_uses() {
        let files = app_sources();
        let mut calls = 0;
        for (file, text) in files.iter().filter(|(f, _)| !f.ends_with("i18n/mod.rs")) {
            for (at, call) in text.match_indices("tf(").chain(text.match_indices("tp(")) {
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue; // another function whose name ends in "tf"
                }
                let rest = &text[at + call.len()..];
                let Some(msg_at) = rest.find("Msg::") else { continue };
                let name: String = rest[msg_at + 5..].chars().take_while(|c| c.is_alphanumeric()).collect();
                let Some(msg) = Msg::ALL.iter().find(|m| format!("{m:?}") == name) else {
                    panic!("{}: unknown message {name}", file.display());
                };
                // The argument list: from `&[` to its matching `]`.
                let after = &rest[msg_at..];
                let open = after.find("&[").expect("arguments follow the message");
                let mut depth = 0;
                let close = after[open + 1..]
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '[' => 1,
                            ']' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map(|(i, _)| open + 1 + i)
                    .expect("the argument list closes");
                let args = &after[open + 2..close];
                let mut passed: Vec<&str> = args
                    .split("(\"")
                    .skip(1)
                    .filter_map(|s| s.split_once('"').map(|(n, _)| n))
                    .collect();
                if call == "tp(" {
                    passed.push("n");
                }
                passed.sort_unstable();
                passed.dedup();
                let wanted: Vec<&str> = en::text(*msg).split('|').flat_map(placeholders).collect();
                let mut wanted = wanted;
                wanted.sort_unstable();
                wanted.dedup();
                assert_eq!(passed, wanted, "{}: {name} is called with {passed:?}", file.display());
                calls += 1;
            }
        }
        assert!(calls >= 25, "found only {calls} tf/tp calls");
    }

    /// Every Rust file under `src/`, with its text.
    fn app_sources() -> Vec<(std::path::PathBuf, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&path).expect("readable");
                    out.push((path, text));
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        files
    }

    /// A message no code shows is dead weight in every catalog and every translation: each one is named
    /// somewhere outside the catalogs.
    #[test]
    fn every_message_is_shown_somewhere() {
        let code: String = app_sources()
            .into_iter()
            .filter(|(f, _)| !f.ends_with("i18n/en.rs") && !f.ends_with("i18n/mod.rs"))
            .map(|(_, text)| text)
            .collect();
        let unused: Vec<String> = Msg::ALL
            .iter()
            .map(|m| format!("{m:?}"))
            .filter(|name| {
                let used = code
                    .match_indices(&format!("Msg::{name}"))
                    .any(|(at, hit)| !code[at + hit.len()..].starts_with(|c: char| c.is_alphanumeric()));
                !used
            })
            .collect();
        assert!(unused.is_empty(), "messages nothing shows: {unused:?}");
    }

    #[test]
    fn tf_fills_the_page_title() {
        assert_eq!(tf(Lang::En, Msg::PageTitle, &[("view", "Quiz")]), "Quiz · Reverse Wave");
    }
}
