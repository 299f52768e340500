//! Chart geometry as plain numbers: scales, "nice" ticks, bar and point positions, direct-label placement,
//! hit testing and the CSV export. The canvas drawing (`draw/`) only paints what this computes, so all of it
//! is tested natively and the same layout serves the screen, the PNG download and pointer/keyboard picking.

use crate::data::model::{ChartKind, Comparison, Value};

/// Space around the plot for axis labels, category names and the legend, in CSS pixels.
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 44.0;
/// Rough width of one character of the 12 px label font, for wrapping category names.
const CHAR_PX: f64 = 6.6;

/// A chart's drawing height for a given width: wide enough to read on phones, never taller than a screen.
pub fn height_for(width: f64) -> f64 {
    (width * 0.62).clamp(260.0, 420.0)
}

/// Axis bounds and ticks on a 1–2–5 ladder, always including zero so bars start from it.
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let span = (hi - lo).max(f64::EPSILON);
    let rough = span / max_ticks.max(2) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A value formatted for a label in the reader's language: whole numbers without decimals, others with up to
/// two (`1,234` and `2.5%` in English, `1234` and `2,5 %` in Spanish: see `i18n::format_number`).
pub fn format_value(v: f64, unit: &str) -> String {
    crate::i18n::format_number(v, 2, unit == "%")
}

/// A plotted value as its label: `30%`, `<3%` for a ceiling, `2.4–3.6%` for a range. The same text serves the
/// canvas, the data table and the chart's description, so a ceiling is never shown as a plain number.
pub fn format_mark(v: Value, unit: &str) -> String {
    match v {
        Value::Exact(v) => format_value(v, unit),
        Value::Below(v) => format!("<{}", format_value(v, unit)),
        Value::Range(lo, hi) => {
            let lo = format_value(lo, unit);
            format!("{}–{}", lo.trim_end_matches('%').trim_end(), format_value(hi, unit))
        }
    }
}

/// How a bar is drawn: a measured value is solid; a ceiling (“under 3”) and a range are outlined and
/// hatched, so they never look like a measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Solid,
    Ceiling,
    Range,
}

/// The span a value covers on the axis: a ceiling from zero up to it, a range from low to high.
fn span(v: Value) -> (f64, f64) {
    match v {
        Value::Exact(v) | Value::Below(v) => (v.min(0.0), v.max(0.0)),
        Value::Range(lo, hi) => (lo, hi),
    }
}

/// The number a value is sorted, hit-tested and described by: its top.
pub fn top_of(v: Value) -> f64 {
    match v {
        Value::Exact(v) | Value::Below(v) => v,
        Value::Range(_, hi) => hi,
    }
}

/// Splits a label into lines of at most `max_chars`, at spaces or after hyphens ("Local-" / "language");
/// a single long word stays whole.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let pieces: Vec<String> = if word.chars().count() > max_chars && word.contains('-') {
            let parts: Vec<&str> = word.split_inclusive('-').collect();
            parts.iter().map(|p| p.to_string()).collect()
        } else {
            vec![word.to_string()]
        };
        for (i, piece) in pieces.into_iter().enumerate() {
            let glue = if i == 0 { " " } else { "" };
            match lines.last_mut() {
                Some(line) if (i > 0 || !line.is_empty()) && line.len() + glue.len() + piece.len() <= max_chars => {
                    line.push_str(glue);
                    line.push_str(&piece);
                }
                _ => lines.push(piece),
            }
        }
    }
    lines
}

/// One bar or point, in CSS pixels, with its direct label.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub series: usize,
    pub category: usize,
    pub value: Value,
    pub shape: Shape,
    /// Bars: the rectangle. Points: a small box centred on the point.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    /// Gridlines: y position and label.
    pub ticks: Vec<(f64, String)>,
    /// Category labels: centre x and wrapped lines.
    pub categories: Vec<(f64, Vec<String>)>,
    pub marks: Vec<Mark>,
    /// Line charts: the polyline of each series.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Where the zero line is.
    pub zero_y: f64,
    /// The article's figure where it differs: (x centre, y of the dashed line, y of its label, label). The
    /// label stacks above the bar's own value label so the two never overlap.
    pub article: Vec<(f64, f64, f64, String)>,
    /// Multi-series charts: legend entries (x of the swatch, series index), along the top.
    pub legend: Vec<(f64, usize)>,
}

