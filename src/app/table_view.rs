//! The CMOC table beside the canvas: one row per card, sortable, filterable, editable in
//! place. Every change is an edit (undo works and the canvas updates at once). Only the rows
//! on screen are laid out, so 5,000 rows scroll smoothly.

use crate::model::{Node, NodeContent, NodeId, NodeKind, Point, Polarity, Target};
use crate::session::Editor;
use egui::{Align, Layout, RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

/// The columns, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableColumn {
    /// CMOC number.
    Number,
    /// Positive / negative.
    Polarity,
    /// The realist status (supported, refined, refuted, new…).
    Status,
    /// Short title.
    Title,
    /// Context.
    Context,
    /// Mechanism.
    Mechanism,
    /// Outcome.
    Outcome,
    /// Number of evidence items.
    Evidence,
    /// Number of open comments.
    Comments,
}

impl TableColumn {
    const ALL: [TableColumn; 9] = [
        TableColumn::Number,
        TableColumn::Polarity,
        TableColumn::Status,
        TableColumn::Title,
        TableColumn::Context,
        TableColumn::Mechanism,
        TableColumn::Outcome,
        TableColumn::Evidence,
        TableColumn::Comments,
    ];

    fn name(self) -> &'static str {
        match self {
            TableColumn::Number => "No.",
            TableColumn::Polarity => "Polarity",
            TableColumn::Status => "Status",
            TableColumn::Title => "Title",
            TableColumn::Context => "Context",
            TableColumn::Mechanism => "Mechanism",
            TableColumn::Outcome => "Outcome",
            TableColumn::Evidence => "Evidence",
            TableColumn::Comments => "Open comments",
        }
    }
}

/// Which polarities the table shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ShowPolarity {
    /// Both positive and negative CMOCs.
    #[default]
    Both,
    /// Only positive CMOCs.
    Positive,
    /// Only negative CMOCs.
    Negative,
}

/// The table's view state (not part of the document).
#[derive(Default)]
pub struct TableView {
    /// Only rows containing this text (any column, case ignored).
    pub filter: String,
    /// Which polarities to show.
    pub show: ShowPolarity,
    /// Only cards with this realist status (its name: "refuted"); none: every status.
    pub status: Option<&'static str>,
    /// The column to sort by and whether ascending.
    pub sort: Option<(TableColumn, bool)>,
    last_selection: Option<NodeId>,
    cache: Option<RowCache>,
}

/// The rows shown, and what they were computed from.
struct RowCache {
    revision: crate::model::Stamp,
    filter: String,
    show: ShowPolarity,
    status: Option<&'static str>,
    sort: Option<(TableColumn, bool)>,
    rows: Vec<NodeId>,
}

/// What the table asks the rest of the editor to do.
#[derive(Default)]
pub struct TableOutput {
    /// A row was picked: centre the canvas on this card.
    pub focus: Option<NodeId>,
    /// The user asked for a new card.
    pub add_card: bool,
}

impl TableView {
    /// The cards to show, in order; recomputed only when the document or the view changed.
    fn rows(&mut self, editor: &Editor) -> &[NodeId] {
        let key_matches = self.cache.as_ref().is_some_and(|c| {
            c.revision == editor.revision()
                && c.filter == self.filter
                && c.show == self.show
                && c.status == self.status
                && c.sort == self.sort
        });
        if !key_matches {
            let needle = self.filter.to_lowercase();
            let mut rows: Vec<&Node> = editor
                .doc()
                .nodes()
                .filter(|n| {
                    let Some(card) = n.content.cmoc() else {
                        return false;
                    };
                    let polarity_ok = match self.show {
                        ShowPolarity::Both => true,
                        ShowPolarity::Positive => card.polarity == Polarity::Positive,
                        ShowPolarity::Negative => card.polarity == Polarity::Negative,
                    };
                    let status_ok = self.status.is_none_or(|s| card.status.name() == s);
                    polarity_ok
                        && status_ok
                        && (needle.is_empty()
                            || card.number.to_string() == needle
                            || [&card.title, &card.context, &card.mechanism, &card.outcome]
                                .iter()
                                .any(|t| t.to_lowercase().contains(&needle)))
                })
                .collect();
            let (column, ascending) = self.sort.unwrap_or((TableColumn::Number, true));
            let doc = editor.doc();
            rows.sort_by(|a, b| {
                let (Some(x), Some(y)) = (a.content.cmoc(), b.content.cmoc()) else {
                    return std::cmp::Ordering::Equal;
                };
                let order = match column {
                    TableColumn::Number => (x.number, x.polarity).cmp(&(y.number, y.polarity)),
                    TableColumn::Polarity => (x.polarity, x.number).cmp(&(y.polarity, y.number)),
                    TableColumn::Status => (x.status, x.number).cmp(&(y.status, y.number)),
                    TableColumn::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
                    TableColumn::Context => x.context.to_lowercase().cmp(&y.context.to_lowercase()),
                    TableColumn::Mechanism => {
                        x.mechanism.to_lowercase().cmp(&y.mechanism.to_lowercase())
                    }
                    TableColumn::Outcome => x.outcome.to_lowercase().cmp(&y.outcome.to_lowercase()),
                    TableColumn::Evidence => x.evidence.len().cmp(&y.evidence.len()),
                    TableColumn::Comments => doc
                        .unresolved_count(Target::Node(a.id))
                        .cmp(&doc.unresolved_count(Target::Node(b.id))),
                };
                if ascending { order } else { order.reverse() }
            });
            let ids = rows.into_iter().map(|n| n.id).collect();
            self.cache = Some(RowCache {
                revision: editor.revision(),
                filter: self.filter.clone(),
                show: self.show,
                status: self.status,
                sort: self.sort,
                rows: ids,
            });
        }
        match &self.cache {
            Some(cache) => &cache.rows,
            None => &[],
        }
    }
}

