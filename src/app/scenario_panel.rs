//! The What if panel: the document's scenarios, to show on the canvas, make, rename, describe,
//! delete, and set — each IF-condition met, not met or unknown, and any node's activation by
//! hand — and to compare two of them node by node. Showing a scenario is view state; every
//! change to a scenario is an undoable edit (a burst of typing in a name or description is
//! one undo step).

use crate::model::{
    Activation, ConditionState, NodeId, NodeKind, Scenario, compare, describe_node,
};
use crate::session::Editor;
use egui::{RichText, TextEdit, Ui};

/// What the panel keeps between frames: the scenario compared with the one shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioPanel {
    /// The other scenario of the comparison (its place in the list).
    pub compare_with: Option<usize>,
}

/// What the panel did that the app must carry out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioOutput {
    /// Show this node on the canvas (selected and in view).
    pub show_node: Option<NodeId>,
    /// Open the split view comparing the shown scenario with this one.
    pub split_with: Option<usize>,
}

/// Shows the panel. `shown` is the scenario the canvas shows (changed when the user picks,
/// makes or deletes one).
pub fn scenario_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    shown: &mut Option<usize>,
    panel: &mut ScenarioPanel,
) -> ScenarioOutput {
    let mut out = ScenarioOutput::default();
    ui.label(
        RichText::new(
            "Suppose each IF-condition met or not, and see which pathway holds: inactive parts fade, partly active ones are hatched. Click a condition's chip on the canvas to flip it.",
        )
        .weak(),
    );
    let scenarios = editor.doc().scenarios().to_vec();
    if shown.is_some_and(|i| i >= scenarios.len()) {
        *shown = None;
    }
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let new = ui.button("New scenario");
        super::name_widget(ui, &new, "New scenario");
        if new.clicked()
            && let Some(index) = editor.new_scenario()
        {
            *shown = Some(index);
            changed = true;
        }
        if let Some(index) = *shown {
            let copy = ui.button("Duplicate");
            super::name_widget(ui, &copy, "Duplicate the scenario shown");
            if copy.clicked()
                && let Some(twin) = editor.duplicate_scenario(index)
            {
                *shown = Some(twin);
                changed = true;
            }
            let delete = ui.button("Delete");
            super::name_widget(ui, &delete, "Delete the scenario shown");
            if delete.clicked() && editor.delete_scenario(index) {
                *shown = None;
                panel.compare_with = None;
                changed = true;
            }
        }
    });
    ui.separator();
    if changed {
        // The list changed under this frame's copy: the next frame shows the new one.
        ui.ctx().request_repaint();
        return out;
    }
    if scenarios.is_empty() {
        ui.label(
            "This diagram has no scenarios yet. New scenario makes one; set its conditions below.",
        );
        return out;
    }
    ui.label(RichText::new("Show on the canvas").strong());
    let none = ui.radio(shown.is_none(), "None: the diagram as drawn");
    if none.clicked() {
        *shown = None;
    }
    for (i, s) in scenarios.iter().enumerate() {
        let r = ui.radio(*shown == Some(i), s.name.as_str());
        super::name_widget(ui, &r, &format!("Show scenario: {}", s.name));
        if r.clicked() {
            *shown = Some(i);
        }
    }
    let Some(index) = *shown else {
        return out;
    };
    ui.separator();
    edit_scenario(ui, editor, &scenarios, index);
    ui.separator();
    compare_ui(ui, editor, &scenarios, index, panel, &mut out);
    out
}

/// Name, description, conditions and overrides of scenario `index`.
fn edit_scenario(ui: &mut Ui, editor: &mut Editor, scenarios: &[Scenario], index: usize) {
    let scenario = &scenarios[index];
    let mut change: Option<(Vec<Scenario>, String)> = None;
    let mut typed: Option<(Vec<Scenario>, &str)> = None;
    ui.label(RichText::new("The scenario shown").strong());
    let mut name = scenario.name.clone();
    let r = ui.add(
        TextEdit::singleline(&mut name)
            .hint_text("Its name")
            .desired_width(f32::INFINITY),
    );
    super::name_widget(ui, &r, "Scenario name");
    if r.changed() {
        let mut all = scenarios.to_vec();
        all[index].name = name;
        typed = Some((all, "name"));
    }
    if r.lost_focus() {
        editor.seal();
    }
    let same_name = scenarios.iter().enumerate().any(|(i, other)| {
        i != index && other.name.trim().to_lowercase() == scenario.name.trim().to_lowercase()
    });
    if scenario.name.trim().is_empty() || same_name {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Give it a name of its own: exports and the command line find scenarios by name.",
        );
    }
    let mut description = scenario.description.clone();
    let r = ui.add(
        TextEdit::multiline(&mut description)
            .hint_text("What it supposes, in a sentence")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    super::name_widget(ui, &r, "Scenario description");
    if r.changed() {
        let mut all = scenarios.to_vec();
        all[index].description = description;
        typed = Some((all, "description"));
    }
    if r.lost_focus() {
        editor.seal();
    }

    ui.add_space(6.0);
    ui.label(RichText::new("IF-conditions").strong());
    let conditions: Vec<NodeId> = editor
        .doc()
        .nodes()
        .filter(|n| n.kind() == NodeKind::Condition)
        .map(|n| n.id)
        .collect();
    if conditions.is_empty() {
        ui.label("The diagram has no IF-condition: add one, or set nodes by hand below.");
    }
    for id in conditions {
        let what = describe_node(editor.doc(), id);
        ui.label(crate::model::shorten(&what, 120));
        ui.horizontal(|ui| {
            let now = scenario.condition(id);
            for state in [
                ConditionState::Met,
                ConditionState::NotMet,
                ConditionState::Unknown,
            ] {
                let r = ui.radio(now == state, state.words());
                super::name_widget(ui, &r, &format!("{what}: {}", state.words()));
                if r.clicked() && now != state {
                    let mut all = scenarios.to_vec();
                    all[index].set_condition(id, state);
                    change = Some((all, format!("Condition now {}", state.words())));
                }
            }
        });
    }

    if let Some(by_hand) = overrides_ui(ui, editor, scenarios, index) {
        change = Some(by_hand);
    }
    if let Some((all, label)) = change {
        editor.set_scenarios(all, &label);
    } else if let Some((all, field)) = typed {
        editor.type_in_scenarios(all, index, field);
    }
}

