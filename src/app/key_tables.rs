//! The keys that are not a menu command's shortcut — on the canvas, in a comment box, while
//! presenting — as tables. The code that handles those keys reads them from here, Help →
//! Keyboard shortcuts lists them, and the user guide's keyboard page is written from them with
//! the action table's shortcuts ([`reference_markdown`]), so none of the three can drift.

use super::shortcuts::{Shortcuts, key_words, shortcut_words_on};
use crate::session::Action;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A key of presenting (the window full screen, one step at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum PresentKey {
    /// The next step (what a clicker's "next" sends).
    Next,
    /// The step before.
    Previous,
    /// The first step.
    First,
    /// The last step.
    Last,
    /// A digit of a CMOC number to go to; 1, 2 or 3 alone is a reaction.
    Digit,
    /// Go to the CMOC number typed.
    Jump,
    /// Stop presenting (or forget the number typed).
    Leave,
    /// Write down what the room says about the card.
    Comment,
    /// The next group of the room.
    Group,
    /// Show or hide the speaker notes.
    Notes,
    /// The next card within a step that shows several.
    Within,
    /// Show the next scenario.
    Scenario,
    /// Hide or show the strip of buttons.
    Strip,
    /// The facilitator's own window, on the laptop.
    Facilitator,
    /// Light or dark, for the light in the room.
    Theme,
    /// Switch the card between activated and not (-ve).
    Toggle,
    /// Let the room join from their phones, or stop.
    Join,
    /// Show the join card (QR code and join code) again, or hide it.
    JoinCard,
    /// Put the oldest comment waiting from a phone onto its card.
    Accept,
}

impl PresentKey {
    /// The keys, any of which does it (none with a modifier).
    pub fn keys(self) -> &'static [Key] {
        use Key as K;
        match self {
            Self::Next => &[K::ArrowRight, K::PageDown, K::Space, K::ArrowDown],
            Self::Previous => &[K::ArrowLeft, K::PageUp, K::Backspace, K::ArrowUp],
            Self::First => &[K::Home],
            Self::Last => &[K::End],
            Self::Digit => &[
                K::Num0,
                K::Num1,
                K::Num2,
                K::Num3,
                K::Num4,
                K::Num5,
                K::Num6,
                K::Num7,
                K::Num8,
                K::Num9,
            ],
            Self::Jump => &[K::Enter],
            Self::Leave => &[K::Escape, K::F5],
            Self::Comment => &[K::C],
            Self::Group => &[K::G],
            Self::Notes => &[K::N],
            Self::Within => &[K::Tab],
            Self::Scenario => &[K::S],
            Self::Strip => &[K::H],
            Self::Facilitator => &[K::F],
            Self::Theme => &[K::D],
            Self::Toggle => &[K::T],
            Self::Join => &[K::J],
            Self::JoinCard => &[K::Q],
            Self::Accept => &[K::A],
        }
    }

    /// What it does, in a facilitator's words.
    pub fn what(self) -> &'static str {
        match self {
            Self::Next => "Next step (a presentation clicker's next)",
            Self::Previous => "Step before",
            Self::First => "First step",
            Self::Last => "Last step",
            Self::Digit => {
                "Type a CMOC number, then Enter to go to it; 1, 2 or 3 alone is the group's reaction to the card: agrees, not sure, disagrees"
            }
            Self::Jump => "Go to the CMOC number typed",
            Self::Leave => "Stop presenting (or forget a number being typed)",
            Self::Comment => "Write down what the room says about the card",
            Self::Group => "Next group of the room (comments and reactions are signed by it)",
            Self::Notes => "Show or hide the speaker notes",
            Self::Within => "Next card within a step that shows several",
            Self::Scenario => "Show the next what-if scenario",
            Self::Strip => "Hide or show the strip of buttons along the bottom",
            Self::Facilitator => {
                "Open or close the facilitator's own window: your notes, what comes next, the room's comments"
            }
            Self::Theme => "Dark or light projector theme, for the light in the room",
            Self::Toggle => "Switch the card between activated and not activated (-ve)",
            Self::Join => "Let the room join from their phones, or stop",
            Self::JoinCard => "Show the join card (QR code and join code) again, or hide it",
            Self::Accept => "Accept the oldest comment waiting from a phone onto its card",
        }
    }

    /// The keys as people name them: "Right arrow / Page Down / Space / Down arrow", "0 – 9".
    pub fn words(self) -> String {
        match self {
            Self::Digit => "0 – 9".into(),
            other => other
                .keys()
                .iter()
                .map(|k| key_words(*k))
                .collect::<Vec<_>>()
                .join(" / "),
        }
    }

    /// True when one of its keys was pressed this frame (the key is taken).
    pub fn pressed(self, ctx: &egui::Context) -> bool {
        self.keys()
            .iter()
            .any(|key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, *key)))
    }
}