fn edit_card(
    editor: &mut Editor,
    id: NodeId,
    field: &str,
    change: impl FnOnce(&mut crate::model::CmocCard),
) {
    editor.change_node(id, field, |node| {
        if let NodeContent::Cmoc(card) = &mut node.content {
            change(card);
        }
    });
}

/// The CMOC table in its panel under the canvas (its height the user's).
pub fn table_panel_ui(ui: &mut Ui, editor: &mut Editor, view: &mut TableView) -> TableOutput {
    egui::Panel::bottom("cmoc-table")
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| table_ui(ui, editor, view))
        .inner
}

/// Shows the CMOC table.
pub fn table_ui(ui: &mut Ui, editor: &mut Editor, view: &mut TableView) -> TableOutput {
    let mut output = TableOutput::default();
    ui.horizontal(|ui| table_toolbar_ui(ui, editor, view, &mut output));

    // Follow the canvas: a newly selected card scrolls into view.
    let selected = editor.selection.single_node();
    let rows: Vec<NodeId> = view.rows(editor).to_vec();
    let scroll_to = if selected != view.last_selection {
        view.last_selection = selected;
        selected.and_then(|id| rows.iter().position(|r| *r == id))
    } else {
        None
    };

    let mut clicked_row = None;
    // Wider than a laptop's canvas beside the side panel: the table scrolls sideways, so the
    // outcome and evidence columns can be reached.
    egui::ScrollArea::horizontal()
        .id_salt("cmoc-table-sideways")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let text_height = ui.text_style_height(&egui::TextStyle::Body);
            let row_height = text_height + 10.0;
            let mut table = TableBuilder::new(ui)
                .id_salt("cmoc-table")
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::exact(64.0))
                .column(Column::exact(82.0))
                .column(Column::initial(110.0).clip(true))
                .column(Column::initial(160.0).clip(true))
                .column(Column::initial(260.0).clip(true))
                .column(Column::initial(260.0).clip(true))
                .column(Column::initial(260.0).clip(true))
                .column(Column::exact(64.0))
                .column(Column::initial(70.0).at_least(60.0))
                .min_scrolled_height(0.0)
                // The table fills its panel: shrunk to a few filtered rows, the panel kept that height
                // after the filter was cleared, one row high.
                .auto_shrink([false, false]);
            if let Some(row) = scroll_to {
                table = table.scroll_to_row(row, Some(Align::Center));
            }
            table
                .header(22.0, |mut header| {
                    for column in TableColumn::ALL {
                        header.col(|ui| {
                            let arrow = match view.sort {
                                Some((c, true)) if c == column => " ^",
                                Some((c, false)) if c == column => " v",
                                _ => "",
                            };
                            if ui
                                .button(RichText::new(format!("{}{arrow}", column.name())).strong())
                                .on_hover_text("Sort by this column; click again to reverse")
                                .clicked()
                            {
                                view.sort = match view.sort {
                                    Some((c, ascending)) if c == column => {
                                        Some((column, !ascending))
                                    }
                                    _ => Some((column, true)),
                                };
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        let id = rows[row.index()];
                        let Some(card) = editor
                            .doc()
                            .node(id)
                            .and_then(|n| n.content.cmoc())
                            .cloned()
                        else {
                            return;
                        };
                        card_row_ui(&mut row, editor, id, &card, &mut clicked_row);
                        if row.response().clicked() {
                            clicked_row = Some(id);
                        }
                    });
                });
        });
    if let Some(id) = clicked_row
        && editor.selection.single_node() != Some(id)
    {
        editor.selection.set_node(id);
        view.last_selection = Some(id);
        output.focus = Some(id);
    }
    output
}

