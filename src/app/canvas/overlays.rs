//! What the canvas draws over the diagram: handles, the rubber band, the arrow being dragged,
//! the zoom readout, the in-place text editor and the definitions shown on hover.

use super::super::definitions;
use super::*;
use crate::scene::style::{
    CONNECT_DOT_PX, HANDLE_FONT_PX, HANDLE_MIN_ZOOM, HANDLE_RADIUS_PX, HANDLE_WIDTH_PX,
    RESIZE_HANDLE_RADIUS_PX, RUBBER_BAND_OPACITY, RUBBER_BAND_WIDTH_PX,
};

pub(super) fn paint_overlays(
    painter: &egui::Painter,
    ui: &Ui,
    rect: Rect,
    editor: &Editor,
    state: &CanvasState,
    palette: &Palette,
) {
    let camera = state.camera;
    // Connect handles on hovered and selected nodes; resize handle on a single selection.
    let mut handle_nodes: Vec<NodeId> = editor.selection.nodes.iter().copied().collect();
    if let Some(h) = state.hovered {
        handle_nodes.push(h);
    }
    if camera.zoom >= HANDLE_MIN_ZOOM && state.gesture == Gesture::Idle {
        for id in handle_nodes {
            if let Some(node) = editor.doc().node(id) {
                let centre = connect_handle(&camera, rect, to_rect(node.rect()));
                painter.circle(
                    centre,
                    HANDLE_RADIUS_PX,
                    palette.background,
                    Stroke::new(HANDLE_WIDTH_PX, palette.selection),
                );
                painter.text(
                    centre,
                    Align2::CENTER_CENTER,
                    "+",
                    FontId::proportional(HANDLE_FONT_PX),
                    palette.selection,
                );
            }
        }
        if let Some(id) = editor.selection.single_node()
            && let Some(node) = editor.doc().node(id)
        {
            let r = resize_handle(&camera, rect, to_rect(node.rect()));
            painter.rect(
                r,
                RESIZE_HANDLE_RADIUS_PX,
                palette.background,
                Stroke::new(HANDLE_WIDTH_PX, palette.selection),
                StrokeKind::Inside,
            );
        }
    }
    match &state.gesture {
        Gesture::RubberBand { origin, .. } => {
            if let Some(p) = ui.input(|i| i.pointer.interact_pos()) {
                let band = Rect::from_two_pos(camera.to_screen(rect, *origin), p);
                painter.rect(
                    band,
                    0.0,
                    palette.selection.gamma_multiply(RUBBER_BAND_OPACITY),
                    Stroke::new(RUBBER_BAND_WIDTH_PX, palette.selection),
                    StrokeKind::Inside,
                );
            }
        }
        Gesture::Connect { from } => {
            if let (Some(p), Some(node)) = (
                ui.input(|i| i.pointer.interact_pos()),
                editor.doc().node(*from),
            ) {
                let start = connect_handle(&camera, rect, to_rect(node.rect()));
                painter.line_segment([start, p], Stroke::new(HANDLE_WIDTH_PX, palette.selection));
                painter.circle_filled(p, CONNECT_DOT_PX, palette.selection);
            }
        }
        _ => {}
    }
    if let Gesture::Connect { .. } = state.gesture {
        ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
    }
    // Zoom readout.
    painter.text(
        rect.right_bottom() - vec2(10.0, 8.0),
        Align2::RIGHT_BOTTOM,
        format!("{:.0}%", camera.zoom * 100.0),
        FontId::proportional(HANDLE_FONT_PX),
        palette.muted_text,
    );
}

