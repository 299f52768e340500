//! The query string is Reverse Wave's public contract: school sites link to and embed the app with it, so the
//! keys and values here must stay stable (they are documented in the README).
//!
//! Parsing is total: any input yields a valid [`UrlState`]. A value that is unknown, malformed, longer than
//! [`MAX_VALUE_LEN`] or given more than once falls back to its default, silently. Nothing from the URL is ever
//! kept as free text, so nothing from it can be reflected into the page. Serialising writes only non-default
//! values, in a fixed order, so equal states always give equal URLs.

use crate::data::model::{Difficulty, Region, Stance, Theme};
use crate::i18n::Lang;
use crate::logic::quiz::config::{QuizLength, MAX_EDITION, MAX_SEED};

/// Values longer than this are ignored without being decoded (a 10 KB `view=` must not cost anything).
pub const MAX_VALUE_LEN: usize = 256;
/// Only the first pairs of a pathological query are looked at.
pub const MAX_PAIRS: usize = 64;

/// One value type that can appear in the URL: a closed set of ids.
pub trait UrlValue: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.id() == id)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Home,
    Timeline,
    Compare,
    Quiz,
    Perspectives,
    Sources,
    /// The teacher pack: lesson plans, discussion questions, essay prompts, activities, how-tos.
    Teach,
    /// The quiz on paper: the questions a `seed`, `len` and `level` give, then an answer key.
    Worksheet,
    /// The teacher's class results: pasted results codes, tallied.
    Tally,
}

impl UrlValue for View {
    const ALL: &'static [Self] = &[
        View::Home,
        View::Timeline,
        View::Compare,
        View::Quiz,
        View::Perspectives,
        View::Sources,
        View::Teach,
        View::Worksheet,
        View::Tally,
    ];
    fn id(self) -> &'static str {
        match self {
            View::Home => "home",
            View::Timeline => "timeline",
            View::Compare => "compare",
            View::Quiz => "quiz",
            View::Perspectives => "perspectives",
            View::Sources => "sources",
            View::Teach => "teach",
            View::Worksheet => "worksheet",
            View::Tally => "tally",
        }
    }
}

/// `auto` follows the device's `prefers-color-scheme`; the others override it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemePref {
    #[default]
    Auto,
    Light,
    Dark,
}

impl UrlValue for ThemePref {
    const ALL: &'static [Self] = &[ThemePref::Auto, ThemePref::Light, ThemePref::Dark];
    fn id(self) -> &'static str {
        match self {
            ThemePref::Auto => "auto",
            ThemePref::Light => "light",
            ThemePref::Dark => "dark",
        }
    }
}

impl UrlValue for Lang {
    const ALL: &'static [Self] = Lang::ALL;
    fn id(self) -> &'static str {
        self.code()
    }
}

/// The data's vocabularies: their ids and their order come from the data compiler, the one list of each.
macro_rules! data_vocabulary {
    ($($ty:ty),*) => {$(
        impl UrlValue for $ty {
            const ALL: &'static [Self] = <$ty>::ALL;
            fn id(self) -> &'static str {
                <$ty>::id(self)
            }
        }
    )*};
}

data_vocabulary!(Theme, Region, Stance);