/// A key of the canvas when no text is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum CanvasKey {
    /// Keyboard focus to the next node in reading order.
    NextNode,
    /// Keyboard focus to the node before.
    PreviousNode,
    /// Open the focused node in the inspector.
    Inspect,
    /// Edit the focused node's text in place.
    EditText,
    /// Move the selection a little.
    Nudge,
    /// Move the selection ten times as far.
    NudgeFar,
}

/// The arrow keys, each with the direction it moves the selection.
pub const ARROWS: [(Key, f32, f32); 4] = [
    (Key::ArrowLeft, -1.0, 0.0),
    (Key::ArrowRight, 1.0, 0.0),
    (Key::ArrowUp, 0.0, -1.0),
    (Key::ArrowDown, 0.0, 1.0),
];

impl CanvasKey {
    /// The shortcuts, any of which does it.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let with = |modifiers| {
            ARROWS
                .iter()
                .map(|(key, _, _)| KeyboardShortcut::new(modifiers, *key))
                .collect()
        };
        match self {
            Self::NextNode => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Tab)],
            Self::PreviousNode => vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab)],
            Self::Inspect => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Enter)],
            Self::EditText => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F2)],
            Self::Nudge => with(Modifiers::NONE),
            Self::NudgeFar => with(Modifiers::SHIFT),
        }
    }

    /// What it does.
    pub fn what(self) -> &'static str {
        match self {
            Self::NextNode => "Move keyboard focus to the next node, in reading order",
            Self::PreviousNode => "Move keyboard focus to the node before",
            Self::Inspect => "Open the focused node in the inspector",
            Self::EditText => "Edit the focused node's text in place",
            Self::Nudge => "Move the selection a little",
            Self::NudgeFar => "Move the selection ten times as far",
        }
    }

    /// True when one of its shortcuts was pressed this frame (the key is taken).
    pub fn pressed(self, ui: &egui::Ui) -> bool {
        self.shortcuts()
            .iter()
            .any(|s| ui.input_mut(|i| i.consume_key(s.modifiers, s.logical_key)))
    }
}

/// The key of a comment box (the side panel's, presenting's, the facilitator's) that adds the
/// comment.
pub const ADD_COMMENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter);

/// What the pointer does on the canvas (no key to bind; listed with the keys).
pub const POINTER: [(&str, &str); 6] = [
    ("Middle drag, Space + drag, wheel", "Pan"),
    ("Ctrl + wheel, pinch", "Zoom about the pointer"),
    ("Double-click empty canvas", "Add a CMOC card"),
    ("Double-click a text", "Edit it in place"),
    ("Click a CMOC badge", "Toggle positive / negative"),
    ("Drag from a node's + handle", "Connect to another node"),
];

/// Every shortcut as the guide may write it (Ctrl, not Cmd): the action table's, the canvas's,
/// the comment box's and each presenting key on its own.
pub fn every_key_name() -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    for action in Action::all() {
        names.extend(
            action
                .shortcuts()
                .iter()
                .map(|s| shortcut_words_on(s, false)),
        );
    }
    for key in <CanvasKey as strum::IntoEnumIterator>::iter() {
        names.extend(key.shortcuts().iter().map(|s| shortcut_words_on(s, false)));
    }
    names.insert(shortcut_words_on(&ADD_COMMENT, false));
    for key in <PresentKey as strum::IntoEnumIterator>::iter() {
        names.extend(key.keys().iter().map(|k| key_words(*k).to_string()));
    }
    names
}

/// A key as the guide writes it, `<kbd>Ctrl+S</kbd>` (the guide's test reads them back).
fn kbd(words: &str) -> String {
    format!("<kbd>{words}</kbd>")
}

/// One line of a Markdown table; `|` in the text would end a cell.
fn row(keys: &str, what: &str) -> String {
    format!(
        "| {} | {} |\n",
        keys.replace('|', "\\|"),
        what.replace('|', "\\|")
    )
}