pub(super) fn inline_editor_ui(
    ui: &mut Ui,
    rect: Rect,
    editor: &mut Editor,
    state: &mut CanvasState,
) {
    let Some(edit) = state.inline_edit.clone() else {
        return;
    };
    let Some(node) = editor.doc().node(edit.node).cloned() else {
        state.inline_edit = None;
        return;
    };
    let Some(text) = edit.field.get(&node.content).map(str::to_string) else {
        state.inline_edit = None;
        return;
    };
    if text.len() > crate::app::MAX_EDIT_BYTES {
        state.inline_edit = None;
        editor.status = format!(
            "The {} of {} is {} characters long, too long to edit in place; it is kept unchanged.",
            edit.field.name(),
            node.label(),
            text.chars().count()
        );
        return;
    }
    let area = state
        .hits
        .fields
        .iter()
        .find(|(id, f, _)| *id == edit.node && *f == edit.field)
        .map(|(_, _, r)| *r)
        .unwrap_or_else(|| {
            state
                .camera
                .rect_to_screen(rect, to_rect(node.rect()))
                .shrink(crate::scene::style::PADDING * state.camera.zoom)
        });
    let area = area.intersect(rect);
    if area.width() < 20.0 || area.height() < 8.0 {
        return;
    }
    use crate::scene::style::{BODY_FONT_SIZE, INLINE_EDIT_FONT_PX};
    let size =
        (BODY_FONT_SIZE * state.camera.zoom).clamp(INLINE_EDIT_FONT_PX.0, INLINE_EDIT_FONT_PX.1);
    let mut buffer = text.clone();
    let id = egui::Id::unique(("inline-edit", edit.node, edit.field));
    let response = ui.put(
        area.with_max_y(area.max.y.max(area.min.y + size * 1.6)),
        egui::TextEdit::multiline(&mut buffer)
            .id(id)
            .font(FontId::proportional(size))
            .desired_width(area.width())
            .margin(vec2(2.0, 1.0))
            .background_color(ui.visuals().extreme_bg_color),
    );
    crate::app::name_widget(
        ui,
        &response,
        &format!("Editing {} of {}", edit.field.name(), node.label()),
    );
    if edit.needs_focus {
        response.request_focus();
        if let Some(e) = &mut state.inline_edit {
            e.needs_focus = false;
        }
    }
    if buffer != text {
        editor.change_node(edit.node, edit.field.name(), |changed| {
            if let Some(slot) = edit.field.get_mut(&mut changed.content) {
                *slot = buffer;
            }
        });
    }
    let escape = ui.input(|i| i.key_pressed(Key::Escape));
    if (response.lost_focus() || escape) && !edit.needs_focus {
        state.inline_edit = None;
        editor.seal();
    }
}

pub(super) fn hover_help(response: &Response, editor: &Editor, state: &CanvasState) {
    let Some(pos) = response.hover_pos() else {
        return;
    };
    if state.gesture != Gesture::Idle {
        return;
    }
    if let Some(text) = scenario_help(editor, state, pos) {
        response.clone().on_hover_text_at_pointer(text);
    } else if let Some((tag, _)) = state.hits.tags.iter().find(|(_, r)| r.contains(pos)) {
        response.clone().on_hover_text_at_pointer(format!(
            "{}\n\n{}",
            definitions::for_tag(tag),
            definitions::SOURCE
        ));
    } else if let Some((_, negative, _)) =
        state.hits.badges.iter().find(|(_, _, r)| r.contains(pos))
    {
        let text = if *negative {
            definitions::NEGATIVE
        } else {
            definitions::CMOC
        };
        response
            .clone()
            .on_hover_text_at_pointer(format!("{text}\n\n{}", definitions::SOURCE));
    }
}

/// While a scenario is shown: over a condition's chip, what a click does; over a node, why it
/// is in its state.
fn scenario_help(editor: &Editor, state: &CanvasState, pos: Pos2) -> Option<String> {
    let index = state.scenario?;
    let scenario = editor.doc().scenarios().get(index)?;
    let outcome = state.scenario_outcome()?;
    let scene = state.scene.as_ref()?;
    let camera = state.camera;
    let world = camera.to_world(state.rect, pos);
    let chip = scene.nodes.iter().find(|n| {
        scene
            .condition_chip(n, camera.zoom)
            .is_some_and(|r| r.contains(world))
    });
    if let Some(node) = chip {
        let now = scenario.condition(node.id);
        return Some(format!(
            "This condition is {} in “{}”. Click to make it {} (Undo takes it back).",
            now.words(),
            scenario.name.trim(),
            now.next().words()
        ));
    }
    let id = state.hovered?;
    let text = outcome.explain(editor.doc(), scenario, id);
    Some(format!("In “{}”: {text}", scenario.name.trim()))
}

/// While the user types into a card (in place or in the inspector), lets the card grow so the
/// text is not clipped; the growth joins the same undo step as the typing.
pub(super) fn grow_to_fit_typing(
    editor: &mut crate::session::Editor,
    state: &super::CanvasState,
    rect: egui::Rect,
) {
    let Some(id) = editor.selection.single_node() else {
        return;
    };
    let Some((key, label)) = editor.typing() else {
        return;
    };
    if key.target_node() != Some(id) {
        return;
    }
    let key = key.clone();
    let label = label.to_string();
    let Some(bottom) = state
        .hits
        .content_bottoms
        .iter()
        .find(|(n, _)| *n == id)
        .map(|(_, y)| *y)
    else {
        return;
    };
    let Some(node) = editor.doc().node(id) else {
        return;
    };
    let needed = state.camera.to_world(rect, egui::pos2(0.0, bottom)).y;
    let current = node.rect();
    if needed > current.max.y + 1.0 {
        let size = crate::model::Size::new(node.size.width, (needed - current.min.y).ceil());
        let edit = crate::edit::Edit::ResizeNode {
            id,
            position: node.position,
            size,
        };
        editor.apply_merging(edit, label, key);
    }
}
