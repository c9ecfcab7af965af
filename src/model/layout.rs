//! The few lengths that both drawing and automatic layout need: a region's title band and the
//! room Tidy and table import leave around what a region holds. They live here, below both the
//! scene (which draws with them, through `scene::style`) and the layout code in `edit/` and
//! `interchange/`, so the number is written once.

/// Height of a region's title band, where it can be grabbed, diagram units.
pub const REGION_TITLE_HEIGHT: f32 = 44.0;
/// Space between a region's border and the nodes laid out inside it, diagram units.
pub const REGION_LAYOUT_PADDING: f32 = 30.0;
/// Room above the nodes laid out in a region: its title band and a gap below it.
pub const REGION_LAYOUT_TITLE_BAND: f32 = REGION_TITLE_HEIGHT + 12.0;
