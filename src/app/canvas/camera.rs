//! The view onto the world: where world point (0, 0) sits on screen and how large one world
//! unit is. View state only; never part of the document.

use egui::{Pos2, Rect, Vec2, vec2};

/// Smallest zoom the user can zoom out to (10%).
pub const MIN_ZOOM: f32 = 0.1;
/// Smallest zoom "fit" may choose, so that even a 5,000-card synthesis fits on screen.
pub const MIN_FIT_ZOOM: f32 = 0.005;
/// Largest zoom (400%).
pub const MAX_ZOOM: f32 = 4.0;
/// The zoom a keyboard step multiplies or divides by.
pub const ZOOM_STEP: f32 = 1.25;

/// Pan and zoom of the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Screen offset of the world origin from the canvas's top-left corner, in points.
    pub offset: Vec2,
    /// Screen points per world unit (1.0 = 100%).
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            offset: vec2(40.0, 40.0),
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// Where a world point appears on screen.
    pub fn to_screen(&self, canvas: Rect, world: Pos2) -> Pos2 {
        canvas.min + self.offset + world.to_vec2() * self.zoom
    }

    /// A world rectangle on screen.
    pub fn rect_to_screen(&self, canvas: Rect, world: Rect) -> Rect {
        Rect::from_min_max(
            self.to_screen(canvas, world.min),
            self.to_screen(canvas, world.max),
        )
    }

    /// The world point under a screen point.
    pub fn to_world(&self, canvas: Rect, screen: Pos2) -> Pos2 {
        ((screen - canvas.min - self.offset) / self.zoom).to_pos2()
    }

    /// The part of the world the canvas shows.
    pub fn visible_world(&self, canvas: Rect) -> Rect {
        Rect::from_min_max(
            self.to_world(canvas, canvas.min),
            self.to_world(canvas, canvas.max),
        )
    }

    /// Zooms by `factor` keeping the world point under `screen_anchor` in place. Below 10%
    /// (reached only by fitting a huge diagram) zooming out goes no further.
    pub fn zoom_about(&mut self, canvas: Rect, screen_anchor: Pos2, factor: f32) {
        let world = self.to_world(canvas, screen_anchor);
        let floor = MIN_ZOOM.min(self.zoom);
        self.zoom = (self.zoom * factor).clamp(floor, MAX_ZOOM);
        self.offset = screen_anchor - canvas.min - world.to_vec2() * self.zoom;
    }

    /// Shows `world` whole and centred, with a margin, no closer than `max_zoom`.
    pub fn fit(&mut self, canvas: Rect, world: Rect, margin: f32, max_zoom: f32) {
        if !world.is_finite() || world.width() <= 0.0 || world.height() <= 0.0 {
            return;
        }
        let available = (canvas.size() - vec2(2.0 * margin, 2.0 * margin)).max(vec2(10.0, 10.0));
        let zoom = (available.x / world.width())
            .min(available.y / world.height())
            .clamp(MIN_FIT_ZOOM, max_zoom.min(MAX_ZOOM));
        self.zoom = zoom;
        self.offset = canvas.size() / 2.0 - world.center().to_vec2() * zoom;
    }

    /// Shows the world point `world` at the centre of the canvas, keeping the zoom.
    pub fn centre_on(&mut self, canvas: Rect, world: Pos2) {
        self.offset = canvas.size() / 2.0 - world.to_vec2() * self.zoom;
    }
}

impl super::CanvasState {
    /// Fits the whole diagram into view, leaving the bottom-left corner free for the legend.
    pub fn fit_diagram(&mut self, editor: &crate::session::Editor) {
        if let Some(bounds) = editor.doc().bounds() {
            let mut world = crate::scene::to_rect(bounds);
            // Reserve roughly the legend's height below the diagram.
            let legend_share = (self.legend_height / self.rect.height().max(1.0)).clamp(0.0, 0.4);
            world.max.y += world.height() * legend_share / (1.0 - legend_share);
            self.camera.fit(self.rect, world, 30.0, 1.0);
            self.fitted_view = Some((self.camera, self.rect));
        }
    }

