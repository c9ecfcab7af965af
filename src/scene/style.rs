//! Every size the drawing uses, in one place: corner radii, stroke widths, dash patterns, insets
//! and font sizes. The canvas painter and the SVG writer translate the scene's primitives and
//! hold no numbers of their own, so a figure looks like the canvas by construction.
//!
//! Sizes are world units (1 unit is one pixel at 100%) unless the name says `_PX` (screen
//! pixels, for things that keep their size at any zoom: selection outlines, comment counters).

use super::draw::Dash;
use ecolor::Color32;

/// Body text size of cards and blocks.
pub const BODY_FONT_SIZE: f32 = 13.0;
/// Height of one line of body text (the minimum height of a C / M / O section).
pub const LINE_HEIGHT: f32 = 17.0;
/// Height of a card's header band with its badge.
pub const HEADER_HEIGHT: f32 = 30.0;
/// Inner padding of a node.
pub const PADDING: f32 = 8.0;
/// Width of the C / M / O tag column on a card.
pub const SECTION_TAG_WIDTH: f32 = 22.0;
/// Gap between a card's sections.
pub const SECTION_GAP: f32 = 6.0;

/// Corner radius of cards, blocks and theories.
pub const CORNER_RADIUS: f32 = 6.0;
/// Corner radius of regions.
pub const REGION_RADIUS: f32 = 12.0;
/// Width of the slanted ends of an IF-condition (at most a third of its height).
pub const CONDITION_CUT: f32 = 18.0;
/// Size of a note's folded corner (at most a quarter of its width).
pub const NOTE_FOLD: f32 = 16.0;
/// How far a theory's inner border sits inside its outer one.
pub const THEORY_INNER_INSET: f32 = 4.0;
/// Corner radius of a theory's inner border.
pub const THEORY_INNER_RADIUS: f32 = 4.0;
/// Opacity of a note's folded corner (drawn in the border colour).
pub const NOTE_FOLD_OPACITY: f32 = 0.5;

/// Border of cards, blocks, regions and theories.
pub const BORDER_WIDTH: f32 = 1.5;
/// Border of negative cards (dashed) and IF-conditions.
pub const STRONG_BORDER_WIDTH: f32 = 2.0;
/// Border of notes and a theory's inner border.
pub const THIN_BORDER_WIDTH: f32 = 1.0;
/// Dash pattern of a negative ("-ve") card's border.
pub const NEGATIVE_DASH: Dash = Dash { on: 8.0, off: 5.0 };

/// Badge text ("CMOC 22") size.
pub const BADGE_FONT_SIZE: f32 = 14.0;
/// Left inset of the badge text in the header.
pub const BADGE_INSET: f32 = 8.0;
/// Evidence counter ("3 quotes") size, right-aligned in the header.
pub const EVIDENCE_FONT_SIZE: f32 = 11.2;
/// Opacity of the evidence counter.
pub const EVIDENCE_OPACITY: f32 = 0.85;
/// Size of a one-letter section tag ("C").
pub const TAG_FONT_SIZE: f32 = 11.0;
/// Size of a longer section tag ("M res").
pub const SMALL_TAG_FONT_SIZE: f32 = 7.0;
/// Corner radius of a section tag.
pub const TAG_RADIUS: f32 = 3.0;
/// Gap between a section tag and its text.
pub const TAG_GAP: f32 = 5.0;
/// Size of the small capitals naming a block's kind ("CONTEXT").
pub const CAPTION_FONT_SIZE: f32 = 9.0;
/// Gap under the kind caption.
pub const CAPTION_GAP: f32 = 2.0;
/// Gap under a block's title.
pub const TITLE_GAP: f32 = 4.0;
/// Title size of a region.
pub const REGION_TITLE_SIZE: f32 = 17.0;
/// Title size of other blocks.
pub const BLOCK_TITLE_SIZE: f32 = 14.0;
/// Body size of a region.
pub const REGION_BODY_SIZE: f32 = 12.0;
/// Height of a region's title band, and the room automatic layout leaves in a region (one
/// home for both, below the scene and the layout code alike).
pub use crate::model::layout::{
    REGION_LAYOUT_PADDING, REGION_LAYOUT_TITLE_BAND, REGION_TITLE_HEIGHT,
};
/// Text inset of an IF-condition (its slanted sides need room).
pub const CONDITION_TEXT_INSET: f32 = 20.0;
/// Text inset of a theory (its double border needs room).
pub const THEORY_TEXT_INSET: f32 = 10.0;
/// Opacity of the "double-click to write" placeholder.
pub const PLACEHOLDER_OPACITY: f32 = 0.45;

