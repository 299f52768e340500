//! Timeline layout and filtering, as plain functions of the dataset: which events show, where each sits on
//! the time axis, which lane keeps it clear of its neighbours, the year ticks and the era bands.
//! Components only turn these numbers into markup.

use crate::data::model::{Date, Event, Region, Stance};
use crate::i18n::Msg;
use crate::logic::sort::sort_keys;
use crate::logic::url_state::ThemeSet;

/// What the reader has narrowed the timeline to. Empty themes, no region and no stance mean "everything".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub themes: ThemeSet,
    pub region: Option<Region>,
    pub stance: Option<Stance>,
}

impl Filter {
    pub fn matches(&self, e: &Event) -> bool {
        (self.themes.is_empty() || self.themes.contains(e.theme))
            && self.region.is_none_or(|r| r == e.region)
            && self.stance.is_none_or(|s| s == e.stance)
    }

    pub fn is_active(&self) -> bool {
        !self.themes.is_empty() || self.region.is_some() || self.stance.is_some()
    }
}

/// The regions that occur in `events`, in a stable order, for the region menu.
pub fn regions_present(events: &[Event]) -> Vec<Region> {
    Region::ALL
        .iter()
        .copied()
        .filter(|r| events.iter().any(|e| e.region == *r))
        .collect()
}

/// A date as a fractional year. A date known only to the year or month sits in the middle of that span, so
/// "2021" is drawn at mid-2021 rather than pretending it was 1 January.
pub fn year_fraction(d: &Date) -> f64 {
    let year = f64::from(d.year);
    match (d.month, d.day) {
        (0, _) => year + 0.5,
        (m, 0) => year + (f64::from(m) - 0.5) / 12.0,
        // Days as a fraction of a 31-day month: close enough for drawing, and never spills into next month.
        (m, day) => year + (f64::from(m) - 1.0 + (f64::from(day) - 0.5) / 31.0) / 12.0,
    }
}

/// The span of whole years the axis covers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub start: u16,
    pub end: u16,
}

impl Axis {
    /// From the first event's year to the year after the last, so every event falls inside.
    pub fn covering(events: &[Event]) -> Self {
        let first = events.iter().map(|e| e.date.year).min().unwrap_or(2000);
        let last = events.iter().map(|e| e.date.year).max().unwrap_or(first);
        Self {
            start: first,
            end: last + 1,
        }
    }

    /// Position of a moment on the axis, from 0 (start) to 1 (end).
    pub fn position(&self, year: f64) -> f64 {
        let span = f64::from(self.end - self.start).max(1.0);
        ((year - f64::from(self.start)) / span).clamp(0.0, 1.0)
    }

    /// Years to label so that labels are at least `min_gap_px` apart on an axis `width_px` wide: every year,
    /// or every 2nd, 5th or 10th.
    pub fn ticks(&self, width_px: f64, min_gap_px: f64) -> Vec<u16> {
        let years = f64::from(self.end - self.start).max(1.0);
        let step = [1u16, 2, 5, 10]
            .into_iter()
            .find(|s| width_px / years * f64::from(*s) >= min_gap_px)
            .unwrap_or(10);
        let first = self.start.div_ceil(step) * step;
        (first..=self.end).step_by(usize::from(step)).collect()
    }
}

/// Stacks points (0..1 along the axis, in any order) into lanes so that two points in the same lane are at
/// least `min_gap` apart. Greedy in position order, which is optimal for intervals of equal width.
pub fn lanes(positions: &[f64], min_gap: f64) -> Vec<usize> {
    // Position (to 2^-40 of the axis), then index, packed into one key for logic::sort.
    let mut keys: Vec<u64> = positions
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.clamp(0.0, 1.0) * (1u64 << 40) as f64) as u64) << 20 | i as u64)
        .collect();
    sort_keys(&mut keys);
    let order = keys.into_iter().map(|k| (k & 0xF_FFFF) as usize);
    let mut lane_end: Vec<f64> = Vec::new();
    let mut lane_of = vec![0; positions.len()];
    for i in order {
        let p = positions[i];
        let lane = match lane_end.iter().position(|end| p - end >= min_gap) {
            Some(l) => l,
            None => {
                lane_end.push(f64::NEG_INFINITY);
                lane_end.len() - 1
            }
        };
        lane_end[lane] = p;
        lane_of[i] = lane;
    }
    lane_of
}

