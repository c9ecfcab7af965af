//! Presenting the theory to a group (View → Present, F5): full screen, no menus or panels,
//! one step at a time along a path through the diagram — "How to read this", each IF-condition,
//! its yes pathway, its no pathway, then the other cards — with the camera gliding to each
//! step, the rest of the diagram veiled but visible, and the step said in plain words in large
//! type. The room's words are captured as they come: C writes a comment on the current card,
//! signed by the current group (G changes group), kept as a draft in recovery snapshots until
//! it is added; T asks "what if this did not happen?" by toggling the card's polarity (undoable).
//!
//! Keys are those presentation clickers send: → / PageDown / Space for next, ← / PageUp /
//! Backspace for previous, Home / End, a CMOC number then Enter to jump, Esc to leave.

use super::canvas::Camera;
use crate::model::{Document, NodeId, PathStep, Session, StepShows, Timestamp, resolve_path};
use crate::scene::style::{
    PRESENT_CAPTION_SHARE, PRESENT_FILL, PRESENT_GLIDE_SECONDS, PRESENT_MIN_BODY_PX,
};
use egui::{Ui, ViewportCommand};
use std::rc::Rc;

mod caption;
mod controls;
mod keys;
mod room;

use super::canvas::CanvasState;
use super::comments::CommentsState;
use super::settings::Settings;
use crate::session::Editor;

/// What presenting draws from and changes: the session, the presentation itself, the canvas
/// it shows, the room's groups (in the settings) and the comments being written. The window
/// lends them for a frame ([`super::EditorApp`] makes one); presenting owns nothing else.
pub struct Stage<'a> {
    /// The open document.
    pub editor: &'a mut Editor,
    /// The presentation, while presenting.
    pub present: &'a mut Option<Presenting>,
    /// The canvas the room sees.
    pub canvas: &'a mut CanvasState,
    /// The groups in the room and who is speaking.
    pub settings: &'a mut Settings,
    /// Where the settings are kept.
    pub settings_path: Option<&'a std::path::Path>,
    /// Comments being written.
    pub comments: &'a mut CommentsState,
    /// The window's context (none before the first frame).
    pub ctx: Option<egui::Context>,
    /// The room joining from their phones, while it can.
    pub room: &'a mut Option<crate::room::Room>,
}

impl Stage<'_> {
    /// Keeps the settings (the groups, who is speaking), saying so if that failed.
    pub(in crate::app) fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(self.settings_path) {
            self.editor.status = format!("Could not save preferences: {e}");
        }
    }
}
use caption::how_to_read_ui;
pub(in crate::app) use controls::control_button;

/// The projector theme: the most contrast a projector in a lit room can give. Pure white on
/// black or black on white, and "quiet" text (the researchers' sentence under the plain words,
/// hints) still at least 10:1 against the background, where egui's usual weak text is a faded
/// grey that a projector washes out.
pub fn projector_visuals(dark: bool) -> egui::Visuals {
    use egui::Color32;
    let (mut v, bg, text, quiet) = if dark {
        (
            egui::Visuals::dark(),
            Color32::BLACK,
            Color32::WHITE,
            Color32::from_gray(crate::scene::style::PROJECTOR_QUIET_GREY_ON_DARK),
        )
    } else {
        (
            egui::Visuals::light(),
            Color32::WHITE,
            Color32::BLACK,
            Color32::from_gray(crate::scene::style::PROJECTOR_QUIET_GREY_ON_LIGHT),
        )
    };
    v.override_text_color = Some(text);
    v.weak_text_color = Some(quiet);
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    use crate::scene::style::{PROJECTOR_FRAME_PX, PROJECTOR_LINE_PX};
    v.window_stroke = egui::Stroke::new(PROJECTOR_FRAME_PX, text);
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(PROJECTOR_LINE_PX, quiet);
    v.widgets.inactive.fg_stroke = egui::Stroke::new(PROJECTOR_LINE_PX, text);
    v
}

/// Puts the projector theme on (while presenting) or the usual themes back.
fn projector_theme(ctx: &egui::Context, on: bool) {
    let (light, dark) = if on {
        (projector_visuals(false), projector_visuals(true))
    } else {
        (egui::Visuals::light(), egui::Visuals::dark())
    };
    ctx.set_visuals_of(egui::Theme::Light, light);
    ctx.set_visuals_of(egui::Theme::Dark, dark);
}

