//! The command line, run as a researcher would run it.

use std::process::Command;

fn cmoc_canvas() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/holding.ron");

/// Runs the command line with `args`, expects success, and returns what it printed.
fn printed(args: &[&str]) -> String {
    let out = cmoc_canvas().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn validate_summarises_the_example() {
    let out = cmoc_canvas()
        .args(["validate", EXAMPLE])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("27 CMOC cards (24 positive, 3 negative)"),
        "{text}"
    );
    assert!(text.contains("no problems"), "{text}");
}

#[test]
fn validate_reports_problems_and_fails_only_for_files_that_do_not_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let flawed = dir.path().join("flawed.ron");
    std::fs::write(
        &flawed,
        r#"(
    format_version: 1,
    nodes: [
        (id: 1, content: Cmoc((number: 4, polarity: Negative, context: "c", mechanism: "", outcome: "o")), position: (0.0, 0.0), size: (280.0, 200.0)),
    ],
    edges: [(id: 2, from: 1, to: 9)],
)"#,
    )
    .expect("write");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, nodes: [").expect("write");
    let out = cmoc_canvas()
        .arg("validate")
        .arg(&flawed)
        .output()
        .expect("runs");
    assert!(out.status.success(), "problems alone do not fail");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3 problems"), "{text}");
    assert!(text.contains("-ve CMOC 4 has an empty mechanism"), "{text}");
    assert!(text.contains("no positive twin"), "{text}");
    assert!(text.contains("node #9, which does not exist"), "{text}");

    let out = cmoc_canvas()
        .arg("validate")
        .arg(&flawed)
        .arg(&broken)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron, line 1, column"), "{err}");
}

#[test]
fn table_prints_table_4_sorted_by_number() {
    let out = cmoc_canvas()
        .args(["table", EXAMPLE])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "| No. | Polarity | Context | Mechanism | Outcome | Evidence sources |"
    );
    assert_eq!(lines.len(), 2 + 27);
    let numbers: Vec<u32> = lines[2..]
        .iter()
        .filter_map(|l| l.split('|').nth(1)?.trim().parse().ok())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    assert_eq!(numbers, sorted);
    assert!(text.contains("| 22 | negative |"), "{text}");
    assert!(text.contains(
        "| 1 | positive | When patients offload their troubles during meetings with a link worker they trust | because it helps them to feel unburdened | they feel their emotions are more manageable | Site01_LW01; Site03_P08 |"
    ));
}

