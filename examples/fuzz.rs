//! A stable-Rust fuzzer for everything a file or the clipboard can reach: opening a diagram
//! (then validating, drawing, exporting SVG and PNG, saving and opening again), importing a
//! CSV table, and pasting. Inputs are our own fixtures mutated at random — bytes flipped,
//! ranges cut, copied and spliced, and tokens from a dictionary of the format's words and of
//! the worst numbers — so most of them are nearly valid and reach deep.
//!
//! A panic anywhere is a finding: the input is saved under `target/fuzz-findings/` and the run
//! fails. `cargo fuzz` needs a nightly toolchain, which a fresh machine here does not have;
//! this driver runs on stable, in CI and for long runs.
//!
//! Run: `cargo run --release --example fuzz -- [--seconds N] [--inputs N] [--seed N]`
//! (the test command runs 60 s; the README gives a long run's figures).

use cmoc_canvas::app::{Editor, Origin};
use cmoc_canvas::file::{load_bytes, load_str, to_ron_string};
use cmoc_canvas::interchange::{
    FigureOptions, TableFormat, figure_png, figure_svg, import_csv, import_edit, write_table,
};
use cmoc_canvas::model::{Document, validate};
use cmoc_canvas::scene::{Lod, Palette, Scene};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const SEEDS: [&[u8]; 5] = [
    include_bytes!("../tests/fixtures/v1/holding.ron"),
    include_bytes!("../tests/fixtures/v1/every-kind.ron"),
    include_bytes!("../tests/fixtures/v1/every-kind-by-hand.ron"),
    include_bytes!("../assets/examples/table4.csv"),
    b"No.,Context,Mechanism,Outcome,Polarity\n1,\"c, \"\"quoted\"\"\",m,o,-ve\n2,c,m,o,\n",
];

const TOKENS: [&str; 48] = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "NaN",
    "inf",
    "-inf",
    "1e39",
    "-1e39",
    "3.4e38",
    "-1",
    "0",
    "0.0",
    "-0.0",
    "1e-45",
    "18446744073709551615",
    "4294967296",
    "99999999999999999999999",
    "Some(",
    "None",
    "Cmoc((",
    "Region((",
    "Condition((",
    "Node(",
    "Edge(",
    "format_version",
    "format_version: 2",
    "id: 1",
    "from: 1, to: 1",
    "position: (NaN, inf)",
    "size: (0.0, -1.0)",
    "\\u{0}",
    "r#\"",
    "/*",
    "//",
    "\u{feff}",
    "é\u{301}",
    "\n",
    "\r",
    "\t",
    "#![enable(implicit_some)]",
    "=HYPERLINK(\"x\")",
];

struct Args {
    seconds: Option<u64>,
    inputs: Option<u64>,
    seed: u64,
}

fn args() -> Args {
    let mut out = Args {
        seconds: None,
        inputs: None,
        seed: 1,
    };
    let list: Vec<String> = std::env::args().skip(1).collect();
    for pair in list.chunks(2) {
        let value = pair.get(1).and_then(|v| v.parse().ok());
        match pair[0].as_str() {
            "--seconds" => out.seconds = value,
            "--inputs" => out.inputs = value,
            "--seed" => out.seed = value.unwrap_or(1),
            other => eprintln!("fuzz: ignoring {other}"),
        }
    }
    if out.seconds.is_none() && out.inputs.is_none() {
        out.seconds = Some(60);
    }
    out
}

fn mutate(rng: &mut fastrand::Rng, input: &mut Vec<u8>) {
    for _ in 0..rng.usize(1..=4) {
        let len = input.len();
        match rng.u8(0..8) {
            0 if len > 0 => {
                let at = rng.usize(0..len);
                input[at] = rng.u8(..);
            }
            1 if len > 0 => {
                let at = rng.usize(0..len);
                let end = (at + rng.usize(1..64)).min(len);
                input.drain(at..end);
            }
            2 if len > 0 => {
                let at = rng.usize(0..len);
                let end = (at + rng.usize(1..256)).min(len);
                let piece: Vec<u8> = input[at..end].to_vec();
                let to = rng.usize(0..=input.len());
                input.splice(to..to, piece);
            }
            3 => {
                let other = SEEDS[rng.usize(0..SEEDS.len())];
                if !other.is_empty() {
                    let at = rng.usize(0..other.len());
                    let end = (at + rng.usize(1..512)).min(other.len());
                    let to = rng.usize(0..=input.len());
                    input.splice(to..to, other[at..end].iter().copied());
                }
            }
            4 if len > 0 => {
                input.truncate(rng.usize(0..len));
            }
            _ => {
                let token = TOKENS[rng.usize(0..TOKENS.len())].as_bytes();
                let to = rng.usize(0..=input.len());
                input.splice(to..to, token.iter().copied());
            }
        }
    }
    input.truncate(1 << 20);
}

