//! The one mapping from the data's vocabularies to messages: every enum a reader sees has exactly one label.

use super::Msg;
use crate::data::model::{Level, Region, SourceKind, Stance, Theme};

/// A value shown to the reader by its message.
pub trait Label: Copy {
    fn label(self) -> Msg;
}

impl Label for Theme {
    fn label(self) -> Msg {
        match self {
            Theme::Music => Msg::ThemeMusic,
            Theme::FilmTv => Msg::ThemeFilmTv,
            Theme::Language => Msg::ThemeLanguage,
            Theme::Politics => Msg::ThemePolitics,
            Theme::Trade => Msg::ThemeTrade,
        }
    }
}

impl Label for Region {
    fn label(self) -> Msg {
        match self {
            Region::Global => Msg::RegionGlobal,
            Region::Korea => Msg::RegionKorea,
            Region::Japan => Msg::RegionJapan,
            Region::China => Msg::RegionChina,
            Region::India => Msg::RegionIndia,
            Region::Africa => Msg::RegionAfrica,
            Region::LatinAmerica => Msg::RegionLatinAmerica,
            Region::Spain => Msg::RegionSpain,
            Region::Usa => Msg::RegionUsa,
            Region::Uk => Msg::RegionUk,
            Region::Europe => Msg::RegionEurope,
        }
    }
}

impl Label for Stance {
    fn label(self) -> Msg {
        match self {
            Stance::Supports => Msg::StanceSupports,
            Stance::Challenges => Msg::StanceChallenges,
            Stance::Context => Msg::StanceContext,
        }
    }
}

impl Label for Level {
    fn label(self) -> Msg {
        match self {
            Level::Ages1416 => Msg::LevelAges1416,
            Level::Ages1618 => Msg::LevelAges1618,
        }
    }
}

impl Label for SourceKind {
    fn label(self) -> Msg {
        match self {
            SourceKind::Primary => Msg::KindPrimary,
            SourceKind::News => Msg::KindNews,
            SourceKind::Analysis => Msg::KindAnalysis,
            SourceKind::Interested => Msg::KindInterested,
            SourceKind::Opinion => Msg::KindOpinion,
        }
    }
}

/// The sentence that explains a value, where the interface explains it (legends, help text).
pub trait Help: Copy {
    fn help(self) -> Msg;
}

impl Help for Stance {
    fn help(self) -> Msg {
        match self {
            Stance::Supports => Msg::StanceSupportsHelp,
            Stance::Challenges => Msg::StanceChallengesHelp,
            Stance::Context => Msg::StanceContextHelp,
        }
    }
}

impl Help for SourceKind {
    fn help(self) -> Msg {
        match self {
            SourceKind::Primary => Msg::KindPrimaryHelp,
            SourceKind::News => Msg::KindNewsHelp,
            SourceKind::Analysis => Msg::KindAnalysisHelp,
            SourceKind::Interested => Msg::KindInterestedHelp,
            SourceKind::Opinion => Msg::KindOpinionHelp,
        }
    }
}
