//! The user guide (`docs/guide`) names only what the program has: every "**Menu → Item**" is an
//! item of that menu in the action table, every `<kbd>` key is a shortcut or key the program
//! binds, every picture is one `scripts/screenshots.sh` makes, every chapter exists. And the
//! action table's menus are the real window's: each action it places in a menu is found there.

mod common;

use cmoc_canvas::app::key_tables::every_key_name;
use cmoc_canvas::session::Action;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

const MENUS: [&str; 6] = ["File", "Edit", "Insert", "Arrange", "View", "Help"];

/// Menu items that are not actions: submenus.
const NOT_ACTIONS: [(&str, &str); 1] = [("File", "Open recent")];

fn guide_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guide/src")
}

/// The guide's hand-written pages (the generated keyboard page is checked by its own tests),
/// with their text.
fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir(guide_dir())
        .expect("docs/guide/src")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "keyboard.md"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                std::fs::read_to_string(&p).expect("page"),
            )
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 8, "the guide has lost pages: {pages:?}");
    pages
}

/// Problems with the menu paths of one page.
fn menu_problems(page: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let bold = regex::Regex::new(r"\*\*([^*]+?) → ([^*]+?)\*\*").expect("pattern");
    for found in bold.captures_iter(text) {
        let (menu, item) = (&found[1], &found[2]);
        if !MENUS.contains(&menu) {
            problems.push(format!(
                "{page}: **{menu} → {item}**: there is no {menu} menu"
            ));
            continue;
        }
        let known = Action::all().any(|a| a.menu() == Some(menu) && a.name() == item)
            || NOT_ACTIONS.contains(&(menu, item));
        if !known {
            problems.push(format!(
                "{page}: **{menu} → {item}**: the {menu} menu has no such item"
            ));
        }
    }
    // Other ways of writing a menu path would go unchecked.
    let loose = regex::Regex::new(r"\b(File|Edit|Insert|Arrange|View|Help) ?(>|->|»|›) ?[A-Z]")
        .expect("pattern");
    for found in loose.find_iter(text) {
        problems.push(format!(
            "{page}: “{}”: write menu paths as **Menu → Item**",
            found.as_str()
        ));
    }
    let unbolded =
        regex::Regex::new(r"(^|[^*])\b(File|Edit|Insert|Arrange|View|Help) → ").expect("pattern");
    for found in unbolded.find_iter(text) {
        problems.push(format!(
            "{page}: “{}”: a menu path must be in bold, **Menu → Item**, to be checked",
            found.as_str().trim()
        ));
    }
    problems
}

#[test]
fn every_menu_path_in_the_guide_is_a_real_menu_item() {
    let problems: Vec<String> = pages()
        .iter()
        .flat_map(|(page, text)| menu_problems(page, text))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_menu_path_check_catches_a_wrong_item_a_wrong_menu_and_a_loose_path() {
    assert!(menu_problems("p", "**File → Save As…** and **Help → User guide**").is_empty());
    assert_eq!(menu_problems("p", "**File → Save all**").len(), 1);
    assert_eq!(menu_problems("p", "**Tools → Save**").len(), 1);
    assert_eq!(menu_problems("p", "**Edit → Save**").len(), 1);
    assert_eq!(menu_problems("p", "choose File > Save").len(), 1);
    assert_eq!(menu_problems("p", "choose View → Present…").len(), 1);
}

/// Problems with the keys of one page.
fn key_problems(page: &str, text: &str) -> Vec<String> {
    let names = every_key_name();
    let kbd = regex::Regex::new(r"<kbd>(.*?)</kbd>").expect("pattern");
    kbd.captures_iter(text)
        .filter(|k| !names.contains(&k[1]))
        .map(|k| format!("{page}: <kbd>{}</kbd> is no key of CMOC Canvas", &k[1]))
        .collect()
}

#[test]
fn every_key_in_the_guide_is_one_the_program_binds() {
    let problems: Vec<String> = pages()
        .iter()
        .flat_map(|(page, text)| key_problems(page, text))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_key_check_knows_shortcuts_canvas_and_presenting_keys_and_nothing_else() {
    for good in [
        "Ctrl+S",
        "Ctrl+Shift+S",
        "F5",
        "Page Down",
        "Shift+Tab",
        "Ctrl+Enter",
        "J",
        "3",
    ] {
        assert!(
            key_problems("p", &format!("<kbd>{good}</kbd>")).is_empty(),
            "{good}"
        );
    }
    for bad in ["Ctrl+Alt+Del", "Ctrl+P", "PgDn", "Cmd+S", "X"] {
        assert_eq!(
            key_problems("p", &format!("<kbd>{bad}</kbd>")).len(),
            1,
            "{bad}"
        );
    }
}

#[test]
fn every_picture_is_made_by_the_screenshot_script_and_is_there() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("scripts/screenshots.sh")).expect("script");
    let image = regex::Regex::new(r"\]\((images/[^)]+)\)").expect("pattern");
    let mut seen = 0;
    for (page, text) in pages() {
        for found in image.captures_iter(&text) {
            let path = &found[1];
            let name = path.trim_start_matches("images/");
            assert!(
                script.contains(&format!("shoot {name} ")),
                "{page}: {path} is not made by scripts/screenshots.sh"
            );
            assert!(
                guide_dir().join(path).is_file(),
                "{page}: {path} is missing: run bash scripts/screenshots.sh"
            );
            seen += 1;
        }
    }
    assert!(seen >= 5, "the guide shows only {seen} pictures");
}