impl UrlValue for Difficulty {
    const ALL: &'static [Self] = &[Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];
    fn id(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// A set of themes as a bit mask; empty means "no theme filter" (every theme shown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ThemeSet(u8);

impl ThemeSet {
    fn bit(theme: Theme) -> u8 {
        1 << Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0)
    }
    pub fn contains(self, theme: Theme) -> bool {
        self.0 & Self::bit(theme) != 0
    }
    pub fn toggled(self, theme: Theme) -> Self {
        Self(self.0 ^ Self::bit(theme))
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = Theme> {
        Theme::ALL.iter().copied().filter(move |t| self.contains(*t))
    }
    /// `music,film-tv`: every part must be a theme id, or the whole value is ignored.
    fn parse(value: &str) -> Option<Self> {
        value.split(',').try_fold(Self::default(), |set, id| {
            Theme::from_id(id).map(|t| Self(set.0 | Self::bit(t)))
        })
    }
    fn to_value(self) -> String {
        self.iter().map(Theme::id).collect::<Vec<_>>().join(",")
    }
}

/// Ids of dataset entries (`event=`, later `chart=`) are kept if they look like ids; whether one exists is
/// the view's business, which can then say so kindly.
pub const MAX_ID_LEN: usize = 80;

fn parse_id(value: String) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= MAX_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(value)
}

/// A number written as at most `max_digits` plain decimal digits, within `range`: a number read out in class
/// cannot be mistyped (`+5`, `5.0`, `0x5`) into something that silently means another quiz.
fn parse_number(value: &str, max_digits: usize, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let ok = !value.is_empty() && value.len() <= max_digits && value.bytes().all(|b| b.is_ascii_digit());
    let n: u32 = if ok { value.parse().ok()? } else { return None };
    range.contains(&n).then_some(n)
}

/// `seed=4821`, in `1..=MAX_SEED`.
fn parse_seed(value: String) -> Option<u32> {
    parse_number(&value, 6, 1..=MAX_SEED)
}

/// `bank=2`: the edition of the question bank a class link was made with, `1..=15` (see `QuizConfig`).
/// Editions this build does not have yet are kept, so the quiz can say the link is newer than the app.
fn parse_bank(value: String) -> Option<u8> {
    parse_number(&value, 2, 1..=u32::from(MAX_EDITION)).map(|n| n as u8)
}

/// Everything the URL can say. Later features add their keys here, with a line in `parse` and in `to_query`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub view: View,
    /// `lang=es`: the language a link asks for. None: the reader's own choice or their browser's (issue 20).
    pub lang: Option<Lang>,
    pub theme: ThemePref,
    /// `embed=1`: the app runs inside another site's page, without its own header and footer.
    pub embed: bool,
    /// Timeline: `themes=music,film-tv` (empty = all themes).
    pub themes: ThemeSet,
    /// Timeline: `region=korea` (none = all regions).
    pub region: Option<Region>,
    /// Timeline: `stance=challenges` (none = every side of the argument).
    pub stance: Option<Stance>,
    /// Timeline: `event=<id>`, the event whose details are open.
    pub event: Option<String>,
    /// Compare: `chart=<id>`, the comparison in focus.
    pub chart: Option<String>,
    /// Quiz: `seed=<n>`, which questions in which order (a class link). None until a quiz is chosen.
    pub seed: Option<u32>,
    /// Quiz: `bank=<n>`, the question bank's edition a class link was made with. None: the first edition
    /// with a seed (links made before editions existed), the newest without one.
    pub bank: Option<u8>,
    /// Quiz: `len=5|10|all`.
    pub len: QuizLength,
    /// Quiz: `level=easy|medium|hard` (none = mixed).
    pub level: Option<Difficulty>,
    /// Quiz: `timer=1` turns on the per-question timer.
    pub timer: bool,
}

impl UrlState {
    /// Reads a query string, with or without its leading `?`. Never fails, never panics.
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs = Pairs::new(query);
        Self {
            view: pairs.value("view"),
            lang: pairs.single("lang").and_then(|v| Lang::from_id(&v)),
            theme: pairs.value("theme"),
            embed: pairs.single("embed").as_deref() == Some("1"),
            themes: pairs
                .single("themes")
                .and_then(|v| ThemeSet::parse(&v))
                .unwrap_or_default(),
            region: pairs.single("region").and_then(|v| Region::from_id(&v)),
            stance: pairs.single("stance").and_then(|v| Stance::from_id(&v)),
            event: pairs.single("event").and_then(parse_id),
            chart: pairs.single("chart").and_then(parse_id),
            seed: pairs.single("seed").and_then(parse_seed),
            // An edition only means something beside a seed.
            bank: pairs
                .single("seed")
                .and_then(parse_seed)
                .and(pairs.single("bank"))
                .and_then(parse_bank),
            len: pairs.value("len"),
            level: pairs.single("level").and_then(|v| Difficulty::from_id(&v)),
            timer: pairs.single("timer").as_deref() == Some("1"),
        }
    }

    /// The query string for this state, without the leading `?`; empty when everything is default.
    pub fn to_query(&self) -> String {
        let mut out = QueryWriter::default();
        out.value("view", self.view);
        if let Some(lang) = self.lang {
            out.pair("lang", lang.id());
        }
        out.value("theme", self.theme);
        if self.embed {
            out.pair("embed", "1");
        }
        if !self.themes.is_empty() {
            out.pair("themes", &self.themes.to_value());
        }
        if let Some(region) = self.region {
            out.pair("region", region.id());
        }
        if let Some(stance) = self.stance {
            out.pair("stance", stance.id());
        }
        if let Some(event) = &self.event {
            out.pair("event", event);
        }
        if let Some(chart) = &self.chart {
            out.pair("chart", chart);
        }
        if let Some(seed) = self.seed {
            out.pair("seed", &seed.to_string());
        }
        if let Some(bank) = self.bank.filter(|_| self.seed.is_some()) {
            out.pair("bank", &bank.to_string());
        }
        out.value("len", self.len);
        if let Some(level) = self.level {
            out.pair("level", level.id());
        }
        if self.timer {
            out.pair("timer", "1");
        }
        out.finish()
    }

    /// The timeline with one event open: where a link to an event points.
    pub fn with_event(&self, id: &str) -> Self {
        Self {
            event: Some(id.to_string()),
            ..self.with_view(View::Timeline)
        }
    }

    /// Compare with one chart in focus: where a link to a chart points.
    pub fn with_chart(&self, id: &str) -> Self {
        Self {
            chart: Some(id.to_string()),
            ..self.with_view(View::Compare)
        }
    }

    /// The same state showing another view: what a navigation link points to. Keys that belong to the view
    /// being left (an open event, a focused chart) are dropped; filters and preferences are kept.
    /// Where a link written in the data (`?view=timeline&stance=challenges`) leads from here: its keys, with
    /// this state's language, theme and embed mode, which are the reader's and not the writer's.
    pub fn follow(&self, link: &str) -> Self {
        Self {
            lang: self.lang,
            theme: self.theme,
            embed: self.embed,
            ..Self::parse(link)
        }
    }

    pub fn with_view(&self, view: View) -> Self {
        if view == self.view {
            return self.clone();
        }
        Self {
            view,
            event: None,
            chart: None,
            ..self.clone()
        }
    }
}