/// What a chart shows: a comparison's own values, or the change between its series (see [`ChartData::change`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData<'a> {
    pub kind: ChartKind,
    pub unit: &'a str,
    pub categories: Vec<&'a str>,
    /// (label, one value per category).
    pub series: Vec<(&'a str, Vec<Value>)>,
    /// The article's figures: (series, category, value).
    pub article: Vec<(&'a str, &'a str, f64)>,
}

impl<'a> ChartData<'a> {
    pub fn values(c: &'a Comparison) -> Self {
        Self {
            kind: c.kind,
            unit: c.unit.get(),
            categories: c.categories.iter().map(|t| t.get()).collect(),
            series: c.series.iter().map(|s| (s.label.get(), s.values.to_vec())).collect(),
            article: c
                .article
                .iter()
                .map(|a| (a.series.get(), a.category.get(), a.value))
                .collect(),
        }
    }

    /// The change, where it makes sense: from the first to the last series of a bar chart, or from the first
    /// year of a line chart. Percentages change in percentage points (52% → 30% is −22 points); other units
    /// in per cent (82 → 142 is +73%). `None` for a single-series bar chart, which has nothing to compare,
    /// and for a chart with ceilings or ranges, whose change is not one number.
    pub fn change(c: &'a Comparison, label: &'a str, points_unit: &'a str, percent_unit: &'a str) -> Option<Self> {
        let percent = c.unit.get() == "%";
        let diff = |from: f64, to: f64| {
            if percent {
                Some(to - from)
            } else if from != 0.0 {
                Some((to / from - 1.0) * 100.0)
            } else {
                None
            }
        };
        let exact = |s: &crate::data::model::Series| -> Option<Vec<f64>> {
            s.values
                .iter()
                .map(|v| match v {
                    Value::Exact(v) => Some(*v),
                    _ => None,
                })
                .collect()
        };
        let values: Vec<f64> = match c.kind {
            ChartKind::Line => {
                let s = exact(c.series.first()?)?;
                let first = *s.first()?;
                s.iter().map(|v| diff(first, *v)).collect::<Option<_>>()?
            }
            _ if c.series.len() >= 2 => {
                let (from, to) = (exact(c.series.first()?)?, exact(c.series.last()?)?);
                from.iter().zip(to).map(|(a, b)| diff(*a, b)).collect::<Option<_>>()?
            }
            _ => return None,
        };
        let round = |v: f64| (v * 10.0).round() / 10.0;
        Some(Self {
            kind: if c.kind == ChartKind::Line {
                ChartKind::Line
            } else {
                ChartKind::Grouped
            },
            unit: if percent { points_unit } else { percent_unit },
            categories: c.categories.iter().map(|t| t.get()).collect(),
            series: vec![(label, values.into_iter().map(|v| Value::Exact(round(v))).collect())],
            article: Vec::new(),
        })
    }
}