/// "Set by hand": the nodes whose activation the scenario fixes, and buttons to fix the
/// selected node's. The change asked for, with its undo label.
fn overrides_ui(
    ui: &mut Ui,
    editor: &Editor,
    scenarios: &[Scenario],
    index: usize,
) -> Option<(Vec<Scenario>, String)> {
    let scenario = &scenarios[index];
    let mut change = None;
    ui.add_space(6.0);
    ui.label(RichText::new("Set by hand").strong());
    ui.label(
        RichText::new("A node set by hand keeps its activation whatever flows into it.").weak(),
    );
    for (&id, &activation) in &scenario.overrides {
        let what = describe_node(editor.doc(), id);
        ui.horizontal_wrapped(|ui| {
            ui.label(crate::model::shorten(&what, 60));
            let mut chosen = activation;
            egui::ComboBox::from_id_salt(("override", id.0))
                .selected_text(chosen.words())
                .show_ui(ui, |ui| {
                    for a in Activation::ALL {
                        ui.selectable_value(&mut chosen, a, a.words());
                    }
                });
            if chosen != activation {
                let mut all = scenarios.to_vec();
                all[index].set_override(id, Some(chosen));
                change = Some((all, format!("Set {what} {}", chosen.words())));
            }
            let clear = ui.small_button("Follow the arrows");
            super::name_widget(ui, &clear, &format!("{what}: follow the arrows again"));
            if clear.clicked() {
                let mut all = scenarios.to_vec();
                all[index].set_override(id, None);
                change = Some((all, format!("{what} follows the arrows again")));
            }
        });
    }
    let selected = editor.selection.single_node();
    ui.horizontal_wrapped(|ui| {
        ui.label("Set the selected node:");
        for a in Activation::ALL {
            let r = ui
                .add_enabled(selected.is_some(), egui::Button::new(a.words()).small())
                .on_disabled_hover_text("Select one node on the canvas first");
            if r.clicked()
                && let Some(id) = selected
            {
                let mut all = scenarios.to_vec();
                all[index].set_override(id, Some(a));
                let what = describe_node(editor.doc(), id);
                change = Some((all, format!("Set {what} {}", a.words())));
            }
        }
    });
    change
}

/// Compare the shown scenario with another: the nodes whose state differs, and the split view.
fn compare_ui(
    ui: &mut Ui,
    editor: &Editor,
    scenarios: &[Scenario],
    index: usize,
    panel: &mut ScenarioPanel,
    out: &mut ScenarioOutput,
) {
    ui.label(RichText::new("Compare").strong());
    if scenarios.len() < 2 {
        ui.label("Make a second scenario to compare it with this one.");
        return;
    }
    if panel
        .compare_with
        .is_none_or(|i| i == index || i >= scenarios.len())
    {
        panel.compare_with = (0..scenarios.len()).find(|&i| i != index);
    }
    let Some(other) = panel.compare_with else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("With");
        egui::ComboBox::from_id_salt("compare-with")
            .selected_text(scenarios[other].name.as_str())
            .show_ui(ui, |ui| {
                for (i, s) in scenarios.iter().enumerate() {
                    if i != index {
                        ui.selectable_value(&mut panel.compare_with, Some(i), s.name.as_str());
                    }
                }
            });
        let split = ui.button("Side by side");
        super::name_widget(ui, &split, "Show the two scenarios side by side");
        if split.clicked() {
            out.split_with = Some(other);
        }
    });
    let (a, b) = (&scenarios[index], &scenarios[other]);
    let rows = compare(editor.doc(), a, b);
    if rows.is_empty() {
        ui.label("Every node is in the same state in both.");
        return;
    }
    ui.label(format!(
        "{} node{} differ{}:",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        if rows.len() == 1 { "s" } else { "" }
    ));
    egui::Grid::new("compare-table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label(RichText::new("Node").strong());
            // Short cells: the panel must not grow over the canvas.
            ui.label(RichText::new(crate::model::shorten(&a.name, 14)).strong())
                .on_hover_text(a.name.as_str());
            ui.label(RichText::new(crate::model::shorten(&b.name, 14)).strong())
                .on_hover_text(b.name.as_str());
            ui.end_row();
            for (id, first, second) in rows {
                let what = describe_node(editor.doc(), id);
                // A condition is met or not, rather than active.
                let is_condition = editor
                    .doc()
                    .node(id)
                    .is_some_and(|n| n.kind() == NodeKind::Condition);
                let (first, second) = if is_condition {
                    (a.condition(id).words(), b.condition(id).words())
                } else {
                    (first.words(), second.words())
                };
                let link = ui
                    .link(crate::model::shorten(&what, 26))
                    .on_hover_text(what.as_str());
                super::name_widget(
                    ui,
                    &link,
                    &format!("{what}: {first} in “{}”, {second} in “{}”", a.name, b.name),
                );
                if link.clicked() {
                    out.show_node = Some(id);
                }
                ui.label(first);
                ui.label(second);
                ui.end_row();
            }
        });
}
