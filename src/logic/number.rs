//! Decimal numbers in and out, without two pieces of the standard library that cost the WASM more than the app
//! needs from them (issue 17): fixed-precision float formatting (`format!("{v:.2}")`, Grisu with a Dragon
//! fallback) and float parsing (`str::parse::<f64>`, Eisel–Lemire with a 10 KB table of powers of five).
//!
//! The app shows chart values with at most a few decimals and reads numbers a student types, so integer
//! arithmetic does both exactly over the range it meets: up to 15 significant digits. (Shortest float
//! formatting, `{v}`, stays in the charts' part only: plotters-canvas uses it for font sizes and colours.)

/// `v` with exactly `decimals` digits after the point, rounded half away from zero: `fixed(2.345, 1)` is
/// `"2.3"`, `fixed(-0.04, 1)` is `"0.0"` (no negative zero). Every digit is exact for the float given, however
/// large; `NaN`, `inf` and `-inf` are written as Rust writes them.
pub fn fixed(v: f64, decimals: u32) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .into();
    }
    let places = decimals as usize;
    let scaled = (v.abs() * 10u64.pow(decimals) as f64).round();
    let mut digits = if scaled.is_finite() {
        whole_digits(scaled)
    } else {
        // Beyond 10^308 once scaled: a float that large is a whole number anyway.
        whole_digits(v.abs()) + &"0".repeat(places)
    };
    if digits.len() <= places {
        digits.insert_str(0, &"0".repeat(places + 1 - digits.len()));
    }
    let (whole, fraction) = digits.split_at(digits.len() - places);
    let mut out = String::new();
    if v < 0.0 && digits.bytes().any(|b| b != b'0') {
        out.push('-');
    }
    out.push_str(whole);
    if places > 0 {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A whole, non-negative float in decimal digits, exactly: through `u64` below 2^64, and beyond that by
/// doubling the digits of its mantissa (the float is `mantissa × 2^exponent`; `u128` would bring in 128-bit
/// division). Why not `{v}`: Rust's float
/// formatting costs the WASM about 8 KB, in every part that formats a number (issue 17).
fn whole_digits(x: f64) -> String {
    if x < u64::MAX as f64 {
        return (x as u64).to_string();
    }
    let bits = x.to_bits();
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let exponent = (bits >> 52) as i32 - 1075;
    // Little-endian decimal digits.
    let mut digits: Vec<u8> = mantissa.to_string().bytes().rev().map(|b| b - b'0').collect();
    for _ in 0..exponent {
        let mut carry = 0;
        for d in &mut digits {
            let twice = *d * 2 + carry;
            *d = twice % 10;
            carry = twice / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    digits.iter().rev().map(|d| char::from(b'0' + d)).collect()
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
    }

    /// Far beyond the app's numbers, every digit is still the float's own, and the odd values read as Rust
    /// writes them.
    #[test]
    fn fixed_writes_large_and_odd_values_exactly() {
        assert_eq!(fixed(2f64.powi(63), 0), "9223372036854775808");
        assert_eq!(fixed(2f64.powi(64), 0), "18446744073709551616");
        assert_eq!(fixed(2f64.powi(127), 0), "170141183460469231731687303715884105728");
        assert_eq!(
            fixed(2f64.powi(200), 1),
            "1606938044258990275541962092341162602522202993782792835301376.0"
        );
        assert_eq!(fixed(-1e20, 2), "-100000000000000000000.00");
        assert_eq!(fixed(123_456_789_012.345, 2), "123456789012.35");
        let huge = fixed(f64::MAX, 3);
        assert!(huge.ends_with(".000") && huge.len() == 309 + 4, "{huge}");
        assert_eq!(huge.parse::<f64>(), Ok(f64::MAX));
        assert_eq!(fixed(1e300, 2).parse::<f64>(), Ok(1e300));
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::INFINITY, 0), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
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
