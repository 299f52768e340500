//! The query string is Reverse Wave's public contract: school sites link to and embed the app with it, so the
//! keys and values here must stay stable (they are documented in the README).
//!
//! Parsing is total: any input yields a valid [`UrlState`]. A value that is unknown, malformed, longer than
//! [`MAX_VALUE_LEN`] or given more than once falls back to its default, silently. Nothing from the URL is ever
//! kept as free text, so nothing from it can be reflected into the page. Serialising writes only non-default
//! values, in a fixed order, so equal states always give equal URLs.

use crate::i18n::Lang;

/// Values longer than this are ignored without being decoded (a 10 KB `view=` must not cost anything).
pub const MAX_VALUE_LEN: usize = 256;
/// Only the first pairs of a pathological query are looked at.
pub const MAX_PAIRS: usize = 64;

/// One value type that can appear in the URL: a closed set of ids.
pub trait UrlValue: Sized + Copy + PartialEq + Default + 'static {
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
    Sources,
}

impl UrlValue for View {
    const ALL: &'static [Self] = &[View::Home, View::Timeline, View::Compare, View::Quiz, View::Sources];
    fn id(self) -> &'static str {
        match self {
            View::Home => "home",
            View::Timeline => "timeline",
            View::Compare => "compare",
            View::Quiz => "quiz",
            View::Sources => "sources",
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

/// Everything the URL can say. Later features add their keys here, with a line in `parse` and in `to_query`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub view: View,
    pub lang: Lang,
    pub theme: ThemePref,
    /// `embed=1`: the app runs inside another site's page, without its own header and footer.
    pub embed: bool,
}

impl UrlState {
    /// Reads a query string, with or without its leading `?`. Never fails, never panics.
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs = Pairs::new(query);
        Self {
            view: pairs.value("view"),
            lang: pairs.value("lang"),
            theme: pairs.value("theme"),
            embed: pairs.single("embed").as_deref() == Some("1"),
        }
    }

    /// The query string for this state, without the leading `?`; empty when everything is default.
    pub fn to_query(&self) -> String {
        let mut out = QueryWriter::default();
        out.value("view", self.view);
        out.value("lang", self.lang);
        out.value("theme", self.theme);
        if self.embed {
            out.pair("embed", "1");
        }
        out.finish()
    }

    /// The same state showing another view: what a navigation link points to.
    pub fn with_view(&self, view: View) -> Self {
        Self { view, ..self.clone() }
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

    fn value<T: UrlValue>(&self, key: &str) -> T {
        self.single(key).and_then(|v| T::from_id(&v)).unwrap_or_default()
    }
}

#[derive(Default)]
struct QueryWriter {
    out: String,
}

impl QueryWriter {
    fn value<T: UrlValue>(&mut self, key: &str, value: T) {
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
        assert_eq!(s.lang, Lang::En);
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
        ] {
            assert_eq!(parse(q), UrlState::default(), "query {q:?}");
        }
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
        UrlState {
            view: pick(rng),
            lang: pick(rng),
            theme: pick(rng),
            embed: rng.below(2) == 1,
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
            "view", "lang", "theme", "embed", "=", "&", "?", "%", "%0", "%00", "%3D", "%26", "+", "1", "home",
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
}