/// Width of an arrow's line.
pub const EDGE_WIDTH: f32 = 1.8;
/// Dash pattern of a "prevents" arrow.
pub const PREVENTS_DASH: Dash = Dash { on: 7.0, off: 5.0 };
/// Length of an arrowhead.
pub const ARROWHEAD_LENGTH: f32 = 11.0;
/// Where the line stops under the head, as a share of its length (keeps the tip sharp).
pub const ARROWHEAD_LINE_STOP: f32 = 0.8;
/// Half the width of an arrowhead's base, as a share of its length.
pub const ARROWHEAD_HALF_WIDTH: f32 = 0.45;
/// Size of arrow labels.
pub const LABEL_FONT_SIZE: f32 = 12.0;
/// Width at which arrow labels wrap.
pub const LABEL_WRAP_WIDTH: f32 = 220.0;
/// Padding around an arrow label's text.
pub const LABEL_PADDING: f32 = 3.0;
/// Corner radius of an arrow label's box.
pub const LABEL_RADIUS: f32 = 4.0;
/// Border width of an arrow label's box.
pub const LABEL_BORDER_WIDTH: f32 = 1.0;
/// Opacity of an arrow label's border (in the arrow's colour).
pub const LABEL_BORDER_OPACITY: f32 = 0.6;
/// Where along an arrow its comment counter sits (0 start, 1 tip).
pub const EDGE_COUNTER_AT: f32 = 0.35;

/// Titled boxes (zoomed out): the header keeps at least this screen height.
pub const LOD_HEADER_MIN_PX: f32 = 17.0;
/// Titled boxes: badge and title size on screen.
pub const LOD_TEXT_PX: f32 = 12.0;
/// Zoomed out, a title grows to fill its node up to this screen size, and shrinks to fit no
/// further than [`LOD_MIN_TEXT_PX`].
pub const LOD_MAX_TEXT_PX: f32 = 24.0;
/// See [`LOD_MAX_TEXT_PX`]: the smallest legible title, screen pixels.
pub const LOD_MIN_TEXT_PX: f32 = 9.0;
/// The smallest a zoomed-out title may be when [`LOD_MIN_TEXT_PX`] shows no whole word of it
/// or only one of several, rather than leave its box blank or say one word (screen pixels at
/// the zoom band's far end; nearer in, up to 25% larger).
pub const LOD_LAST_RESORT_TEXT_PX: f32 = 7.5;
/// Titled boxes: inset of the title on screen.
pub const LOD_INSET_PX: f32 = 4.0;
/// Plain boxes: arrows as thin lines of this screen width.
pub const OVERVIEW_EDGE_PX: f32 = 1.0;
/// Plain boxes: opacity of the arrow lines.
pub const OVERVIEW_EDGE_OPACITY: f32 = 0.7;