/// The story's eras. These are our interpretation of the arc, labelled as such in the app, not facts.
#[derive(Clone, Copy, Debug)]
pub struct Era {
    pub start: u16,
    /// Exclusive.
    pub end: u16,
    pub label: Msg,
}

pub const ERAS: &[Era] = &[
    Era {
        start: 2000,
        end: 2012,
        label: Msg::EraWestern,
    },
    Era {
        start: 2012,
        end: 2020,
        label: Msg::EraStreaming,
    },
    Era {
        start: 2020,
        end: 2027,
        label: Msg::EraHallyu,
    },
];

/// Each era clipped to the axis, as (left, width) fractions; eras outside the axis are dropped.
pub fn era_spans(axis: &Axis) -> Vec<(f64, f64, &'static Era)> {
    ERAS.iter()
        .filter_map(|era| {
            let left = axis.position(f64::from(era.start));
            let right = axis.position(f64::from(era.end));
            (right > left).then_some((left, right - left, era))
        })
        .collect()
}

/// Keyboard movement in the event list: where focus goes from `index` (of `len`) for a key, if anywhere.
pub fn key_target(key: &str, index: usize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    match key {
        "ArrowDown" | "ArrowRight" => Some((index + 1).min(len - 1)),
        "ArrowUp" | "ArrowLeft" => Some(index.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Theme;
    use crate::data::EVENTS;

    fn filtered(events: &'static [Event], filter: &Filter) -> Vec<&'static Event> {
        events.iter().filter(|e| filter.matches(e)).collect()
    }

    /// The era an event is listed under (as `components/event_list.rs` groups them).
    fn era_of(d: &Date) -> Option<&'static Era> {
        ERAS.iter().find(|e| (e.start..e.end).contains(&d.year))
    }

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// The list is grouped by era, so an event outside every era would silently vanish from it.
    #[test]
    fn every_event_falls_in_an_era() {
        for e in EVENTS {
            assert!(era_of(&e.date).is_some(), "{} ({}) is in no era", e.id, e.date.year);
        }
    }

    #[test]
    fn events_are_in_date_order() {
        assert!(EVENTS.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn filters_combine_themes_and_region() {
        let all = filtered(EVENTS, &Filter::default());
        assert_eq!(all.len(), EVENTS.len());
        let music = Filter {
            themes: ThemeSet::default().toggled(Theme::Music),
            ..Filter::default()
        };
        let m = filtered(EVENTS, &music);
        assert!(!m.is_empty() && m.iter().all(|e| e.theme == Theme::Music));
        let both = Filter {
            region: Some(Region::Korea),
            ..music
        };
        let k = filtered(EVENTS, &both);
        assert!(k.iter().all(|e| e.theme == Theme::Music && e.region == Region::Korea));
        assert!(k.len() < m.len());
        let two = Filter {
            themes: music.themes.toggled(Theme::Trade),
            ..Filter::default()
        };
        assert_eq!(
            filtered(EVENTS, &two).len(),
            EVENTS
                .iter()
                .filter(|e| matches!(e.theme, Theme::Music | Theme::Trade))
                .count()
        );
        assert!(both.is_active() && !Filter::default().is_active());
        let against = Filter {
            stance: Some(Stance::Challenges),
            ..Filter::default()
        };
        let c = filtered(EVENTS, &against);
        assert!(!c.is_empty() && c.len() < EVENTS.len() && c.iter().all(|e| e.stance == Stance::Challenges));
        assert!(against.is_active());
    }

    #[test]
    fn every_theme_and_several_regions_occur() {
        for t in Theme::ALL {
            assert!(EVENTS.iter().any(|e| e.theme == *t), "{t:?}");
        }
        assert!(regions_present(EVENTS).len() >= 4);
    }

    #[test]
    fn year_fractions_respect_precision_and_order() {
        assert_eq!(year_fraction(&date(2012, 0, 0)), 2012.5);
        assert!((year_fraction(&date(2012, 7, 0)) - (2012.0 + 6.5 / 12.0)).abs() < 1e-9);
        assert!(year_fraction(&date(2012, 7, 15)) < year_fraction(&date(2012, 12, 21)));
        assert!(year_fraction(&date(2012, 12, 31)) < 2013.0);
        assert!(year_fraction(&date(2012, 1, 1)) > 2012.0);
    }

    #[test]
    fn the_axis_covers_every_event_and_positions_are_proportional() {
        let axis = Axis::covering(EVENTS);
        for e in EVENTS {
            let p = axis.position(year_fraction(&e.date));
            assert!((0.0..=1.0).contains(&p), "{}", e.id);
        }
        let a = Axis { start: 2000, end: 2020 };
        assert_eq!(a.position(2010.0), 0.5);
        // Equal gaps in time are equal gaps on the axis.
        let gap1 = a.position(2005.0) - a.position(2001.0);
        let gap2 = a.position(2016.0) - a.position(2012.0);
        assert!((gap1 - gap2).abs() < 1e-12);
        assert_eq!(a.position(1990.0), 0.0);
        assert_eq!(a.position(2030.0), 1.0);
    }

    #[test]
    fn ticks_thin_out_on_narrow_axes() {
        let a = Axis { start: 2002, end: 2026 };
        assert_eq!(a.ticks(2400.0, 48.0).len(), 25, "every year when there is room");
        assert_eq!(
            a.ticks(800.0, 48.0),
            vec![2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026]
        );
        assert_eq!(a.ticks(400.0, 48.0), vec![2005, 2010, 2015, 2020, 2025]);
        assert_eq!(a.ticks(100.0, 48.0), vec![2010, 2020]);
    }

    #[test]
    fn lanes_keep_neighbours_apart() {
        let pos = [0.5, 0.1, 0.51, 0.52, 0.9, 0.2];
        let lanes = lanes(&pos, 0.05);
        for i in 0..pos.len() {
            for j in 0..pos.len() {
                if i != j && lanes[i] == lanes[j] {
                    assert!(
                        (pos[i] - pos[j]).abs() >= 0.05,
                        "{i} and {j} collide in lane {}",
                        lanes[i]
                    );
                }
            }
        }
        assert_eq!(
            lanes.iter().max(),
            Some(&2),
            "three points close together need three lanes"
        );
        assert_eq!(lanes[1], 0);
    }

    #[test]
    fn eras_cover_the_axis_without_overlap() {
        let spans = era_spans(&Axis { start: 2002, end: 2026 });
        assert_eq!(spans.len(), 3);
        let total: f64 = spans.iter().map(|(_, w, _)| w).sum();
        assert!((total - 1.0).abs() < 1e-9, "eras tile the axis: {total}");
        assert!(spans.windows(2).all(|w| (w[0].0 + w[0].1 - w[1].0).abs() < 1e-9));
        assert_eq!(era_of(&date(2012, 7, 15)).map(|e| e.start), Some(2012));
    }

    #[test]
    fn keys_move_within_bounds() {
        assert_eq!(key_target("ArrowDown", 0, 3), Some(1));
        assert_eq!(key_target("ArrowDown", 2, 3), Some(2));
        assert_eq!(key_target("ArrowUp", 0, 3), Some(0));
        assert_eq!(key_target("Home", 2, 3), Some(0));
        assert_eq!(key_target("End", 0, 3), Some(2));
        assert_eq!(key_target("Enter", 0, 3), None);
        assert_eq!(key_target("ArrowDown", 0, 0), None);
    }
}
