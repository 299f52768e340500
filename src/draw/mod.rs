//! Painting charts onto a `<canvas>` with plotters. Geometry comes from `logic::chart`; this only paints it,
//! scaled by the device pixel ratio so lines and text stay crisp on HiDPI screens.

pub mod comparison;