/// The row above the table: filter, polarity shown, Add CMOC and Delete selected.
fn table_toolbar_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    view: &mut TableView,
    output: &mut TableOutput,
) {
    ui.label(RichText::new("CMOC table").strong());
    let label = ui.label("Filter");
    ui.add(
        TextEdit::singleline(&mut view.filter)
            .hint_text("text or number")
            .desired_width(180.0),
    )
    .labelled_by(label.id);
    for (show, text) in [
        (ShowPolarity::Both, "Both"),
        (ShowPolarity::Positive, "Positive"),
        (ShowPolarity::Negative, "Negative"),
    ] {
        if ui.selectable_label(view.show == show, text).clicked() {
            view.show = show;
        }
    }
    let status_label = ui.label("Status");
    let shown = view.status.unwrap_or("any");
    egui::ComboBox::from_id_salt("table status filter")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut view.status, None, "any");
            for status in crate::model::Status::CHOICES {
                ui.selectable_value(&mut view.status, Some(status.name()), status.name());
            }
        })
        .response
        .labelled_by(status_label.id);
    ui.separator();
    if ui
        .button("Add CMOC")
        .on_hover_text("Add a card with the next free number")
        .clicked()
    {
        output.add_card = true;
    }
    let selected_cards: Vec<NodeId> = editor
        .selection
        .nodes
        .iter()
        .copied()
        .filter(|id| {
            editor
                .doc()
                .node(*id)
                .is_some_and(|n| n.kind() == NodeKind::Cmoc)
        })
        .collect();
    if ui
        .add_enabled(
            !selected_cards.is_empty(),
            egui::Button::new("Delete selected"),
        )
        .on_disabled_hover_text("Select one or more cards in the table to delete them")
        .clicked()
    {
        // The cards selected, not arrows selected on the canvas meanwhile.
        editor.selection.edges.clear();
        editor.perform(crate::session::Action::Delete);
    }
}

/// One card's row: number, polarity, its four texts (edited in place) and its counts.
fn card_row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    editor: &mut Editor,
    id: NodeId,
    card: &crate::model::CmocCard,
    clicked_row: &mut Option<NodeId>,
) {
    row.set_selected(editor.selection.nodes.contains(&id));
    row.col(|ui| {
        let mut number = card.number;
        if ui
            .add(egui::DragValue::new(&mut number).range(0..=99_999))
            .changed()
        {
            edit_card(editor, id, "number", |c| c.number = number);
        }
    });
    row.col(|ui| {
        let text = match card.polarity {
            Polarity::Positive => "positive",
            Polarity::Negative => "-ve",
        };
        if ui
            .button(text)
            .on_hover_text("Toggle positive / negative")
            .clicked()
        {
            editor.toggle_card(id);
        }
    });
    row.col(|ui| {
        let words = if card.status.is_untested() {
            String::new()
        } else {
            card.status.words()
        };
        let response = ui.label(&words);
        if !card.rationale.is_empty() {
            response.on_hover_text(&card.rationale);
        }
    });
    let fields: [(&str, String, super::CardText); 4] = [
        ("title", card.title.clone(), |c| &mut c.title),
        ("context", card.context.clone(), |c| &mut c.context),
        ("mechanism", card.mechanism.clone(), |c| &mut c.mechanism),
        ("outcome", card.outcome.clone(), |c| &mut c.outcome),
    ];
    for (field, text, slot) in fields {
        row.col(|ui| {
            if text.len() > super::MAX_EDIT_BYTES {
                ui.label(
                    RichText::new(format!(
                        "({} characters, too long to edit here; kept unchanged)",
                        text.chars().count()
                    ))
                    .weak(),
                );
                return;
            }
            let mut buffer = text.clone();
            let response = ui.add(TextEdit::singleline(&mut buffer).desired_width(f32::INFINITY));
            super::name_widget(ui, &response, &format!("CMOC {} {field}", card.number));
            if response.lost_focus() {
                editor.seal();
            }
            if response.has_focus() {
                *clicked_row = Some(id);
            }
            if buffer != text {
                edit_card(editor, id, field, |c| *slot(c) = buffer);
            }
        });
    }
    row.col(|ui| {
        ui.label(card.evidence.len().to_string());
    });
    row.col(|ui| {
        let open = editor.doc().unresolved_count(Target::Node(id));
        ui.label(if open == 0 {
            String::new()
        } else {
            open.to_string()
        });
    });
}

/// Where a card added from the table goes: right of everything, or at the origin.
pub fn new_card_position(editor: &Editor) -> Point {
    match editor.doc().bounds() {
        Some(b) => Point::new(b.max.x + 200.0, b.min.y + 150.0),
        None => Point::new(150.0, 125.0),
    }
}