    /// Fits the selected nodes into view.
    pub fn fit_selection(&mut self, editor: &crate::session::Editor) {
        let bounds = editor
            .selection
            .nodes
            .iter()
            .filter_map(|id| editor.doc().node(*id))
            .map(|n| n.rect())
            .reduce(|a, b| a.union(&b));
        if let Some(bounds) = bounds {
            self.camera
                .fit(self.rect, crate::scene::to_rect(bounds), 60.0, 1.5);
        }
    }

    /// Centres the view on a node, keeping the zoom.
    pub fn focus_node(&mut self, editor: &crate::session::Editor, id: crate::model::NodeId) {
        if let Some(node) = editor.doc().node(id) {
            let c = node.rect().center();
            self.camera.centre_on(self.rect, egui::pos2(c.x, c.y));
        }
    }

    /// While a scenario is shown and one node selected: the scenario's name and why the node
    /// is in its state there (for the inspector).
    pub fn scenario_note(&self, editor: &crate::session::Editor) -> Option<(String, String)> {
        let id = editor.selection.single_node()?;
        let doc = editor.doc();
        let scenario = doc.scenarios().get(self.scenario?)?;
        let outcome = self.scenario_outcome()?;
        Some((scenario.name.clone(), outcome.explain(doc, scenario, id)))
    }

    /// Zooms by `factor` about the canvas centre.
    pub fn zoom_by(&mut self, factor: f32) {
        let centre = self.rect.center();
        self.camera.zoom_about(self.rect, centre, factor);
    }

    /// Sets 100% zoom, keeping the centre.
    pub fn actual_size(&mut self) {
        let factor = 1.0 / self.camera.zoom;
        self.zoom_by(factor);
    }

    /// The centre of the view in world coordinates.
    pub fn view_centre(&self) -> Pos2 {
        self.camera.to_world(self.rect, self.rect.center())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn screen_and_world_round_trip_and_zoom_keeps_the_anchor() {
        let canvas = Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0));
        let mut camera = Camera::default();
        let anchor = pos2(500.0, 300.0);
        let world = camera.to_world(canvas, anchor);
        assert!((camera.to_screen(canvas, world) - anchor).length() < 1e-3);
        camera.zoom_about(canvas, anchor, 2.0);
        assert!((camera.to_world(canvas, anchor) - world).length() < 1e-3);
        camera.zoom_about(canvas, anchor, 1000.0);
        assert_eq!(camera.zoom, MAX_ZOOM);
        camera.zoom_about(canvas, anchor, 1e-6);
        assert_eq!(camera.zoom, MIN_ZOOM);
    }

    #[test]
    fn fit_may_go_below_ten_percent_and_zooming_out_stops_there() {
        let canvas = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let huge = Rect::from_min_size(pos2(0.0, 0.0), vec2(40_000.0, 30_000.0));
        let mut camera = Camera::default();
        camera.fit(canvas, huge, 0.0, 1.0);
        assert!(camera.zoom < MIN_ZOOM);
        let fitted = camera.zoom;
        camera.zoom_about(canvas, canvas.center(), 0.5);
        assert_eq!(camera.zoom, fitted);
        camera.zoom_about(canvas, canvas.center(), 1.25);
        assert!(camera.zoom > fitted);
    }

    #[test]
    fn fit_shows_the_whole_rectangle() {
        let canvas = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let world = Rect::from_min_size(pos2(-500.0, 0.0), vec2(4000.0, 1000.0));
        let mut camera = Camera::default();
        camera.fit(canvas, world, 20.0, 1.0);
        let visible = camera.visible_world(canvas);
        assert!(visible.contains_rect(world), "{visible:?}");
    }
}
