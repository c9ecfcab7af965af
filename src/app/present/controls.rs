//! What the strip and the facilitator's window share: the button every control is, and the
//! room's groups — who is speaking now, the next one (G), each to choose.

use super::Stage;
use crate::scene::style::FACILITATOR_CONTROL_PX as CONTROL_PX;
use egui::{RichText, Ui};

impl Stage<'_> {
    /// The group comments are signed with now.
    pub fn current_group(&self) -> String {
        let groups = &self.settings.groups;
        groups
            .get(
                self.settings
                    .current_group
                    .min(groups.len().saturating_sub(1)),
            )
            .cloned()
            .unwrap_or_else(|| self.settings.author_name.clone())
    }

    pub(super) fn next_group(&mut self) {
        let n = self.settings.groups.len();
        if n > 0 {
            self.settings.current_group = (self.settings.current_group + 1) % n;
            self.save_settings();
        }
    }

    /// The groups: the next one (the strip), or each to choose (the facilitator's window).
    pub(in crate::app) fn group_controls(&mut self, ui: &mut Ui, slim: bool) -> Option<usize> {
        let mut chosen_group = None;
        let groups = self.settings.groups.clone();
        if groups.is_empty() {
            ui.label(RichText::new("Name the groups on the first step").size(CONTROL_PX));
        } else if slim {
            let group = self.current_group();
            let next = (self.settings.current_group + 1) % groups.len();
            if control_button(
                ui,
                &format!("Group: {group} (G)"),
                "Next group",
                groups.len() > 1,
            ) {
                chosen_group = Some(next);
            }
        } else {
            ui.label(RichText::new("Group:").size(CONTROL_PX));
            let current = self.current_group();
            for (i, g) in groups.iter().enumerate() {
                let r = ui.selectable_label(*g == current, RichText::new(g).size(CONTROL_PX));
                if r.has_focus() {
                    r.surrender_focus();
                }
                if r.clicked() {
                    chosen_group = Some(i);
                }
            }
        }
        chosen_group
    }
}

/// A control button with text of at least 20 px and a name a screen reader speaks.
pub(in crate::app) fn control_button(ui: &mut Ui, text: &str, name: &str, enabled: bool) -> bool {
    let r = ui.add_enabled(
        enabled,
        egui::Button::new(RichText::new(text).size(CONTROL_PX)),
    );
    crate::app::name_widget(ui, &r, name);
    // The clicker's Space and Enter would press a focused button ("Leave"!): the buttons are
    // for the mouse, and every one of them has a key.
    if r.has_focus() {
        r.surrender_focus();
    }
    r.clicked()
}
