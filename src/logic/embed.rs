//! The embed snippet a teacher pastes into a school website: built from the app's own address, so a
//! self-hosted copy hands out snippets that point at itself.

use crate::logic::url_state::UrlState;

pub const DEFAULT_HEIGHT: u32 = 640;
pub const MIN_HEIGHT: u32 = 240;
pub const MAX_HEIGHT: u32 = 4000;
/// The host-page helper shipped next to `index.html` (see `public/embed.js`).
pub const SCRIPT_FILE: &str = "embed.js";

/// A height typed by a teacher: digits only, kept within reason; anything else is the default.
pub fn parse_height(text: &str) -> u32 {
    let digits = text.trim().trim_end_matches("px").trim();
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return DEFAULT_HEIGHT;
    }
    digits
        .parse::<u32>()
        .map_or(DEFAULT_HEIGHT, |h| h.clamp(MIN_HEIGHT, MAX_HEIGHT))
}

/// The address of the embedded view: the same URL keys as the full app, plus `embed=1`.
pub fn embed_url(base: &str, state: &UrlState) -> String {
    let query = UrlState {
        embed: true,
        ..state.clone()
    }
    .to_query();
    format!("{base}?{query}")
}

/// `https://school.example/rw/index.html` → `https://school.example/rw/embed.js`.
pub fn script_url(base: &str) -> String {
    let dir = base.rfind('/').map_or(base, |i| &base[..=i]);
    format!("{dir}{SCRIPT_FILE}")
}

/// The `<iframe>` (and optionally the resize script) to paste. Fixed height so it works without the script;
/// with it, the frame grows and shrinks to fit.
pub fn snippet(base: &str, state: &UrlState, title: &str, height: u32, with_script: bool) -> String {
    let mut out = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;border:0\" height=\"{}\"></iframe>",
        escape_attr(&embed_url(base, state)),
        escape_attr(title),
        height.clamp(MIN_HEIGHT, MAX_HEIGHT),
    );
    if with_script {
        out.push_str(&format!(
            "\n<script src=\"{}\" async></script>",
            escape_attr(&script_url(base))
        ));
    }
    out
}

fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::url_state::{ThemePref, View};

    const BASE: &str = "https://school.example/media/reverse-wave/";

    #[test]
    fn the_snippet_keeps_the_url_keys_and_adds_embed() {
        let state = UrlState {
            view: View::Timeline,
            theme: ThemePref::Dark,
            event: Some("squid-game-premiere".into()),
            ..UrlState::default()
        };
        let s = snippet(BASE, &state, "Reverse Wave: Timeline", 700, false);
        assert_eq!(
            s,
            "<iframe src=\"https://school.example/media/reverse-wave/?view=timeline&amp;theme=dark&amp;embed=1&amp;\
             event=squid-game-premiere\" title=\"Reverse Wave: Timeline\" loading=\"lazy\" \
             style=\"width:100%;border:0\" height=\"700\"></iframe>"
        );
        assert_eq!(
            UrlState::parse(embed_url(BASE, &state).split_once('?').unwrap().1),
            UrlState { embed: true, ..state }
        );
    }

    #[test]
    fn the_script_sits_next_to_the_app() {
        assert_eq!(script_url(BASE), "https://school.example/media/reverse-wave/embed.js");
        assert_eq!(
            script_url("https://a.example/x/index.html"),
            "https://a.example/x/embed.js"
        );
        let s = snippet(BASE, &UrlState::default(), "t", 600, true);
        assert!(s.ends_with("\n<script src=\"https://school.example/media/reverse-wave/embed.js\" async></script>"));
    }

    #[test]
    fn titles_and_heights_cannot_break_the_markup() {
        let s = snippet(BASE, &UrlState::default(), "\"><script>x</script>", 999_999, false);
        assert!(s.contains("title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(s.contains(&format!("height=\"{MAX_HEIGHT}\"")));
        for (typed, h) in [
            ("500", 500),
            ("500px", 500),
            (" 480 ", 480),
            ("10", MIN_HEIGHT),
            ("", DEFAULT_HEIGHT),
        ] {
            assert_eq!(parse_height(typed), h, "{typed:?}");
        }
        for bad in ["-5", "1e3", "abc", "99999999999", "5 00"] {
            assert_eq!(parse_height(bad), DEFAULT_HEIGHT, "{bad:?}");
        }
    }
}