/// How long a lone 1, 2 or 3 waits for more digits or Enter before it counts as a reaction.
pub const REACTION_PAUSE: f64 = 1.2;

/// The state of a presentation (cheap to clone: the path and the document as it was when the
/// session began are shared).
#[derive(Clone, Debug)]
pub struct Presenting {
    /// The steps presented: the path without its skipped steps.
    pub steps: Rc<Vec<PathStep>>,
    /// The current step.
    pub index: usize,
    /// In a step showing several nodes, the one comments and reactions go to (Tab moves on).
    pub within: usize,
    /// The speaker notes are shown (N shows and hides them).
    pub notes: bool,
    /// The strip of controls is shown (H hides and shows it).
    pub strip: bool,
    /// The facilitator's own window is open (F): the controls, notes and comment box are there.
    pub facilitator: bool,
    /// When the session began, and the document then: what changed is recorded on leaving.
    pub began: (Timestamp, Rc<Document>),
    /// Where the session's record is in the document, once it has one: it is written at the
    /// first change the room makes (so a crash keeps it, through recovery), kept up to date at
    /// each step, and completed on leaving.
    pub recorded: Option<usize>,
    /// The document's revision when the session began.
    began_at: crate::model::Stamp,
    /// A CMOC number being typed to jump to (or a reaction: 1, 2 or 3 alone, after a pause).
    pub typed: String,
    /// When the last digit was typed.
    typed_at: f64,
    /// The comment box on the current card is open.
    pub commenting: bool,
    /// What was just done for the room to see ("Comment added from Carers"), and when.
    pub notice: Option<(String, f64)>,
    /// The QR code, address and join code are on the projector (while the room can join).
    pub join_shown: bool,
    glide: Option<Glide>,
}

#[derive(Clone, Copy, Debug)]
struct Glide {
    from: Camera,
    start: f64,
}

impl Presenting {
    /// The current step.
    pub fn step(&self) -> &PathStep {
        static HOW_TO_READ: PathStep = PathStep {
            shows: StepShows::HowToRead,
            title: String::new(),
            notes: String::new(),
            skip: false,
        };
        self.steps.get(self.index).unwrap_or(&HOW_TO_READ)
    }

    /// True on the "How to read this" step.
    pub fn how_to_read(&self) -> bool {
        matches!(self.step().shows, StepShows::HowToRead)
    }

    /// The card comments, reactions and T go to: the step's node, or in a group the one Tab
    /// has reached.
    pub fn node(&self) -> Option<NodeId> {
        let nodes = self.step().nodes();
        nodes
            .get(self.within.min(nodes.len().saturating_sub(1)))
            .copied()
    }
}

pub use crate::interchange::plain_sentence;

