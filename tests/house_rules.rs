//! Sizes a reader can hold: no source file over 500 lines (functions over 120 lines are
//! refused by clippy, see clippy.toml); and a thin window: the window's struct is implemented
//! in the one file that defines it, each panel in its own.

/// Every `.rs` file under `dir`.
fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn no_file_in_src_is_over_500_lines() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(files.len() > 50, "{} files found", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).expect("read").lines().count();
            (lines > 500).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "split by purpose: {long:?}");
}

#[test]
fn the_window_is_implemented_only_where_it_is_defined() {
    let app = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut found: Vec<String> = rust_files(&app)
        .iter()
        .filter(|path| {
            std::fs::read_to_string(path)
                .expect("read")
                .lines()
                .any(|line| {
                    let line = line.trim_start();
                    // `impl EditorApp`, `impl super::EditorApp`, `impl crate::app::EditorApp`…
                    line.starts_with("impl ")
                        && line
                            .split_whitespace()
                            .nth(1)
                            .is_some_and(|ty| ty.rsplit("::").next() == Some("EditorApp"))
                })
        })
        .map(|path| {
            path.strip_prefix(&app)
                .expect("under src/app")
                .display()
                .to_string()
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        ["editor_app.rs"],
        "each part of the window keeps its state and its code; EditorApp only holds them"
    );
}