/// Thinnest line the canvas draws, so a border never vanishes when zoomed out.
pub const MIN_STROKE_PX: f32 = 1.0;
/// Shortest dash the canvas draws: zoomed far out, a dash pattern keeps this length on screen
/// (its gaps in proportion), so a negative card or a "prevents" arrow still reads as dashed
/// rather than as a faint solid line of 1-pixel dashes, each its own shape to draw.
pub const MIN_DASH_PX: f32 = 4.0;
/// Selection outline width.
pub const SELECTION_WIDTH_PX: f32 = 2.5;
/// Gap between a node and its selection outline.
pub const SELECTION_GAP_PX: f32 = 3.0;
/// Hover outline width.
pub const HOVER_WIDTH_PX: f32 = 1.5;
/// Opacity of the hover outline (in the selection colour).
pub const HOVER_OPACITY: f32 = 0.5;
/// Plain boxes: a selected box shows a solid centre, inset by this share of its smaller side.
pub const OVERVIEW_SELECTION_INSET: f32 = 0.3;
/// Keyboard focus ring width.
pub const FOCUS_WIDTH_PX: f32 = 2.0;
/// Gap between a node and its keyboard focus ring (outside the selection outline).
pub const FOCUS_GAP_PX: f32 = 7.0;
/// Dash of the keyboard focus ring, in screen pixels.
pub const FOCUS_DASH_PX: Dash = Dash { on: 6.0, off: 4.0 };
/// Extra width of a selected arrow's halo.
pub const SELECTED_EDGE_HALO_PX: f32 = 5.0;
/// Opacity of a selected arrow's halo.
pub const SELECTED_EDGE_OPACITY: f32 = 0.45;
/// Find: outline of cards that match the search.
pub const MATCH_WIDTH_PX: f32 = 4.0;
/// Radius of the open-comment counter.
pub const COUNTER_RADIUS_PX: f32 = 10.0;
/// Text size of the open-comment counter.
pub const COUNTER_FONT_PX: f32 = 11.0;
/// Ring around the open-comment counter (in the background colour).
pub const COUNTER_RING_PX: f32 = 1.5;
/// Inset of the node's counter from its top-right corner.
pub const COUNTER_INSET_PX: f32 = 2.0;
/// Space between the reaction counters on a card, screen pixels.
pub const COUNTER_GAP_PX: f32 = 3.0;
/// How far outside a card's edge a counter's centre sits: past the focus ring
/// ([`FOCUS_GAP_PX`] + [`FOCUS_WIDTH_PX`]) by a little more than the counter's radius.
pub const COUNTER_CLEARANCE_PX: f32 = FOCUS_GAP_PX + FOCUS_WIDTH_PX + COUNTER_RADIUS_PX + 2.0;

/// How far the canvas emphasises a title by drawing it twice, this share of a pixel apart
/// (the font has one weight).
pub const EMPHASIS_OFFSET_PX: f32 = 0.4;
/// How the SVG emphasises a title: a hairline stroke in the text colour, this wide.
pub const EMPHASIS_STROKE: f32 = 0.35;
/// Where the baseline of a line of text sits below its top, as a share of the font size
/// (the ascent of the canvas font); the SVG writer places `<text>` by it.
pub const BASELINE: f32 = 0.93;

/// Figure margin around the diagram.
pub const FIGURE_MARGIN: f32 = 30.0;
/// Figure title size.
pub const FIGURE_TITLE_SIZE: f32 = 20.0;
/// Height of the figure's title band.
pub const FIGURE_TITLE_HEIGHT: f32 = 50.0;
/// Narrowest figure (so the legend fits).
pub const FIGURE_MIN_WIDTH: f32 = 620.0;

/// Legend: heading size.
pub const LEGEND_HEADING_SIZE: f32 = 13.0;
/// Legend: text size.
pub const LEGEND_FONT_SIZE: f32 = 11.0;
/// Legend: swatch size.
pub const LEGEND_SWATCH: (f32, f32) = (24.0, 13.0);
/// Legend: swatch corner radius.
pub const LEGEND_SWATCH_RADIUS: f32 = 3.0;
/// Legend: height of the header stripe on card swatches.
pub const LEGEND_STRIPE: f32 = 4.0;
/// Legend: swatch border width.
pub const LEGEND_BORDER_WIDTH: f32 = 1.5;
/// Legend: dash of the negative swatch and the "prevents" line.
pub const LEGEND_DASH: Dash = Dash { on: 4.0, off: 3.0 };
/// Legend: arrow swatch line width.
pub const LEGEND_ARROW_WIDTH: f32 = 2.0;
/// Legend: arrowhead length on arrow swatches.
pub const LEGEND_ARROWHEAD: f32 = 6.0;
/// Legend: height of one row.
pub const LEGEND_ROW_HEIGHT: f32 = 18.0;
/// Legend: width of one column.
pub const LEGEND_COLUMN_WIDTH: f32 = 190.0;
/// Legend: gap between a swatch and its text.
pub const LEGEND_GAP: f32 = 6.0;
/// Legend: padding around it.
pub const LEGEND_PADDING: f32 = 8.0;

