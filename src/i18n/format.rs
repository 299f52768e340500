//! Locale-aware formatting of dataset values.

use super::{t, tf, Lang, Msg};
use crate::data::model::Date;

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