impl Stage<'_> {
    /// Starts presenting: full screen, the path, the first step.
    pub fn start_presenting(&mut self) {
        self.start_presenting_at(0);
    }

    /// Starts presenting at step `from` of the path as the Path panel lists it (skipped steps
    /// counted; starting at a skipped step starts at the next one shown).
    pub fn start_presenting_at(&mut self, from: usize) {
        let palette = crate::scene::Palette::for_dark_mode(
            self.ctx
                .as_ref()
                .is_some_and(|c| c.global_style().visuals.dark_mode),
        );
        let doc = self.editor.doc();
        let path = if doc.workshop().path.is_some() {
            resolve_path(doc, Vec::new)
        } else {
            let order = self
                .canvas
                .scene(self.editor, &palette)
                .presentation_order();
            resolve_path(self.editor.doc(), || order)
        };
        let index = path.iter().take(from).filter(|s| !s.skip).count();
        let mut steps: Vec<PathStep> = path.into_iter().filter(|s| !s.skip).collect();
        if steps.is_empty() {
            steps.push(PathStep::how_to_read());
        }
        *self.present = Some(Presenting {
            steps: Rc::new(steps),
            index: 0,
            within: 0,
            notes: false,
            strip: true,
            facilitator: false,
            began: (Timestamp::now(), Rc::new(self.editor.doc().clone())),
            recorded: None,
            began_at: self.editor.revision(),
            typed: String::new(),
            typed_at: 0.0,
            commenting: false,
            notice: None,
            join_shown: false,
            glide: None,
        });
        self.canvas.inline_edit = None;
        self.canvas.presenting = true;
        if let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            projector_theme(ctx, true);
        }
        self.go_to_step(index);
    }

    /// Leaves the presentation: the window and the editor's panels come back, and the session
    /// is recorded in the document (when, the groups, what changed) if it lasted a minute or
    /// changed anything.
    pub fn stop_presenting(&mut self) {
        // Joining ends with the presentation: the phones are told, the port is let go.
        *self.room = None;
        if let Some(present) = self.present.take() {
            let (started, before) = &present.began;
            let session = Session {
                started: *started,
                ended: Timestamp::now(),
                groups: self.settings.groups.clone(),
                changes: crate::model::differences(before, self.editor.doc()),
            };
            let worth = !session.changes.is_empty()
                || session.ended.unix_seconds - started.unix_seconds >= 60;
            match present.recorded {
                Some(index) => {
                    self.editor.update_session(index, session);
                }
                None if worth => self.editor.record_session(session),
                None => {}
            }
        }
        self.canvas.spotlight.clear();
        self.canvas.presenting = false;
        if let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            projector_theme(ctx, false);
        }
        self.canvas.fit_pending = true;
    }

    /// Writes the session's record into the document at the room's first change, then keeps
    /// its end time current at each step, so a session cut short by a crash is still on record
    /// in the recovered document. What changed is written on leaving.
    fn keep_session_record(&mut self) {
        let Some(present) = &self.present else {
            return;
        };
        let session = Session {
            started: present.began.0,
            ended: Timestamp::now(),
            groups: self.settings.groups.clone(),
            changes: Vec::new(),
        };
        match present.recorded {
            Some(index) => {
                let changes = self
                    .editor
                    .doc()
                    .workshop()
                    .sessions
                    .get(index)
                    .map(|s| s.changes.clone())
                    .unwrap_or_default();
                self.editor
                    .update_session(index, Session { changes, ..session });
            }
            None if self.editor.revision() != present.began_at => {
                let index = self.editor.doc().workshop().sessions.len();
                self.editor.record_session(session);
                if let Some(p) = &mut self.present {
                    p.recorded = Some(index);
                }
            }
            None => {}
        }
    }

    /// Moves to step `index` (clamped), gliding the camera there.
    pub fn go_to_step(&mut self, index: usize) {
        self.keep_session_record();
        let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
        let camera = self.canvas.camera;
        let Some(present) = &mut self.present else {
            return;
        };
        present.index = index.min(present.steps.len().saturating_sub(1));
        present.within = 0;
        // The join card gives the next card the room (Q shows it again; "How to read this"
        // always shows it).
        present.join_shown = false;
        present.typed.clear();
        present.commenting = false;
        present.glide = Some(Glide {
            from: camera,
            start: now,
        });
        self.canvas.spotlight = present.step().nodes().to_vec();
        let current = present.node();
        // No selection (its outline and handles are for editing); keyboard focus follows the
        // step, so a screen reader reads the card.
        self.editor.selection.clear();
        if let Some(id) = current
            && let Some(ctx) = self.ctx.clone()
        {
            self.canvas.focus_on(&ctx, id);
        }
    }

    /// Shows the next "what if" scenario, then none again: view state, not an edit.
    pub(super) fn next_scenario(&mut self) {
        let n = self.editor.doc().scenarios().len();
        self.canvas.scenario = match self.canvas.scenario {
            None if n > 0 => Some(0),
            Some(i) if i + 1 < n => Some(i + 1),
            _ => None,
        };
    }

    /// In a step of several nodes, moves comments, reactions and focus to the next one.
    fn next_within(&mut self) {
        let Some(present) = &mut self.present else {
            return;
        };
        let n = present.step().nodes().len();
        if n < 2 {
            return;
        }
        present.within = (present.within + 1) % n;
        if let Some(id) = present.node()
            && let Some(ctx) = self.ctx.clone()
        {
            self.canvas.focus_on(&ctx, id);
        }
    }

    /// Where the camera goes for a step: the whole diagram for "How to read this"; the card
    /// filling most of the diagram area, with its body text at least 32 px where the screen
    /// allows.
    fn step_camera(&self, step: &PathStep) -> Camera {
        let canvas = self.canvas.rect;
        let mut camera = self.canvas.camera;
        let world = match &step.shows {
            StepShows::HowToRead => self.editor.doc().bounds().map(crate::scene::to_rect),
            StepShows::Nodes(ids) => ids
                .iter()
                .filter_map(|id| self.editor.doc().node(*id))
                .map(|n| crate::scene::to_rect(n.rect()))
                .reduce(|a, b| a.union(b)),
        };
        let Some(world) = world else {
            return camera;
        };
        match step.shows {
            StepShows::HowToRead => camera.fit(canvas, world, 40.0, 1.0),
            StepShows::Nodes(_) => {
                let fill = (canvas.size() * PRESENT_FILL).max(egui::vec2(10.0, 10.0));
                let fit = (fill.x / world.width()).min(fill.y / world.height());
                let readable = PRESENT_MIN_BODY_PX / crate::scene::style::BODY_FONT_SIZE;
                // Never so large that the card leaves the screen.
                let most = (canvas.width() / world.width()).min(canvas.height() / world.height());
                let zoom = fit.max(readable).min(most).min(8.0);
                camera.zoom = zoom;
                camera.centre_on(canvas, world.center());
            }
        }
        camera
    }

    /// Draws the presentation: the diagram, the caption, and the comment box.
    pub(super) fn present_ui(&mut self, ui: &mut Ui, palette: &crate::scene::Palette) {
        let ctx = ui.ctx().clone();
        self.presenting_keys(&ctx);
        self.pump_room();
        let Some(present) = self.present.clone() else {
            return;
        };
        // The camera glides (no zoom overshoot: zoom moves in log space, eased).
        if let Some(glide) = present.glide {
            let target = self.step_camera(present.step());
            let t = ((ctx.input(|i| i.time) - glide.start) / PRESENT_GLIDE_SECONDS).clamp(0.0, 1.0)
                as f32;
            let e = t * t * (3.0 - 2.0 * t);
            let canvas = self.canvas.rect;
            let centre = |c: &Camera| (canvas.size() / 2.0 - c.offset) / c.zoom;
            let (a, b) = (centre(&glide.from), centre(&target));
            let zoom = (glide.from.zoom.ln() * (1.0 - e) + target.zoom.ln() * e).exp();
            let mid = a + (b - a) * e;
            self.canvas.camera.zoom = zoom;
            self.canvas.camera.offset = canvas.size() / 2.0 - mid * zoom;
            if t < 1.0 {
                ctx.request_repaint();
            } else if let Some(p) = &mut self.present {
                p.glide = None;
            }
        }
        let screen = ui.available_height();
        let height = (screen * PRESENT_CAPTION_SHARE)
            .max(crate::scene::style::PRESENT_CAPTION_MIN_PX)
            .min(screen * crate::scene::style::PRESENT_CAPTION_MAX_SHARE);
        // The facilitator's strip at the very bottom, as tall as its buttons need; the caption
        // above it.
        egui::Panel::bottom("present-strip").show(ui, |ui| self.strip_ui(ui, &present));
        egui::Panel::bottom("present-caption")
            .exact_size(height)
            .show(ui, |ui| self.caption_ui(ui, &present));
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let _ = super::canvas::canvas_ui(
                    ui,
                    self.editor,
                    self.canvas,
                    palette,
                    self.settings.snap_to_grid,
                );
                if present.how_to_read() {
                    // Beside the join card, never under it.
                    let mut area = self.canvas.rect;
                    area.max.x -= self.join_card_width(&present);
                    how_to_read_ui(ui, area);
                }
                self.join_card_ui(ui, &present);
                // The screen reader's focus follows the step: kept on the current card unless
                // a text field (the groups, a comment) has the keyboard.
                if let Some(id) = present.node()
                    && self.canvas.focused != Some(id)
                    && ctx
                        .memory(|m| m.focused())
                        .is_none_or(|f| self.canvas.owns_focus(f))
                {
                    self.canvas.focus_on(&ctx, id);
                }
            });
        if present.commenting && !present.facilitator {
            self.comment_box_ui(&ctx, &present);
        }
        self.facilitator_window(&ctx, &present);
    }
}