/// Canvas background: spacing of the dot grid.
pub const GRID_SPACING: f32 = 40.0;
/// Canvas background: no dots when they would be closer than this on screen.
pub const GRID_MIN_SPACING_PX: f32 = 14.0;
/// Canvas background: size of a dot.
pub const GRID_DOT_PX: f32 = 1.5;
/// Text smaller than this on screen is not drawn (it could not be read).
pub const MIN_TEXT_PX: f32 = 2.0;
/// The canvas draws text in steps of this many screen pixels (see `canvas/prims.rs`).
pub const TEXT_PX_STEP: f32 = 1.0;
/// Largest zoom at which the canvas's emphasis offset still grows.
pub const EMPHASIS_MAX_ZOOM: f32 = 1.5;

/// Editing handles: radius of the "+" connect handle.
pub const HANDLE_RADIUS_PX: f32 = 7.0;
/// Editing handles: size of the resize handle's square.
pub const RESIZE_HANDLE_PX: f32 = 12.0;
/// Editing handles: corner radius of the resize handle.
pub const RESIZE_HANDLE_RADIUS_PX: f32 = 2.0;
/// Editing handles: border width of both handles, and of the arrow being dragged.
pub const HANDLE_WIDTH_PX: f32 = 2.0;
/// Editing handles: size of the "+" and of the zoom readout.
pub const HANDLE_FONT_PX: f32 = 12.0;
/// Editing handles are hidden below this zoom (nodes are too small to aim at them).
pub const HANDLE_MIN_ZOOM: f32 = 0.25;
/// The arrow being dragged: the dot at its loose end.
pub const CONNECT_DOT_PX: f32 = 4.0;
/// The rubber band: opacity of its fill (in the selection colour).
pub const RUBBER_BAND_OPACITY: f32 = 0.12;
/// The rubber band: border width.
pub const RUBBER_BAND_WIDTH_PX: f32 = 1.0;
/// The in-place text editor's font stays between these screen sizes, so it can be read and
/// still fits the card.
pub const INLINE_EDIT_FONT_PX: (f32, f32) = (9.0, 40.0);

