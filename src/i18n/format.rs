//! Locale-aware formatting of dataset values.

use std::cell::Cell;

use super::{t, tf, Lang, Msg};
use crate::data::model::Date;
use crate::logic::number::short;

const MONTHS: [Msg; 12] = [
    Msg::Month1,
    Msg::Month2,
    Msg::Month3,
    Msg::Month4,
    Msg::Month5,
    Msg::Month6,
    Msg::Month7,
    Msg::Month8,
    Msg::Month9,
    Msg::Month10,
    Msg::Month11,
    Msg::Month12,
];

/// How the browser formats a number in a language other than English (`Intl.NumberFormat`, installed at start
/// by the app from `platform::intl`): `(language, value, most decimals, as a percentage)`, or `None` if it
/// cannot. Injected rather than called, so that this module stays pure and natively tested.
pub type BrowserNumbers = fn(&str, f64, u32, bool) -> Option<String>;

thread_local! {
    static BROWSER_NUMBERS: Cell<Option<BrowserNumbers>> = const { Cell::new(None) };
}

pub fn use_browser_numbers(format: BrowserNumbers) {
    BROWSER_NUMBERS.with(|b| b.set(Some(format)));
}

/// A number in the language shown (issue 20), with at most `max_decimals` decimals: English `12,450` and
/// `2.5%` (whole numbers of four digits or more grouped), Spanish `12.450` and `2,5 %`, Korean `12,450`.
/// Languages other than English use the browser's own rules, so no locale data is compiled in.
pub fn format_number(v: f64, max_decimals: u32, percent: bool) -> String {
    let lang = super::pack::active();
    let browser = BROWSER_NUMBERS.with(Cell::get).filter(|_| lang != Lang::En);
    if let Some(text) = browser.and_then(|f| f(lang.code(), v, max_decimals, percent)) {
        return text;
    }
    let num = short(v, max_decimals);
    let num = if v.abs() >= 1_000.0 && v.fract() == 0.0 {
        group_thousands(&num)
    } else {
        num
    };
    if percent {
        format!("{num}%")
    } else {
        num
    }
}

fn group_thousands(digits: &str) -> String {
    let (sign, digits) = digits.strip_prefix('-').map_or(("", digits), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A date at exactly the precision the source gives: "15 July 2012", "July 2012" or "2012".
pub fn format_date(lang: Lang, date: &Date) -> String {
    let year = date.year.to_string();
    let Some(&month) = MONTHS.get(usize::from(date.month).wrapping_sub(1)) else {
        return year;
    };
    let month = t(lang, month);
    if date.day == 0 {
        tf(lang, Msg::DateMonth, &[("month", month), ("year", &year)])
    } else {
        tf(
            lang,
            Msg::DateDay,
            &[("day", &date.day.to_string()), ("month", month), ("year", &year)],
        )
    }
}

/// A period: "2021", or "2017 – 2021", each end at its own precision.
pub fn format_period(lang: Lang, period: &crate::data::model::Period) -> String {
    if period.from == period.to {
        format_date(lang, &period.from)
    } else {
        format!(
            "{} – {}",
            format_date(lang, &period.from),
            format_date(lang, &period.to)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_show_their_own_precision() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(format_date(Lang::En, &d(2012, 7, 15)), "15 July 2012");
        assert_eq!(format_date(Lang::En, &d(2012, 12, 0)), "December 2012");
        assert_eq!(format_date(Lang::En, &d(2012, 0, 0)), "2012");
        assert_eq!(
            format_date(Lang::En, &d(2012, 13, 1)),
            "2012",
            "an impossible month falls back to the year"
        );
    }

    #[test]
    fn periods_show_one_date_or_both_ends() {
        use crate::data::model::Period;
        let d = |year, month, day| Date { year, month, day };
        let one = Period {
            from: d(2021, 0, 0),
            to: d(2021, 0, 0),
        };
        assert_eq!(format_period(Lang::En, &one), "2021");
        let span = Period {
            from: d(2023, 1, 1),
            to: d(2023, 11, 29),
        };
        assert_eq!(format_period(Lang::En, &span), "1 January 2023 – 29 November 2023");
    }
}