pub fn layout(c: &ChartData, width: f64, height: f64) -> Layout {
    let all = c
        .series
        .iter()
        .flat_map(|(_, v)| {
            v.iter().flat_map(|v| {
                let (lo, hi) = span(*v);
                [lo, hi]
            })
        })
        .chain(c.article.iter().map(|a| a.2));
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // The article's label stacks above a bar's own label, so leave headroom for both below the legend.
    let headroom = if c.article.is_empty() { 0.0 } else { (hi - lo) * 0.15 };
    let ticks = nice_ticks(lo, hi + headroom, 5);
    let (min, max) = (ticks[0], ticks[ticks.len() - 1]);
    let (left, top, right, bottom) = (LEFT, TOP, width - RIGHT, height - BOTTOM);
    let y = |v: f64| bottom - (v - min) / (max - min).max(f64::EPSILON) * (bottom - top);
    let n_cat = c.categories.len().max(1);
    let n_ser = c.series.len().max(1);
    let mut marks = Vec::new();
    let mut lines = Vec::new();
    let cat_x: Vec<f64> = match c.kind {
        ChartKind::Line => {
            // Years placed in proportion to time, so uneven gaps (2012, 2018, 2021) look uneven.
            let years: Vec<f64> = c
                .categories
                .iter()
                .map(|s| s.parse::<u16>().map_or(0.0, f64::from))
                .collect();
            let (y0, y1) = (years[0], years[years.len() - 1]);
            let inset = 28.0;
            years
                .iter()
                .map(|yr| left + inset + (yr - y0) / (y1 - y0).max(1.0) * (right - left - 2.0 * inset))
                .collect()
        }
        _ => (0..n_cat)
            .map(|i| left + (i as f64 + 0.5) * (right - left) / n_cat as f64)
            .collect(),
    };
    let group_w = (right - left) / n_cat as f64;
    for (si, (_, values)) in c.series.iter().enumerate() {
        let mut line = Vec::new();
        for (ci, &value) in values.iter().enumerate() {
            let label = format_mark(value, c.unit);
            let shape = match value {
                Value::Exact(_) => Shape::Solid,
                Value::Below(_) => Shape::Ceiling,
                Value::Range(..) => Shape::Range,
            };
            let v = top_of(value);
            let mark = if c.kind == ChartKind::Line {
                let (px, py) = (cat_x[ci], y(v));
                line.push((px, py));
                Mark {
                    series: si,
                    category: ci,
                    value,
                    shape,
                    x: px - 8.0,
                    y: py - 8.0,
                    w: 16.0,
                    h: 16.0,
                    label,
                    label_x: px,
                    label_y: py - 12.0,
                }
            } else {
                let bar_w = (group_w * 0.8 / n_ser as f64).min(64.0);
                let x0 = cat_x[ci] - bar_w * n_ser as f64 / 2.0 + bar_w * si as f64;
                let (lo, hi) = span(value);
                let (top_y, bot_y) = (y(hi), y(lo));
                // Labels sit just outside the bar's end: above positive bars, below negative ones.
                let label_y = if v >= 0.0 { top_y - 5.0 } else { bot_y + 14.0 };
                Mark {
                    series: si,
                    category: ci,
                    value,
                    shape,
                    x: x0 + 1.0,
                    y: top_y,
                    w: bar_w - 2.0,
                    h: (bot_y - top_y).max(1.0),
                    label,
                    label_x: x0 + bar_w / 2.0,
                    label_y,
                }
            };
            marks.push(mark);
        }
        if c.kind == ChartKind::Line {
            lines.push(line);
        }
    }
    let max_chars = ((group_w / CHAR_PX) as usize).max(6);
    let categories = c
        .categories
        .iter()
        .zip(&cat_x)
        .map(|(name, &x)| (x, wrap(name, max_chars)))
        .collect();
    let article = c
        .article
        .iter()
        .filter_map(|&(series, category, value)| {
            let m = marks
                .iter()
                .find(|m| c.series[m.series].0 == series && c.categories[m.category] == category)?;
            let line_y = y(value);
            Some((
                m.x + m.w / 2.0,
                line_y,
                m.label_y.min(line_y - 4.0) - 16.0,
                format_value(value, c.unit),
            ))
        })
        .collect();
    Layout {
        width,
        height,
        plot: (left, top, right, bottom),
        ticks: ticks.iter().map(|&t| (y(t), format_value(t, c.unit))).collect(),
        categories,
        marks,
        lines,
        zero_y: y(0.0),
        article,
        legend: legend_positions(c, left),
    }
}

/// Swatch positions for a legend row: swatch, gap, label, spacing, next.
fn legend_positions(c: &ChartData, left: f64) -> Vec<(f64, usize)> {
    if c.series.len() < 2 {
        return Vec::new();
    }
    let mut x = left;
    c.series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = x;
            x += 18.0 + s.0.len() as f64 * CHAR_PX + 16.0;
            (at, i)
        })
        .collect()
}

/// The mark under a pointer at (x, y) in CSS pixels, generously padded for fingers.
pub fn hit(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    const PAD: f64 = 10.0;
    layout
        .marks
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            x >= m.x - PAD && x <= m.x + m.w + PAD && y >= m.y.min(m.label_y) - PAD && y <= m.y + m.h + PAD
        })
        .min_by(|(_, a), (_, b)| {
            let d = |m: &Mark| (m.x + m.w / 2.0 - x).abs();
            d(a).total_cmp(&d(b))
        })
        .map(|(i, _)| i)
}