// Presenting to a group (View → Present).
/// How much the rest of the diagram is veiled while a step is presented (0 none, 1 hidden):
/// it stays visible for context.
pub const SPOTLIGHT_VEIL_OPACITY: f32 = 0.72;
/// How much a node not active in the scenario being looked at fades (0 none, 1 hidden): it
/// stays legible.
pub const SCENARIO_FADE_OPACITY: f32 = 0.6;
/// Hatching over a partly active node: screen pixels between lines, line width, opacity.
pub const SCENARIO_HATCH_SPACING_PX: f32 = 9.0;
/// See [`SCENARIO_HATCH_SPACING_PX`].
pub const SCENARIO_HATCH_WIDTH_PX: f32 = 1.5;
/// See [`SCENARIO_HATCH_SPACING_PX`].
pub const SCENARIO_HATCH_OPACITY: f32 = 0.45;
/// The outline round a negative CMOC that is active in the scenario shown (the failure
/// happens): width and gap, screen pixels (diagram units in a figure).
pub const SCENARIO_FAILURE_WIDTH_PX: f32 = 4.0;
/// See [`SCENARIO_FAILURE_WIDTH_PX`].
pub const SCENARIO_FAILURE_GAP_PX: f32 = 3.0;
/// A condition's state chip while a scenario is shown: size, gap above the condition and
/// font size, screen pixels; the condition must be this wide on screen to carry one.
pub const SCENARIO_CHIP_WIDTH_PX: f32 = 84.0;
/// See [`SCENARIO_CHIP_WIDTH_PX`].
pub const SCENARIO_CHIP_HEIGHT_PX: f32 = 24.0;
/// See [`SCENARIO_CHIP_WIDTH_PX`].
pub const SCENARIO_CHIP_GAP_PX: f32 = 4.0;
/// See [`SCENARIO_CHIP_WIDTH_PX`].
pub const SCENARIO_CHIP_FONT_PX: f32 = 13.0;
/// See [`SCENARIO_CHIP_WIDTH_PX`].
pub const SCENARIO_CHIP_MIN_NODE_PX: f32 = 30.0;
/// The dash of an unknown chip's border, screen pixels.
pub const SCENARIO_CHIP_DASH_PX: super::draw::Dash = super::draw::Dash { on: 4.0, off: 3.0 };
/// The legend's swatches of a scenario's marks: hatch spacing and width, the failure
/// outline's width and gap (diagram units).
pub const LEGEND_HATCH_SPACING: f32 = 6.0;
/// See [`LEGEND_HATCH_SPACING`].
pub const LEGEND_HATCH_WIDTH: f32 = 1.2;
/// See [`LEGEND_HATCH_SPACING`].
pub const LEGEND_FAILURE_WIDTH: f32 = 2.5;
/// See [`LEGEND_HATCH_SPACING`].
pub const LEGEND_FAILURE_GAP: f32 = 2.0;
/// A node moved or resized routes again the arrows passing this near where it was or went.
pub const ROUTE_NEAR: f32 = 40.0;
/// How long switching scenarios takes to fade, seconds.
pub const SCENARIO_SWITCH_SECONDS: f32 = 0.18;
/// Share of the diagram area's height the current card fills.
pub const PRESENT_FILL: f32 = 0.78;
/// Screen pixels of body text the current card gets at least, when the screen allows.
pub const PRESENT_MIN_BODY_PX: f32 = 32.0;
/// Share of the screen's height kept for the caption under the diagram.
pub const PRESENT_CAPTION_SHARE: f32 = 0.26;
/// The projector theme's quiet text (the sentence under the plain words, hints): grey levels
/// at least 10:1 against black and against white.
pub const PROJECTOR_QUIET_GREY_ON_DARK: u8 = 0xD0;
/// See [`PROJECTOR_QUIET_GREY_ON_DARK`].
pub const PROJECTOR_QUIET_GREY_ON_LIGHT: u8 = 0x38;
/// The projector theme's window border, points.
pub const PROJECTOR_FRAME_PX: f32 = 2.0;
/// The projector theme's separators and widget outlines, points.
pub const PROJECTOR_LINE_PX: f32 = 1.5;
/// The caption's least height in points (heading, two lines of plain words, two of the
/// sentence, the strip), up to [`PRESENT_CAPTION_MAX_SHARE`] of a small screen.
pub const PRESENT_CAPTION_MIN_PX: f32 = 290.0;
/// The most of the screen's height the caption takes on a small screen.
pub const PRESENT_CAPTION_MAX_SHARE: f32 = 0.42;
/// The least the caption's type shrinks to (of its size) so a long step fits the caption.
pub const CAPTION_FIT_LEAST: f32 = 0.6;
/// Caption text: the card's sentence in plain words.
pub const PRESENT_SENTENCE_PX: f32 = 34.0;
/// Caption text: the badge, progress and group.
pub const PRESENT_DETAIL_PX: f32 = 24.0;
/// Space between the parts of the presenting caption's first line (title, group, scenario,
/// step count).
pub const CAPTION_GAP_PX: f32 = 24.0;
/// The "How to read this" explanation.
pub const PRESENT_HOW_TO_PX: f32 = 30.0;
/// How long the camera glides to the next step, in seconds.
pub const PRESENT_GLIDE_SECONDS: f64 = 0.35;

/// Space between arrows meeting one side of a node, at most (diagram units); they share the
/// middle four fifths of the side when it is shorter.
pub const PORT_SPACING: f32 = 36.0;

/// The type size a far-out box's badge is measured at before it is scaled to fill the box.
pub const BOXES_BADGE_PROBE: f32 = 100.0;

/// How far a pinned node's marker sits outside its top-left corner, screen pixels.
pub const PIN_OUTSIDE_PX: f32 = 3.0;