#[test]
fn table_as_csv() {
    let out = cmoc_canvas()
        .args(["table", EXAMPLE, "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("No.,Polarity,Context,Mechanism,Outcome,Evidence sources\r\n"));
    assert_eq!(text.lines().count(), 28);
}

#[test]
fn export_writes_svg_and_png_without_a_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("figure.svg");
    let png = dir.path().join("figure.png");
    let out = cmoc_canvas()
        .args(["export", EXAMPLE, "--svg"])
        .arg(&svg)
        .arg("--png")
        .arg(&png)
        .args(["--scale", "1", "--legend"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("svg written");
    assert!(text.starts_with("<svg") && text.contains("-ve CMOC 22"));
    let bytes = std::fs::read(&png).expect("png written");
    assert_eq!(&bytes[1..4], b"PNG");
    let pdf = dir.path().join("figure.pdf");
    let said = printed(&["export", EXAMPLE, "--pdf", pdf.to_str().expect("path")]);
    assert!(said.starts_with("wrote "), "{said}");
    assert!(
        std::fs::read(&pdf)
            .expect("pdf written")
            .starts_with(b"%PDF-")
    );
    let missing = cmoc_canvas()
        .args(["export", EXAMPLE])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2), "asks where to write");
}

#[test]
fn import_builds_a_diagram_from_a_csv_table_and_reports_bad_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("cmocs.csv");
    std::fs::write(
        &csv,
        "No.,Context,Mechanism,Outcome\n1,c,m,o\nx,c,m,o\n2,c2,m2,o2\n",
    )
    .expect("write");
    let ron = dir.path().join("cmocs.ron");
    let out = cmoc_canvas()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(&ron)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("imported 2 CMOCs") && stdout.contains("1 row skipped"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 3") && stderr.contains("“x” is not a CMOC number"),
        "{stderr}"
    );
    let validated = cmoc_canvas()
        .arg("validate")
        .arg(&ron)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&validated.stdout).contains("2 CMOC cards"));

    std::fs::write(&csv, [0xff, 0xfe, b'N', 0]).expect("write");
    let out = cmoc_canvas()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(dir.path().join("second.ron"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CSV UTF-8"));
}

#[test]
fn table_as_sentences() {
    let out = cmoc_canvas()
        .args(["table", EXAMPLE, "--format", "sentences"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 27);
    assert!(text.contains("-ve CMOC 22 (not activated): If holding is explicitly communicated"));
}

/// Runs the command and returns (success, stderr), asserting `files` are byte-for-byte as before.
fn refused_keeping(args: &[&std::ffi::OsStr], files: &[&std::path::Path]) -> String {
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    let out = cmoc_canvas().args(args).output().expect("runs");
    assert!(!out.status.success(), "refused: {args:?}");
    for (f, b) in files.iter().zip(&before) {
        assert_eq!(
            &std::fs::read(f).expect("read"),
            b,
            "{} untouched",
            f.display()
        );
    }
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn no_command_writes_over_its_input_or_a_diagram() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().join("D.ron");
    std::fs::copy(EXAMPLE, &d).expect("copy");
    let os = |s: &'static str| std::ffi::OsStr::new(s);

    // export D.ron --svg D.ron: the diagram would become an SVG.
    let msg = refused_keeping(
        &[os("export"), d.as_os_str(), os("--svg"), d.as_os_str()],
        &[&d],
    );
    assert!(msg.contains("also the file being read"), "{msg}");

    // The same through a link, and through a hard link.
    #[cfg(unix)]
    {
        let link = dir.path().join("link.svg");
        std::os::unix::fs::symlink(&d, &link).expect("link");
        let msg = refused_keeping(
            &[os("export"), d.as_os_str(), os("--png"), link.as_os_str()],
            &[&d],
        );
        assert!(msg.contains("also the file being read"), "{msg}");
        let hard = dir.path().join("hard.svg");
        std::fs::hard_link(&d, &hard).expect("hard link");
        refused_keeping(
            &[os("export"), d.as_os_str(), os("--svg"), hard.as_os_str()],
            &[&d],
        );
    }

    // A figure over another diagram, or over a newer diagram.
    let other = dir.path().join("other.ron");
    std::fs::copy(EXAMPLE, &other).expect("copy");
    let msg = refused_keeping(
        &[os("export"), d.as_os_str(), os("--svg"), other.as_os_str()],
        &[&d, &other],
    );
    assert!(msg.contains("is a CMOC Canvas diagram"), "{msg}");
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, "(format_version: 99, future: true)\n").expect("write");
    let msg = refused_keeping(
        &[os("export"), d.as_os_str(), os("--png"), newer.as_os_str()],
        &[&newer],
    );
    assert!(msg.contains("newer CMOC Canvas"), "{msg}");

    // The same file twice as output.
    let fig = dir.path().join("fig.out");
    let out = cmoc_canvas()
        .args([
            os("export"),
            d.as_os_str(),
            os("--svg"),
            fig.as_os_str(),
            os("--png"),
            fig.as_os_str(),
        ])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(!fig.exists(), "nothing written");

    // import T.csv -o T.csv: the spreadsheet would become a diagram; -o over a newer diagram.
    let t = dir.path().join("T.csv");
    std::fs::write(&t, "No.,Context,Mechanism,Outcome\n1,c,m,o\n").expect("csv");
    let msg = refused_keeping(
        &[os("import"), t.as_os_str(), os("-o"), t.as_os_str()],
        &[&t],
    );
    assert!(msg.contains("also the file being read"), "{msg}");
    let msg = refused_keeping(
        &[os("import"), t.as_os_str(), os("-o"), newer.as_os_str()],
        &[&t, &newer],
    );
    assert!(msg.contains("newer CMOC Canvas"), "{msg}");

    // And the ordinary case still works.
    let svg = dir.path().join("D.svg");
    let out = cmoc_canvas()
        .args([os("export"), d.as_os_str(), os("--svg"), svg.as_os_str()])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(svg.is_file());
}

#[test]
fn notes_follow_the_path_of_the_example_in_plain_words() {
    let text = printed(&["notes", EXAMPLE]);
    assert!(text.starts_with("# Workshop notes: "), "{text}");
    assert!(text.contains("## Step 1 of"), "{text}");
    assert!(text.contains("How to read this"), "{text}");
    assert!(text.contains("**In plain words:**"), "{text}");
    assert!(text.contains("-ve CMOC 22"), "{text}");
    let csv = printed(&["notes", EXAMPLE, "--format", "csv"]);
    assert!(csv.starts_with(
        "Step,Card,Plain words,Context,Mechanism,Outcome,Entry,Group,Time (UTC),Words\r\n"
    ));
    let missing = cmoc_canvas()
        .args(["notes", "/nonexistent/holding.ron"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(!missing.stderr.is_empty());
}

#[test]
fn scenarios_lists_every_node_state_in_each_scenario() {
    let text = printed(&["scenarios", EXAMPLE]);
    let second = text
        .find("Not recognised or not supported")
        .expect("second scenario");
    let (first, second) = text.split_at(second);
    assert!(
        first.starts_with("Holding recognised and supported\n"),
        "{text}"
    );
    assert!(first.contains("  CMOC 13: active\n"), "{first}");
    assert!(first.contains("  -ve CMOC 10: not active\n"), "{first}");
    assert!(second.contains("  CMOC 13: not active\n"), "{second}");
    assert!(second.contains("  -ve CMOC 10: active\n"), "{second}");
    let csv = printed(&["scenarios", EXAMPLE, "--format", "csv"]);
    assert!(csv.starts_with("Scenario,Node,Kind,State,Why\r\n"));
    // A cell starting with "-" is written formula-safe, as in every CSV export.
    assert!(
        csv.contains("Not recognised or not supported,'-ve CMOC 11,CMOC card,active,"),
        "{csv}"
    );
}

#[test]
fn export_and_table_show_a_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("what-if.svg");
    let png = dir.path().join("what-if.png");
    let out = cmoc_canvas()
        .args(["export", EXAMPLE, "--legend", "--scale", "1"])
        .args(["--scenario", "Not recognised or not supported", "--svg"])
        .arg(&svg)
        .arg("--png")
        .arg(&png)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("svg written");
    // The scenario's name above the figure, its marks in the legend, the IF's state on its chip.
    assert!(
        text.contains(">What if: Not recognised or not supported<"),
        "title"
    );
    assert!(text.contains(">not active (faded)<") && text.contains(">partly active (hatched)<"));
    assert!(text.contains(">NOT MET<"), "the condition's chip");
    // Every card not active is marked so; -ve CMOC 10 is active, the failure that happens.
    assert!(text.contains(r#"data-state="not active""#));
    let mark_of = |cmoc: &str| {
        let at = text.find(cmoc).expect("card in the figure");
        let node = text[..at].rfind("data-node=\"").expect("node id") + 11;
        let id = &text[node..node + text[node..].find('"').expect("quote")];
        text.find(&format!(r#"class="scenario-state" data-node="{id}""#))
            .map(|i| text[i..i + 80].to_string())
    };
    assert!(
        mark_of(r#"data-cmoc="13" data-polarity="positive""#)
            .is_some_and(|m| m.contains("not active")),
        "CMOC 13 faded"
    );
    assert!(
        mark_of(r#"data-cmoc="10" data-polarity="negative""#)
            .is_some_and(|m| m.contains(r#"data-state="active""#)),
        "-ve CMOC 10 outlined as active"
    );
    assert_eq!(&std::fs::read(&png).expect("png written")[1..4], b"PNG");

    let csv = printed(&[
        "table",
        EXAMPLE,
        "--format",
        "csv",
        "--scenario",
        "Holding recognised and supported",
    ]);
    let header = csv.lines().next().expect("header");
    assert!(
        header.ends_with(",State in “Holding recognised and supported”"),
        "{header}"
    );
    assert!(csv.contains("\r\n13,positive,"), "{csv}");
    let row = |start: &str| {
        csv.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("row {start}"))
            .to_string()
    };
    assert!(row("13,positive,").ends_with(",active"));
    assert!(row("10,negative,").ends_with(",not active: this failure does not happen"));
    let markdown = printed(&[
        "table",
        EXAMPLE,
        "--scenario",
        "Not recognised or not supported",
    ]);
    assert!(markdown.contains("| State in “Not recognised or not supported” |"));
    assert!(
        markdown.contains("| active: this failure happens |"),
        "{markdown}"
    );

    // A name that is not there: told so, with the names there are, and nothing written.
    for args in [
        vec!["table", EXAMPLE, "--scenario", "Holding"],
        vec!["export", EXAMPLE, "--scenario", "Holding", "--svg"],
    ] {
        let mut command = cmoc_canvas();
        command.args(&args);
        let target = dir.path().join("nothing.svg");
        if args[0] == "export" {
            command.arg(&target);
        }
        let out = command.output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("There is no scenario called “Holding”")
                && err.contains(
                    "“Holding recognised and supported”, “Not recognised or not supported”"
                ),
            "{err}"
        );
        assert!(!target.exists());
    }
}

#[test]
fn import_reads_the_papers_marked_sentences_and_columns_mapped_by_hand() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("table4.ron");
    let sentences = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/table4-sentences.csv"
    );
    let said = printed(&["import", sentences, "-o", out.to_str().expect("utf-8 path")]);
    assert!(said.starts_with("imported 24 CMOCs"), "{said}");
    let table = printed(&["table", out.to_str().expect("path"), "--format", "csv"]);
    assert!(
        table.contains("\r\n11,positive,If link workers are not able to connect patients into a follow-on service or activity,\"as they feel responsible"),
        "{table}"
    );
    // Columns mapped by hand, by name and by place; a sentence without marks comes in whole.
    let csv = dir.path().join("mine.csv");
    std::fs::write(
        &csv,
        "Ref,Sentence,Src\n1,\"When a (C), then b (O) because c (M)\",x\n2,When d then e,y\n",
    )
    .expect("write");
    let mapped = dir.path().join("mine.ron");
    let run = cmoc_canvas()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(&mapped)
        .args([
            "--number",
            "1",
            "--sentence",
            "sentence",
            "--evidence",
            "Src",
        ])
        .output()
        .expect("runs");
    assert!(run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("line 3: CMOC 2 came in whole, in the context"),
        "{err}"
    );
    let table = printed(&["table", mapped.to_str().expect("path"), "--format", "csv"]);
    assert!(
        table.contains("\r\n1,positive,When a,because c,then b,x\r\n"),
        "{table}"
    );
    assert!(
        table.contains("\r\n2,positive,When d then e,,,y\r\n"),
        "{table}"
    );
    let wrong = cmoc_canvas()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(dir.path().join("never.ron"))
        .args(["--context", "Contexts"])
        .output()
        .expect("runs");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains(
        "There is no column called “Contexts”. The columns are: “Ref”, “Sentence”, “Src”."
    ));
    assert!(!dir.path().join("never.ron").exists());
}

#[test]
fn import_makes_the_arrows_a_links_column_names_and_lays_them_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("linked.ron");
    let linked = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/figure2-links.csv"
    );
    let said = printed(&["import", linked, "-o", out.to_str().expect("utf-8 path")]);
    assert!(
        said.starts_with("imported 9 CMOCs")
            && said.contains("with 8 arrows between them (laid out along them)"),
        "{said}"
    );
    let doc = cmoc_canvas::file::load_file(&out).expect("opens").document;
    assert_eq!(doc.edge_count(), 8);
    // The links column named by hand: "Leads to" is the fifth column.
    let csv = dir.path().join("renamed.csv");
    std::fs::write(&csv, "No.,C,M,O,Feeds\n1,a,b,c,2\n2,d,e,f,\n").expect("write");
    let mapped = dir.path().join("renamed.ron");
    let run = cmoc_canvas()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(&mapped)
        .args(["--links", "5"])
        .output()
        .expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("with 1 arrow between them"),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

#[test]
fn import_of_a_table_whose_links_form_cycles_finishes() {
    // The five-row table that hung Tidy for ever (rust-sugiyama's network simplex cycled).
    let dir = tempfile::tempdir().expect("temp dir");
    let table = dir.path().join("cycles.csv");
    std::fs::write(
        &table,
        "No.,Context,Mechanism,Outcome,Leads to\n1,c1,m1,o1,\"2, 3, 4\"\n2,c2,m2,o2,\"1, 4\"\n3,c3,m3,o3,\"1, 4\"\n4,c4,m4,o4,1\n5,c5,m5,o5,\"2, 3\"\n",
    )
    .expect("csv");
    let out = dir.path().join("cycles.ron");
    let text = printed(&[
        "import",
        &table.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert!(text.contains("imported 5 CMOCs"), "{text}");
    assert!(text.contains("10 arrows"), "{text}");
}

#[test]
fn import_over_an_existing_diagram_asks_for_add_or_replace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().join("D.ron");
    std::fs::copy(EXAMPLE, &d).expect("copy");
    let t = dir.path().join("T.csv");
    std::fs::write(&t, "No.,Context,Mechanism,Outcome\n91,c,m,o\n").expect("csv");
    let os = std::ffi::OsStr::new;
    let msg = refused_keeping(
        &[os("import"), t.as_os_str(), os("-o"), d.as_os_str()],
        &[&d],
    );
    assert!(msg.contains("--add") && msg.contains("--replace"), "{msg}");
    // --add keeps what was there and adds the card.
    let before = cmoc_canvas_model(&d);
    printed(&[
        "import",
        &t.to_string_lossy(),
        "-o",
        &d.to_string_lossy(),
        "--add",
    ]);
    let after = cmoc_canvas_model(&d);
    assert_eq!(after.0, before.0 + 1, "one more card");
    assert_eq!(after.1, before.1, "the scenarios are kept");
    // --replace writes a new diagram.
    printed(&[
        "import",
        &t.to_string_lossy(),
        "-o",
        &d.to_string_lossy(),
        "--replace",
    ]);
    assert_eq!(cmoc_canvas_model(&d), (1, 0));
}

/// The number of CMOC cards and of scenarios in the diagram at `path`.
fn cmoc_canvas_model(path: &std::path::Path) -> (usize, usize) {
    let doc = cmoc_canvas::file::load_file(path).expect("opens").document;
    (doc.cmoc_cards().count(), doc.scenarios().len())
}

#[test]
fn a_diagram_that_starts_with_a_comment_is_still_not_written_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = std::fs::read_to_string(EXAMPLE).expect("example");
    let os = std::ffi::OsStr::new;
    for (name, head) in [
        ("comment.ron", "// Workshop 3 - keep\n"),
        ("block.ron", "/* our theory */\n"),
        ("enable.ron", "#![enable(implicit_some)]\n"),
    ] {
        let d = dir.path().join(name);
        std::fs::write(&d, format!("{head}{example}")).expect("write");
        assert!(cmoc_canvas::file::load_file(&d).is_ok(), "{name} opens");
        let msg = refused_keeping(
            &[os("export"), os(EXAMPLE), os("--svg"), d.as_os_str()],
            &[&d],
        );
        assert!(msg.contains("is a CMOC Canvas diagram"), "{name}: {msg}");
    }
}

#[test]
fn scenarios_differing_only_in_capitals_are_told_apart_and_flagged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = cmoc_canvas::file::load_file(std::path::Path::new(EXAMPLE))
        .expect("example")
        .document;
    let mut scenarios = doc.scenarios().to_vec();
    let mut lower = scenarios[0].clone();
    lower.name = "support in place".into();
    lower.description = "the lower-case one".into();
    let mut upper = scenarios[1].clone();
    upper.name = "Support in place".into();
    scenarios.extend([lower, upper]);
    cmoc_canvas::edit::Edit::SetScenarios { scenarios }
        .apply(&mut doc)
        .expect("scenarios");
    let file = dir.path().join("twins.ron");
    cmoc_canvas::file::save_file(&doc, &file).expect("save");
    let f = file.to_string_lossy();
    let exact = printed(&["table", &f, "--scenario", "Support in place"]);
    let other = printed(&["table", &f, "--scenario", "support in place"]);
    assert_ne!(exact, other, "each name picks its own scenario");
    let out = cmoc_canvas()
        .args(["table", &f, "--scenario", "SUPPORT IN PLACE"])
        .output()
        .expect("runs");
    assert!(!out.status.success(), "an ambiguous name is refused");
    let report = printed(&["validate", &f]);
    assert!(report.contains("same name but for capitals"), "{report}");
}

#[test]
fn a_figure_of_an_imported_paper_table_prints_no_words_about_the_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ron = dir.path().join("luetsch.ron");
    let out = cmoc_canvas()
        .arg("import")
        .arg("tests/fixtures/import/luetsch-table5.csv")
        .arg("-o")
        .arg(&ron)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let svg = dir.path().join("figure.svg");
    let out = cmoc_canvas()
        .arg("export")
        .arg(&ron)
        .arg("--svg")
        .arg(&svg)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let figure = std::fs::read_to_string(&svg).expect("svg written");
    // The region is named after the table, as a figure can print it; nothing says "imported".
    assert!(figure.contains("CMOCs from luetsch-table5"), "region title");
    assert!(
        !figure.to_lowercase().contains("imported"),
        "a figure for a paper says nothing about how its cards came in"
    );
}