/// The raw `key=value` pairs of a query, split but not yet decoded.
struct Pairs<'a> {
    pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> Pairs<'a> {
    fn new(query: &'a str) -> Self {
        let pairs = query
            .split('&')
            .filter(|p| !p.is_empty())
            .take(MAX_PAIRS)
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        Self { pairs }
    }

    /// The decoded value of `key` when it appears exactly once and is well formed.
    fn single(&self, key: &str) -> Option<String> {
        let mut found = self
            .pairs
            .iter()
            .filter(|(k, _)| percent_decode(k).as_deref() == Some(key));
        let (_, raw) = found.next()?;
        if found.next().is_some() || raw.len() > MAX_VALUE_LEN {
            return None;
        }
        percent_decode(raw)
    }

    fn value<T: UrlValue + Default>(&self, key: &str) -> T {
        self.single(key).and_then(|v| T::from_id(&v)).unwrap_or_default()
    }
}

#[derive(Default)]
struct QueryWriter {
    out: String,
}

impl QueryWriter {
    fn value<T: UrlValue + Default>(&mut self, key: &str, value: T) {
        if value != T::default() {
            self.pair(key, value.id());
        }
    }

    fn pair(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        self.out.push_str(key);
        self.out.push('=');
        percent_encode_into(value, &mut self.out);
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Decodes `%XX` escapes and `+` (form encoding of a space). `None` for a broken escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = hex_digit(*bytes.get(i + 1)?)?;
                let lo = hex_digit(*bytes.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn hex_digit(b: u8) -> Option<u8> {
    char::from(b).to_digit(16).map(|d| d as u8)
}

/// Escapes everything except RFC 3986 unreserved characters and the comma (used by list values).
pub fn percent_encode_into(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rng::SplitMix64;

    fn parse(q: &str) -> UrlState {
        UrlState::parse(q)
    }

    #[test]
    fn empty_query_is_the_default_state() {
        assert_eq!(parse(""), UrlState::default());
        assert_eq!(parse("?"), UrlState::default());
        assert_eq!(UrlState::default().to_query(), "");
    }

    #[test]
    fn reads_every_documented_key() {
        let s = parse("?view=quiz&lang=en&theme=dark&embed=1");
        assert_eq!(s.view, View::Quiz);
        assert_eq!(s.lang, Some(Lang::En));
        for l in Lang::ALL {
            assert_eq!(parse(&format!("lang={}", l.code())).lang, Some(*l));
        }
        assert_eq!(parse("view=quiz").lang, None, "no lang key: the reader's own language");
        assert_eq!(s.theme, ThemePref::Dark);
        assert!(s.embed);
        for v in View::ALL {
            assert_eq!(parse(&format!("view={}", v.id())).view, *v);
        }
    }

    #[test]
    fn serialises_only_non_defaults_in_a_fixed_order() {
        let s = UrlState {
            view: View::Sources,
            theme: ThemePref::Light,
            embed: true,
            ..UrlState::default()
        };
        assert_eq!(s.to_query(), "view=sources&theme=light&embed=1");
        assert_eq!(s.with_view(View::Home).to_query(), "theme=light&embed=1");
    }

    #[test]
    fn hostile_values_fall_back_to_defaults() {
        let huge = format!("view={}", "timeline".repeat(1280)); // about 10 KB
        for q in [
            "view=%00",
            "view=<script>alert(1)</script>",
            "view=%3Cscript%3E",
            "view=TIMELINE",
            "view=timeline%",
            "view=%zz",
            "view=%C3%28",
            "view=quiz&view=timeline",
            "view=quiz&view=quiz",
            huge.as_str(),
            "embed=true",
            "embed=1&embed=1",
            "theme=purple",
            "lang=xx",
            "seed=0",
            "seed=1000000",
            "seed=-5",
            "seed=12a",
            "seed=1&seed=2",
            "bank=0",
            "bank=16",
            "bank=01x",
            "len=7",
            "len=ALL",
            "level=expert",
            "timer=yes",
        ] {
            assert_eq!(parse(q), UrlState::default(), "query {q:?}");
        }
    }

    #[test]
    fn timeline_keys_round_trip_and_reject_bad_parts() {
        let s = parse(
            "view=timeline&themes=film-tv,music&stance=challenges&region=latin-america&event=squid-game-premiere",
        );
        assert_eq!(s.themes.iter().collect::<Vec<_>>(), vec![Theme::Music, Theme::FilmTv]);
        assert_eq!(s.region, Some(Region::LatinAmerica));
        assert_eq!(s.stance, Some(Stance::Challenges));
        assert_eq!(s.event.as_deref(), Some("squid-game-premiere"));
        assert_eq!(
            s.to_query(),
            "view=timeline&themes=music,film-tv&region=latin-america&stance=challenges&event=squid-game-premiere"
        );
        assert_eq!(parse("view=perspectives").view, View::Perspectives);
        assert_eq!(
            parse("themes=music%2Cfilm-tv").themes,
            parse("themes=music,film-tv").themes
        );
        for q in [
            "themes=music,jazz",
            "themes=",
            "themes=,",
            "region=mars",
            "stance=against",
            "stance=Supports",
            "event=<b>",
            "event=Squid",
            "event=",
        ] {
            let s = parse(q);
            assert!(
                s.themes.is_empty() && s.region.is_none() && s.stance.is_none() && s.event.is_none(),
                "{q}"
            );
        }
        assert_eq!(parse(&format!("event={}", "a".repeat(MAX_ID_LEN + 1))).event, None);
        assert!(ThemeSet::default()
            .toggled(Theme::Trade)
            .toggled(Theme::Trade)
            .is_empty());
        let open = parse("view=timeline&themes=music&event=x&chart=y");
        let moved = open.with_view(View::Sources);
        assert_eq!(
            (moved.event, moved.chart, moved.themes),
            (None, None, open.themes),
            "leaving drops per-view keys"
        );
        assert_eq!(open.with_view(View::Timeline), open);
    }

    #[test]
    fn quiz_keys_make_a_class_link() {
        let s = parse("view=quiz&seed=4821&len=5&level=hard&timer=1");
        assert_eq!(
            (s.seed, s.len, s.level, s.timer),
            (Some(4821), QuizLength::Five, Some(Difficulty::Hard), true)
        );
        assert_eq!(s.to_query(), "view=quiz&seed=4821&len=5&level=hard&timer=1");
        assert_eq!(parse("len=10").to_query(), "", "ten is the default length");
        assert_eq!(parse("seed=999999").seed, Some(MAX_SEED));
    }

    #[test]
    fn unknown_keys_are_ignored_and_known_ones_still_read() {
        let s = parse("utm_source=x&&=&view=compare&foo&%=%&theme=dark");
        assert_eq!(s.view, View::Compare);
        assert_eq!(s.theme, ThemePref::Dark);
    }

    #[test]
    fn percent_encoding_is_accepted_and_plus_is_a_space() {
        assert_eq!(parse("%76iew=%74imeline").view, View::Timeline);
        assert_eq!(percent_decode("a+b%20c").as_deref(), Some("a b c"));
        assert_eq!(percent_decode("%E2%86%97").as_deref(), Some("↗"));
        assert_eq!(percent_decode("%"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%FF"), None);
    }

    #[test]
    fn encoding_escapes_everything_outside_the_safe_set() {
        let mut out = String::new();
        percent_encode_into("a b&c=d,é", &mut out);
        assert_eq!(out, "a%20b%26c%3Dd,%C3%A9");
        assert_eq!(percent_decode(&out).as_deref(), Some("a b&c=d,é"));
    }

    fn pick<T: UrlValue>(rng: &mut SplitMix64) -> T {
        T::ALL[rng.below(T::ALL.len())]
    }

    fn random_state(rng: &mut SplitMix64) -> UrlState {
        let ids = ["squid-game-premiere", "a", "gangnam-style-2012", "x-1-y"];
        let id = |rng: &mut SplitMix64| (rng.below(2) == 1).then(|| ids[rng.below(ids.len())].to_string());
        let seed = (rng.below(2) == 1).then(|| rng.below(MAX_SEED as usize) as u32 + 1);
        UrlState {
            view: pick(rng),
            lang: (rng.below(2) == 1).then(|| pick(rng)),
            theme: pick(rng),
            embed: rng.below(2) == 1,
            themes: ThemeSet(rng.below(32) as u8),
            region: (rng.below(2) == 1).then(|| pick(rng)),
            stance: (rng.below(2) == 1).then(|| pick(rng)),
            event: id(rng),
            chart: id(rng),
            seed,
            bank: seed.and((rng.below(2) == 1).then(|| rng.below(usize::from(MAX_EDITION)) as u8 + 1)),
            len: pick(rng),
            level: (rng.below(2) == 1).then(|| pick(rng)),
            timer: rng.below(2) == 1,
        }
    }

    /// Property: serialise-then-parse is the identity, for every reachable state.
    #[test]
    fn property_serialise_then_parse_is_identity() {
        let mut rng = SplitMix64::new(0x5EED);
        for _ in 0..5_000 {
            let state = random_state(&mut rng);
            let query = state.to_query();
            assert_eq!(UrlState::parse(&query), state, "query {query:?}");
            assert_eq!(UrlState::parse(&format!("?{query}")), state);
        }
    }

    /// Property: parsing never panics and always gives a state that survives its own round trip,
    /// whatever bytes arrive (random bytes, and random recombinations of real keys and hostile values).
    #[test]
    fn property_parse_is_total_on_arbitrary_input() {
        let mut rng = SplitMix64::new(0xBAD_1DEA);
        let atoms = [
            "view", "lang", "theme", "embed", "themes", "region", "stance", "event", "seed", "bank", "len", "level",
            "timer", "all", ",", "music", "korea", "=", "&", "?", "%", "%0", "%00", "%3D", "%26", "+", "1", "home",
            "timeline", "quiz", "dark", "en", "<script>", "é", "\u{0}", "%E2%82", "#",
        ];
        for round in 0..20_000 {
            let input = if round % 2 == 0 {
                let len = rng.below(64);
                let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                (0..rng.below(12)).map(|_| atoms[rng.below(atoms.len())]).collect()
            };
            let state = UrlState::parse(&input);
            assert_eq!(UrlState::parse(&state.to_query()), state, "input {input:?}");
        }
    }

    #[test]
    fn a_data_link_keeps_the_readers_language_theme_and_embedding() {
        let here = parse("view=quiz&lang=ko&theme=dark&embed=1&seed=12");
        let there = here.follow("?view=timeline&stance=challenges");
        assert_eq!(
            there.to_query(),
            "view=timeline&lang=ko&theme=dark&embed=1&stance=challenges"
        );
    }

    /// Links in the teacher pack are written by hand in `data/teach.toml`: each must be a canonical query of
    /// this contract, so a typo (`stance=challenge`, `veiw=`) fails here instead of quietly opening Home.
    #[test]
    fn every_link_in_the_data_is_a_query_the_app_understands() {
        use crate::data::{ACTIVITIES, DISCUSSIONS, GUIDES, LESSONS};
        let links = LESSONS
            .iter()
            .flat_map(|l| l.steps.iter().map(|s| s.link))
            .chain(DISCUSSIONS.iter().map(|d| d.link))
            .chain(ACTIVITIES.iter().map(|a| a.link))
            .chain(GUIDES.iter().map(|g| g.link))
            .flatten();
        let mut count = 0;
        for link in links {
            let query = link.strip_prefix('?').expect("links start with ?");
            // Home is the default view, which the canonical form leaves out.
            let canonical = query
                .strip_prefix("view=home")
                .map_or(query, |rest| rest.trim_start_matches('&'));
            assert_eq!(
                UrlState::parse(query).to_query(),
                canonical,
                "{link}: unknown or non-canonical key or value"
            );
            count += 1;
        }
        assert!(count > 0, "the teacher pack has links");
    }
}
