//! The files the Linux package installs agree with each other and with the program: one
//! application id names the desktop entry, the icon, the metainfo and the window; the file
//! type the desktop entry opens is the one the MIME entry defines, by `*.cmoc.ron` and by an
//! older diagram's first line; the metainfo's newest release is this version. (Installing the
//! package for real is `scripts/package-test.sh`.)

const ID: &str = "io.github.cmoc_canvas.CmocCanvas";

fn read(name: &str) -> String {
    let path = format!("{}/assets/linux/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn one_id_names_the_desktop_entry_icon_metainfo_and_window() {
    let desktop = read(&format!("{ID}.desktop"));
    assert!(desktop.contains(&format!("\nIcon={ID}\n")));
    assert!(desktop.contains(&format!("\nStartupWMClass={ID}\n")));
    assert!(desktop.contains("\nExec=cmoc-canvas %f\n"));
    let metainfo = read(&format!("{ID}.metainfo.xml"));
    assert!(metainfo.contains(&format!("<id>{ID}</id>")));
    assert!(metainfo.contains(&format!(
        "<launchable type=\"desktop-id\">{ID}.desktop</launchable>"
    )));
    let svg = read(&format!("{ID}.svg"));
    roxmltree::Document::parse(&svg).expect("the icon is well-formed SVG");
    let window = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/app/window.rs"))
        .expect("window.rs");
    assert!(window.contains(&format!(".with_app_id(\"{ID}\")")));
}

#[test]
fn the_file_type_is_ours_by_name_and_by_content() {
    let desktop = read(&format!("{ID}.desktop"));
    assert!(desktop.contains("\nMimeType=application/x-cmoc-canvas;\n"));
    let mime = read(&format!("{ID}.xml"));
    let doc = roxmltree::Document::parse(&mime).expect("well-formed");
    let kind = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .and_then(|n| n.attribute("type"));
    assert_eq!(kind, Some("application/x-cmoc-canvas"));
    let glob = doc
        .descendants()
        .find(|n| n.has_tag_name("glob"))
        .and_then(|n| n.attribute("pattern"));
    assert_eq!(glob, Some("*.cmoc.ron"));
    // The magic is what every saved diagram begins with, within the bytes it looks at.
    let magic = doc
        .descendants()
        .find(|n| n.has_tag_name("match"))
        .expect("magic");
    let value = magic.attribute("value").expect("value");
    let (_, end) = magic
        .attribute("offset")
        .and_then(|o| o.split_once(':'))
        .expect("an offset range");
    let end: usize = end.parse().expect("a number");
    let saved =
        cmoc_canvas::file::to_ron_string(&cmoc_canvas::file::example_document()).expect("saves");
    let at = saved
        .find(value)
        .expect("a saved diagram names its format version");
    assert!(at <= end, "found at {at}, the magic looks up to {end}");
    for old in ["v1/holding.ron", "v7/holding.ron"] {
        let path = format!("{}/tests/fixtures/{old}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("fixture");
        assert!(text.find(value).is_some_and(|at| at <= end), "{old}");
    }
}

#[test]
fn the_metainfo_names_this_version() {
    let metainfo = read(&format!("{ID}.metainfo.xml"));
    let doc = roxmltree::Document::parse(&metainfo).expect("well-formed");
    let newest = doc
        .descendants()
        .find(|n| n.has_tag_name("release"))
        .and_then(|n| n.attribute("version"));
    assert_eq!(newest, Some(env!("CARGO_PKG_VERSION")));
}