/// The comparison as CSV: one row per category, one column per series, values as in the dataset. The first
/// column's header is `category_header`, in the reader's language like the labels.
pub fn csv(c: &Comparison, category_header: &str) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = field(category_header);
    for s in c.series {
        out.push(',');
        out.push_str(&field(&format!("{} ({})", s.label.get(), c.unit.get())));
    }
    out.push('\n');
    for (i, cat) in c.categories.iter().enumerate() {
        out.push_str(&field(cat.get()));
        for s in c.series {
            out.push(',');
            let cell = s.values.get(i).map(|v| match *v {
                Value::Exact(v) => v.to_string(),
                Value::Below(v) => format!("<{v}"),
                Value::Range(lo, hi) => format!("{lo}-{hi}"),
            });
            out.push_str(&field(&cell.unwrap_or_default()));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{comparison, COMPARISONS};

    #[test]
    fn ticks_are_nice_and_cover_the_data_and_zero() {
        assert_eq!(nice_ticks(0.0, 92.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(-25.0, 40.0, 5), vec![-40.0, -20.0, 0.0, 20.0, 40.0]);
        let t = nice_ticks(0.0, 13936.0, 5);
        assert_eq!((t[0], *t.last().unwrap()), (0.0, 15000.0));
        assert!(nice_ticks(3.0, 12.45, 5).contains(&0.0));
    }

    #[test]
    fn values_format_for_labels() {
        assert_eq!(format_value(30.0, "%"), "30%");
        assert_eq!(format_value(12.45, "US$ billion"), "12.45");
        assert_eq!(format_value(625.5, "million hours"), "625.5");
        assert_eq!(format_value(13936.0, "students"), "13,936");
        assert_eq!(format_value(8449.0, "students"), "8,449");
        assert_eq!(format_value(-25.0, "% change"), "-25");
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(wrap("Rechargeable batteries", 12), vec!["Rechargeable", "batteries"]);
        assert_eq!(wrap("US & Canada", 20), vec!["US & Canada"]);
        assert_eq!(wrap("Local-language", 10), vec!["Local-", "language"]);
        assert_eq!(wrap("Local-language", 20), vec!["Local-language"]);
    }

    #[test]
    fn every_comparison_lays_out_inside_its_frame_at_phone_and_desktop_widths() {
        for c in COMPARISONS {
            for width in [288.0, 640.0, 1100.0] {
                let l = layout(&ChartData::values(c), width, height_for(width));
                let (left, top, right, bottom) = l.plot;
                assert_eq!(l.marks.len(), c.series.len() * c.categories.len(), "{}", c.id);
                for m in &l.marks {
                    // Bars must fit the plot; a point's centre must (its hit box may overhang).
                    let (x0, x1, y0, y1) = if c.kind == ChartKind::Line {
                        let (cx, cy) = (m.x + m.w / 2.0, m.y + m.h / 2.0);
                        (cx, cx, cy, cy)
                    } else {
                        (m.x, m.x + m.w, m.y, m.y + m.h)
                    };
                    assert!(
                        x0 >= left - 0.5 && x1 <= right + 0.5,
                        "{} mark x out of plot at {width}",
                        c.id
                    );
                    assert!(
                        y0 >= top - 0.5 && y1 <= bottom + 0.5,
                        "{} mark y out of plot at {width}",
                        c.id
                    );
                    assert!(m.label_y > 0.0 && m.label_y < l.height, "{} label off canvas", c.id);
                }
            }
        }
    }

    #[test]
    fn bars_are_proportional_to_values_from_a_shared_zero() {
        let c = comparison("english-share-of-hits").expect("dataset has this chart");
        let l = layout(&ChartData::values(c), 600.0, 400.0);
        let bar = |v: f64| l.marks.iter().find(|m| m.value == Value::Exact(v)).unwrap();
        let ratio = bar(90.0).h / bar(30.0).h;
        assert!((ratio - 3.0).abs() < 0.02, "90 is three times 30: {ratio}");
        assert!(
            l.marks.iter().all(|m| (m.y + m.h - l.zero_y).abs() < 0.5),
            "bars stand on zero"
        );
        assert_eq!(l.article.len(), 1, "the article's 31% is marked");
    }

    #[test]
    fn negative_values_hang_below_zero_with_labels_beneath() {
        let categories = ["Fell", "Rose"];
        let data = ChartData {
            kind: ChartKind::Paired,
            unit: "% change",
            categories: categories.to_vec(),
            series: vec![("Change", vec![Value::Exact(-25.0), Value::Exact(40.0)])],
            article: Vec::new(),
        };
        let l = layout(&data, 600.0, 400.0);
        let neg = l.marks.iter().find(|m| top_of(m.value) < 0.0).expect("the -25");
        assert!((neg.y - l.zero_y).abs() < 0.5 && neg.label_y > neg.y + neg.h);
    }

    #[test]
    fn ceilings_and_ranges_are_labelled_and_drawn_as_what_they_are() {
        assert_eq!(format_mark(Value::Below(3.0), "%"), "<3%");
        assert_eq!(format_mark(Value::Range(2.4, 3.6), "%"), "2.4–3.6%");
        assert_eq!(format_mark(Value::Range(1500.0, 2000.0), "students"), "1,500–2,000");
        let categories = ["A", "B", "C"];
        let data = ChartData {
            kind: ChartKind::Grouped,
            unit: "%",
            categories: categories.to_vec(),
            series: vec![(
                "Share",
                vec![Value::Exact(8.0), Value::Below(3.0), Value::Range(10.0, 30.0)],
            )],
            article: Vec::new(),
        };
        let l = layout(&data, 600.0, 400.0);
        let shapes: Vec<Shape> = l.marks.iter().map(|m| m.shape).collect();
        assert_eq!(shapes, vec![Shape::Solid, Shape::Ceiling, Shape::Range]);
        let range = &l.marks[2];
        assert!(range.y + range.h < l.zero_y - 1.0, "a range floats above zero");
        assert_eq!(
            ChartData::values(comparison("english-share-of-hits").unwrap())
                .series
                .len(),
            2
        );
    }

    #[test]
    fn hit_testing_finds_the_bar_under_the_pointer() {
        let c = comparison("english-share-of-hits").unwrap();
        let l = layout(&ChartData::values(c), 600.0, 400.0);
        for (i, m) in l.marks.iter().enumerate() {
            assert_eq!(hit(&l, m.x + m.w / 2.0, m.y + m.h / 2.0), Some(i));
        }
        assert_eq!(hit(&l, 1.0, 1.0), None);
    }

    #[test]
    fn line_charts_space_years_in_proportion() {
        let c = comparison("hallyu-fans").unwrap();
        let l = layout(&ChartData::values(c), 800.0, 400.0);
        let xs: Vec<f64> = l.lines[0].iter().map(|p| p.0).collect();
        // 2012 → 2018 is six years, 2018 → 2021 three: the first gap is twice the second.
        assert!(((xs[1] - xs[0]) / (xs[2] - xs[1]) - 2.0).abs() < 1e-9);
    }

    #[test]
    fn change_is_in_points_for_percentages_and_per_cent_otherwise() {
        let shares = comparison("english-share-of-hits").unwrap();
        let d = ChartData::change(shares, "change", "points", "% change").expect("two series");
        assert_eq!(d.unit, "points");
        assert_eq!(
            d.series[0].1,
            vec![Value::Exact(-2.0), Value::Exact(-11.0), Value::Exact(-22.0)]
        );
        let fans = comparison("hallyu-fans").unwrap();
        let d = ChartData::change(fans, "change", "points", "% change").expect("a line chart");
        assert_eq!(d.unit, "% change");
        assert_eq!(d.series[0].1[0], Value::Exact(0.0));
        assert!((top_of(d.series[0].1[1]) - (89.19 / 9.26 - 1.0) * 100.0).abs() < 0.06);
        let single = comparison("duolingo-korean-surge").unwrap();
        assert_eq!(ChartData::change(single, "change", "points", "% change"), None);
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_category() {
        let c = comparison("english-share-of-hits").unwrap();
        let text = csv(c, "Category");
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[0], "Category,2017 (%),2021 (%)");
        assert_eq!(rows.len(), c.categories.len() + 1);
        assert!(rows.iter().any(|r| r.starts_with("Local-language,52,30")), "{text}");
    }
}
