//! Reusable UI pieces, one component per file.

pub mod chart_canvas;
pub mod chart_card;
pub mod claim_card;
pub mod correction;
pub mod data_table;
pub mod deferred;
pub mod embed_bar;
pub mod embed_dialog;
pub mod event_detail;
pub mod event_list;
pub mod icon;
pub mod page_intro;
pub mod quiz;
pub mod site_footer;
pub mod site_header;
pub mod site_nav;
pub mod skip_link;
pub mod source_item;
pub mod source_links;
pub mod theme_chip;
pub mod theme_toggle;
pub mod timeline_axis;
pub mod timeline_filters;
pub mod update_bar;
pub mod verdict_badge;
pub mod view_link;