/// The user guide's keyboard page, written from the tables (the command-line example
/// `guide_files` writes it when the guide is built). Ctrl as on Linux and Windows; the page
/// says Cmd on a Mac.
pub fn reference_markdown() -> String {
    let mut page = String::from(
        "# Keyboard reference\n\n\
         <!-- Written by `cargo run --example guide_files` from the program's own tables of \
         commands and keys: edit those, not this page. -->\n\n\
         The keys of CMOC Canvas. On a Mac, press Cmd where this page says Ctrl. Every command \
         is also in the command palette (Ctrl+K): type a few letters of its name. In the \
         program, **Help → Keyboard shortcuts** lists the same keys.\n",
    );
    let menus = ["File", "Edit", "Insert", "Arrange", "View", "Help"];
    for menu in menus.iter().copied().map(Some).chain([None]) {
        let mut rows = String::new();
        for action in Action::all().filter(|a| a.menu() == menu) {
            let keys: Vec<String> = action
                .shortcuts()
                .iter()
                .map(|s| kbd(&shortcut_words_on(s, false)))
                .collect();
            if !keys.is_empty() {
                let name = match menu {
                    Some(menu) => format!("**{menu} → {}**", action.name()),
                    None => action.name().to_string(),
                };
                rows.push_str(&row(
                    &keys.join(" or "),
                    &format!("{name}: {}", action.description()),
                ));
            }
        }
        if !rows.is_empty() {
            let heading = menu.map_or_else(
                || "Elsewhere".to_string(),
                |menu| format!("The {menu} menu"),
            );
            page.push_str(&format!(
                "\n## {heading}\n\n| Keys | Command |\n|---|---|\n{rows}"
            ));
        }
    }
    page.push_str("\n## On the canvas\n\nWhen no text is being edited.\n\n| Keys | What it does |\n|---|---|\n");
    for key in <CanvasKey as strum::IntoEnumIterator>::iter() {
        let keys: Vec<String> = key
            .shortcuts()
            .iter()
            .map(|s| kbd(&shortcut_words_on(s, false)))
            .collect();
        page.push_str(&row(&keys.join(" "), key.what()));
    }
    page.push_str(&row(
        &kbd(&shortcut_words_on(&ADD_COMMENT, false)),
        "In a comment box: add the comment",
    ));
    page.push_str("\n## While presenting\n\n| Keys | What it does |\n|---|---|\n");
    for key in <PresentKey as strum::IntoEnumIterator>::iter() {
        let keys: Vec<String> = key.keys().iter().map(|k| kbd(key_words(*k))).collect();
        page.push_str(&row(&keys.join(" "), key.what()));
    }
    page.push_str("\n## With the pointer\n\n| Pointer | What it does |\n|---|---|\n");
    for (how, what) in POINTER {
        page.push_str(&row(how, what));
    }
    page
}

/// Help → Keyboard shortcuts: every key, from the tables that bind them; true when closed.
pub(super) fn shortcuts_ui(ui: &mut egui::Ui) -> bool {
    ui.heading("Keyboard shortcuts");
    let ctx = ui.ctx().clone();
    // The list scrolls so the window fits a 768-pixel laptop screen, Close button included.
    let height = (ctx.content_rect().height() - 160.0).max(160.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        .show(ui, |ui| {
            // Columns of at most half the dialog, their words wrapped: the presenting keys'
            // descriptions are sentences.
            let grid = egui::Grid::new("shortcuts")
                .striped(true)
                .max_col_width(270.0);
            grid.show(ui, |ui| {
                for action in Action::all() {
                    let keys: Vec<String> = action
                        .shortcuts()
                        .iter()
                        .map(|s| super::shortcuts::shortcut_words(&ctx, s))
                        .collect();
                    if keys.is_empty() {
                        continue;
                    }
                    ui.label(egui::RichText::new(keys.join("  or  ")).monospace());
                    ui.label(action.name());
                    ui.end_row();
                }
                use strum::IntoEnumIterator;
                let line = |ui: &mut egui::Ui, keys: &str, what: &str| {
                    ui.add(egui::Label::new(egui::RichText::new(keys).monospace()).wrap());
                    ui.add(egui::Label::new(what).wrap());
                    ui.end_row();
                };
                for key in CanvasKey::iter() {
                    let keys: Vec<String> = key
                        .shortcuts()
                        .iter()
                        .map(|s| super::shortcuts::shortcut_words(&ctx, s))
                        .collect();
                    line(ui, &keys.join(" "), key.what());
                }
                line(
                    ui,
                    &super::shortcuts::shortcut_words(&ctx, &ADD_COMMENT),
                    "In a comment box: add the comment",
                );
                for (keys, what) in POINTER {
                    line(ui, keys, what);
                }
                ui.label(egui::RichText::new("While presenting").strong());
                ui.end_row();
                for key in PresentKey::iter() {
                    line(ui, &key.words(), key.what());
                }
            });
        });
    ui.button("Close").clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn no_presenting_key_does_two_things() {
        let mut seen = std::collections::HashSet::new();
        for key in PresentKey::iter() {
            for k in key.keys() {
                assert!(seen.insert(*k), "{k:?} is bound twice while presenting");
            }
        }
    }

    #[test]
    fn the_keyboard_page_names_every_shortcut_and_presenting_key() {
        let page = reference_markdown();
        for name in every_key_name() {
            assert!(
                page.contains(&format!("<kbd>{name}</kbd>")),
                "{name} is missing from the keyboard page"
            );
        }
        assert!(page.contains("<kbd>Ctrl+Shift+S</kbd>"));
        assert!(page.contains("**File → Save As…**"));
        assert!(page.contains("<kbd>Page Down</kbd>"));
        // A key named with a | would break the table; none is, and none is written raw.
        assert!(!page.contains("<kbd></kbd>"));
    }
}
