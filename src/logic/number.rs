//! Decimal numbers in and out, without two pieces of the standard library that cost the WASM more than the app
//! needs from them (issue 17): fixed-precision float formatting (`format!("{v:.2}")`, Grisu with a Dragon
//! fallback) and float parsing (`str::parse::<f64>`, Eisel–Lemire with a 10 KB table of powers of five).
//!
//! The app shows chart values with at most a few decimals and reads numbers a student types, so integer
//! arithmetic does both exactly over the range it meets: up to 15 significant digits. (Shortest float
//! formatting, `{v}`, stays: plotters-canvas uses it for font sizes and colours.)

/// `v` with exactly `decimals` digits after the point, rounded half away from zero: `fixed(2.345, 1)` is
/// `"2.3"`, `fixed(-0.04, 1)` is `"0.0"` (no negative zero). Values too large to scale (beyond about 10^15)
/// keep their shortest form.
pub fn fixed(v: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let scaled = (v.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= 1e15 {
        return v.to_string();
    }
    let n = scaled as u64;
    let mut out = String::new();
    if v < 0.0 && n != 0 {
        out.push('-');
    }
    out.push_str(&(n / scale).to_string());
    if decimals > 0 {
        let frac = (n % scale).to_string();
        out.push('.');
        for _ in frac.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// `v` with at most `max_decimals` digits after the point and no trailing zeros: `short(2.50, 2)` is `"2.5"`,
/// `short(2.0, 2)` is `"2"`.
pub fn short(v: f64, max_decimals: u32) -> String {
    let s = fixed(v, max_decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A plain decimal number: an optional `-`, digits, and at most one `.` with digits on at least one side
/// (`12`, `-0.5`, `.5`, `5.`). No exponent, no spaces, no `inf` or `NaN`: callers clean up what people type
/// first. Up to 15 significant digits read exactly; digits beyond those are cut (an error below one part in
/// 10^14, and it keeps `99999999999999999999` a number, if one far out of any range).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    // Powers of ten to apply: whole digits cut multiply, fraction digits kept divide.
    let mut exponent: i32 = 0;
    for (i, b) in whole.bytes().chain(fraction.bytes()).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        if mantissa > 0 || b != b'0' {
            significant += 1;
        }
        let in_fraction = i >= whole.len();
        if significant > 15 {
            exponent += i32::from(!in_fraction);
            continue;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
        exponent -= i32::from(in_fraction);
    }
    // Both exact (below 2^53, and 10^k for k up to 22), so the one operation rounds correctly.
    let value = if exponent < 0 {
        mantissa as f64 / 10f64.powi(-exponent)
    } else {
        mantissa as f64 * 10f64.powi(exponent)
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rng::SplitMix64;

    #[test]
    fn fixed_matches_what_people_expect() {
        assert_eq!(fixed(2.0, 0), "2");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(1234.5678, 2), "1234.57");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-7.45649, 3), "-7.456");
        assert_eq!(fixed(-0.0004, 3), "0.000");
        assert_eq!(fixed(12.0, 3), "12.000");
        assert_eq!(fixed(1e300, 2), 1e300.to_string());
    }

    /// Over many values the result reads back within half a unit of the last place, as the standard
    /// formatter's does (the two may differ only on exact ties, which this rounds away from zero).
    #[test]
    fn property_fixed_is_within_half_a_unit_of_the_value() {
        let mut rng = SplitMix64::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let x = rng.next_u64();
            let v = (x % 2_000_000_000) as f64 / 997.0 - 1_000_000.0;
            for decimals in 0..4 {
                let s = fixed(v, decimals);
                let back: f64 = s.parse().expect("a number");
                assert!(
                    (back - v).abs() <= 0.5 / 10f64.powi(decimals as i32) + 1e-9,
                    "{v} → {s}"
                );
                assert_eq!(s.split_once('.').map_or(0, |(_, f)| f.len()), decimals as usize, "{s}");
            }
        }
    }

    #[test]
    fn parse_decimal_reads_plain_numbers_only() {
        assert_eq!(parse_decimal("12"), Some(12.0));
        assert_eq!(parse_decimal("-0.5"), Some(-0.5));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("5."), Some(5.0));
        assert_eq!(parse_decimal("000123.4500"), Some(123.45));
        assert_eq!(parse_decimal("12345678901234567890"), Some(1.234_567_890_123_45e19));
        assert_eq!(parse_decimal("0.12345678901234567"), Some(0.123_456_789_012_345));
        for bad in ["", ".", "-", "1.2.3", "1e5", "inf", "NaN", " 1", "1,5", "--1", "+1"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    /// Every number of up to 15 significant digits reads exactly as the standard parser reads it.
    #[test]
    fn property_parse_decimal_agrees_with_the_standard_parser() {
        let mut rng = SplitMix64::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..50_000 {
            let x = rng.next_u64();
            let digits = (x % 999_999_999_999_999).to_string();
            let point = (x >> 50) as usize % (digits.len() + 1);
            let text = format!(
                "{}{}.{}",
                if x & 1 == 1 { "-" } else { "" },
                &digits[..point],
                &digits[point..]
            );
            assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{text}");
        }
    }
}