#[test]
fn every_chapter_of_the_summary_exists_and_every_page_is_a_chapter() {
    let summary = std::fs::read_to_string(guide_dir().join("SUMMARY.md")).expect("summary");
    let link = regex::Regex::new(r"\]\(([^)]+\.md)\)").expect("pattern");
    let chapters: Vec<String> = link
        .captures_iter(&summary)
        .map(|c| c[1].to_string())
        .collect();
    for chapter in &chapters {
        // The keyboard page is written when the guide is built.
        assert!(
            chapter == "keyboard.md" || guide_dir().join(chapter).is_file(),
            "SUMMARY.md names {chapter}, which is missing"
        );
    }
    for (page, _) in pages() {
        assert!(
            page == "SUMMARY.md" || chapters.contains(&page),
            "{page} is not in SUMMARY.md: no reader would find it"
        );
    }
    assert!(chapters.iter().any(|c| c == "keyboard.md"));
}

#[test]
fn each_action_the_table_puts_in_a_menu_is_in_that_menu_of_the_window() {
    let (_dir, mut h) = common::editor_harness();
    for menu in MENUS {
        let items: Vec<Action> = Action::all().filter(|a| a.menu() == Some(menu)).collect();
        let before: Vec<usize> = items
            .iter()
            .map(|a| h.query_all_by_label_contains(a.name()).count())
            .collect();
        h.get_by_label(menu).click();
        h.run_steps(3);
        for (action, before) in items.iter().zip(&before) {
            let now = h.query_all_by_label_contains(action.name()).count();
            assert!(
                now > *before,
                "{action:?} (“{}”) is not in the {menu} menu",
                action.name()
            );
        }
        // Closed again, so the next menu's items are counted from the window without it.
        common::press(&mut h, egui::Modifiers::NONE, egui::Key::Escape);
        let first = h.query_all_by_label_contains(items[0].name()).count();
        assert_eq!(first, before[0], "the {menu} menu did not close");
    }
}

#[test]
fn help_user_guide_says_how_to_get_the_guide_when_it_is_not_beside_the_program() {
    // The test program lives in target/debug/deps: no guide is installed beside it (and the
    // test command sets no CMOC_CANVAS_GUIDE_DIR).
    let (_dir, mut h) = common::editor_harness();
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label_contains("User guide").click();
    h.run_steps(3);
    let status = &h.state().editor.status;
    assert!(
        status.contains("not installed") && status.contains("bash scripts/guide.sh"),
        "{status}"
    );
}

#[test]
fn the_keyboard_list_keeps_to_a_laptop_dialog_with_the_presenting_keys_sentences_wrapped() {
    use cmoc_canvas::app::key_tables::PresentKey;
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    common::press(&mut h, egui::Modifiers::NONE, egui::Key::F1);
    let longest = h.get_by_label(PresentKey::Digit.what()).rect();
    let heading = h.get_by_label("Ctrl+N").rect();
    // Before, the grid grew to 1,230 px: one line per sentence.
    assert!(
        longest.right() - heading.left() < 700.0,
        "the list is {} px wide",
        longest.right() - heading.left()
    );
    assert!(
        longest.height() > 30.0,
        "the sentence is not wrapped: {longest:?}"
    );
}