/// How near the pointer must come to a node's edge or handle to grab it, screen pixels.
pub const HIT_TOLERANCE_PX: f32 = 4.0;
/// How near the pointer must come to an arrow to pick it, screen pixels.
pub const EDGE_HIT_TOLERANCE_PX: f32 = 6.0;
/// The background of an exported figure unless it is transparent: paper white.
pub const FIGURE_BACKGROUND: Color32 = Color32::WHITE;
/// Width of a card placed by table import, diagram units.
pub const IMPORT_CARD_WIDTH: f32 = 300.0;
/// Space between cards placed by table import, diagram units.
pub const IMPORT_CARD_GAP: f32 = 40.0;
/// Type size of the facilitator window's controls and of hints on the projector, points.
pub const FACILITATOR_CONTROL_PX: f32 = 20.0;
/// The canvas height (screen pixels) from which the legend starts open; on a shorter canvas
/// (a 1366×768 laptop) it starts closed so the fitted diagram keeps the room.
pub const LEGEND_OPEN_MIN_CANVAS_PX: f32 = 800.0;
/// Gap between the side panel's tabs, and the padding either side of a tab's name.
pub const SIDE_TAB_GAP_PX: f32 = 3.0;
/// See [`SIDE_TAB_GAP_PX`].
pub const SIDE_TAB_PADDING_PX: f32 = 4.0;
/// Type size of the side panel's tabs: body-sized, so the five fit the panel's width.
pub const SIDE_TAB_TEXT_PX: f32 = 14.0;

/// The compare view's word on a changed card ("CHANGED") and a card's realist status marker
/// ("REFINED"): type size on screen (px), whatever the zoom, so they stay readable.
pub const MARKER_FONT_PX: f32 = 12.0;

/// How far left of a card's bottom-right corner its status tag ends, clear of the reactions'
/// counter on the corner (px on the canvas at 100%, diagram units in a figure).
pub const STATUS_CLEAR_PX: f32 = 22.0;

/// How far in from a card's left corner a change's word sits on its outline (px).
pub const MARKER_INSET_PX: f32 = 8.0;

/// The corner radius of a marker's tag (px).
pub const MARKER_CORNER_PX: f32 = 3.0;

/// How far a change's outline stands off the card, beyond its own width (px).
pub const CHANGE_OUTLINE_GAP_PX: f32 = 2.0;

/// The corner radius of an added card's outline (px).
pub const CHANGE_CORNER_PX: f32 = 4.0;

/// The dots of a moved card's outline: dot and gap (px).
pub const MOVED_DOT_PX: (f32, f32) = (2.0, 4.0);

/// The outline of a status word's tag (px).
pub const MARKER_OUTLINE_PX: f32 = 1.0;

/// The strike through removed words and the line under added ones, in a word diff (px).
pub const WORD_DIFF_LINE_PX: f32 = 1.5;

/// Padding around a marker's word (px).
pub const MARKER_PAD_PX: f32 = 3.0;

/// The compare view's outline around a changed card, and a removed card's dashed ghost (px).
pub const CHANGE_OUTLINE_PX: f32 = 3.0;

/// Dash and gap of a removed card's ghost, and of a changed card's outline (px).
pub const CHANGE_DASH_PX: (f32, f32) = (8.0, 5.0);

/// A card narrower than this on screen (px) carries no marker word (its outline still shows a
/// change): zoomed far out, words on every card would bury the diagram.
pub const MARKER_MIN_CARD_PX: f32 = 140.0;

/// The room's join card on the projector (QR code, address, code): its QR code is this share
/// of the screen's width (about a fifth of its height, which a phone's camera reads from the
/// back of a meeting room), within [`JOIN_QR_MIN_PX`] and [`JOIN_QR_MAX_PX`].
pub const JOIN_QR_SHARE: f32 = 0.12;
/// The join card's QR code at its smallest, in points.
pub const JOIN_QR_MIN_PX: f32 = 150.0;
/// The join card's QR code at its largest, in points.
pub const JOIN_QR_MAX_PX: f32 = 260.0;
/// The join card is never narrower, so "Code: K7P 3QX" stays on one line.
pub const JOIN_CARD_MIN_WIDTH_PX: f32 = 200.0;
/// Space inside the join card's frame.
pub const JOIN_CARD_MARGIN_PX: f32 = 12.0;
/// The join card's corner radius.
pub const JOIN_CARD_CORNER_PX: f32 = 6.0;
/// The join card's distance from the top edge of the diagram area, and the clear space kept to
/// its left (where "How to read this" stops).
pub const JOIN_CARD_INSET_PX: f32 = 16.0;
/// The join card's distance from the right edge of the diagram area.
pub const JOIN_CARD_RIGHT_GAP_PX: f32 = 24.0;