/// Everything a diagram file reaches. A broken promise (a saved file that does not open
/// again) panics, and so counts as a finding too.
fn diagram_target(bytes: &[u8], count: u64) {
    let Ok(loaded) = load_bytes(bytes.to_vec(), "fuzz.ron") else {
        return;
    };
    let doc = loaded.document;
    let _ = validate(&doc);
    // Drawing lays out every text, the slow part: one input in eight is drawn in full and
    // exported, one in 128 rendered to PNG; the rest go through loading, saving and tables.
    if count.is_multiple_of(8) {
        let mut scene = Scene::build(&doc, &Palette::LIGHT);
        let all: Vec<usize> = (0..scene.nodes.len()).collect();
        for lod in [Lod::Full, Lod::Boxes] {
            scene.prepare(&all, lod);
        }
        if doc.node_count() <= 100 {
            let _ = figure_svg(&doc, &FigureOptions::default());
            if count.is_multiple_of(128) {
                let _ = figure_png(&doc, &FigureOptions::default(), 0.2);
            }
        }
    }
    let saved = to_ron_string(&doc).expect("a loaded document serialises");
    let again = load_str(&saved, "again.ron").expect("what we save we open");
    assert!(again.repairs.is_empty(), "saving kept something to repair");
    assert_eq!(again.document, doc, "saving and opening changes nothing");
    let _ = write_table(&doc, TableFormat::Csv);
    let _ = write_table(&doc, TableFormat::Sentences);
}

fn csv_target(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let Ok(result) = import_csv(&text) else {
        return;
    };
    let mut doc = Document::new("fuzz");
    let edit = import_edit(&doc, result.cards, "fuzz");
    let _ = edit.apply(&mut doc);
    let _ = validate(&doc);
    let _ = import_csv(&write_table(&doc, TableFormat::Csv));
}

fn paste_target(bytes: &[u8], editor: &mut Editor) {
    let text = String::from_utf8_lossy(bytes);
    let _ = editor.paste(&text, (30.0, 30.0));
    if editor.doc().node_count() > 500 {
        *editor = Editor::new(Document::new("fuzz"), Origin::Untitled);
    }
}

fn main() -> ExitCode {
    let args = args();
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let findings = PathBuf::from("target/fuzz-findings");
    let message = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let hook_message = std::sync::Arc::clone(&message);
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut m) = hook_message.lock() {
            *m = info.to_string();
        }
    }));
    // A clipboard payload to mutate: two cards and an arrow as the editor copies them.
    let mut copier = Editor::new(
        load_str(
            std::str::from_utf8(SEEDS[1]).unwrap_or_default(),
            "seed.ron",
        )
        .map(|l| l.document)
        .unwrap_or_else(|_| Document::new("seed")),
        Origin::Untitled,
    );
    let first: Vec<_> = copier.doc().nodes().take(3).map(|n| n.id).collect();
    copier.selection.nodes.extend(first);
    let clipboard = copier.copy_selection().unwrap_or_default().into_bytes();
    let mut editor = Editor::new(Document::new("fuzz"), Origin::Untitled);

    let start = Instant::now();
    let deadline = args.seconds.map(|s| start + Duration::from_secs(s));
    let mut count = 0u64;
    let mut panics = 0u64;
    let mut last_report = start;
    loop {
        if deadline.is_some_and(|d| Instant::now() >= d) || args.inputs.is_some_and(|n| count >= n)
        {
            break;
        }
        let pick = rng.usize(0..SEEDS.len() + 1);
        let mut input = if pick == SEEDS.len() {
            clipboard.clone()
        } else {
            SEEDS[pick].to_vec()
        };
        mutate(&mut rng, &mut input);
        let outcome = catch_unwind(AssertUnwindSafe(|| match pick {
            0..=2 => diagram_target(&input, count),
            3 | 4 => csv_target(&input),
            _ => paste_target(&input, &mut editor),
        }));
        if outcome.is_err() {
            panics += 1;
            editor = Editor::new(Document::new("fuzz"), Origin::Untitled);
            let _ = std::fs::create_dir_all(&findings);
            let file = findings.join(format!("finding-{}-{count}.bin", args.seed));
            let _ = std::fs::write(&file, &input);
            let why = message.lock().map(|m| m.clone()).unwrap_or_default();
            eprintln!(
                "fuzz: PANIC on input {count} (saved to {}): {why}",
                file.display()
            );
        }
        count += 1;
        if last_report.elapsed() > Duration::from_secs(30) {
            last_report = Instant::now();
            let secs = start.elapsed().as_secs_f64();
            eprintln!(
                "fuzz: {count} inputs in {secs:.0} s ({:.0}/s), {panics} panics",
                count as f64 / secs
            );
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: {count} inputs in {secs:.1} s ({:.0} inputs/s, seed {}), {panics} panics",
        count as f64 / secs.max(1e-9),
        args.seed
    );
    if panics == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
