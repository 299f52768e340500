//! Reusable UI pieces, one component per file.

pub mod embed_bar;
pub mod icon;
pub mod site_footer;
pub mod site_header;
pub mod site_nav;
pub mod skip_link;
pub mod theme_toggle;
pub mod view_link;
