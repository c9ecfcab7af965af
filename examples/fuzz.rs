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
//! The seeds include the shapes that once hung or crashed: a table whose links form cycles
//! (it hung Tidy), a diagram with a deep reply chain (it overflowed the stack of the notes),
//! a path showing the same card again and again (the notes grew with its square), cards in
//! right-to-left and complex scripts, and the non-characters U+FFFE and U+FFFF (they made an
//! ill-formed SVG). An input that runs over 10 s is a hang: a watchdog saves it and fails the
//! run.
//!
//! Run: `cargo run --release --example fuzz -- [--seconds N] [--inputs N] [--seed N]`
//! (the test command runs 60 s; the README gives a long run's figures).

use cmoc_canvas::edit::{LayeredLayout, tidy_edit};
use cmoc_canvas::file::{load_bytes, load_str, to_ron_string};
use cmoc_canvas::interchange::{
    FigureOptions, NotesFormat, TableFormat, figure_png, figure_svg, import_csv,
    import_linked_edit, workshop_notes, write_table,
};
use cmoc_canvas::model::{Document, validate};
use cmoc_canvas::scene::{Lod, Palette, Scene};
use cmoc_canvas::session::{Editor, Origin};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Seeds kept as files: diagrams first, then tables.
const DIAGRAM_SEEDS: [&[u8]; 4] = [
    include_bytes!("../tests/fixtures/v1/holding.ron"),
    include_bytes!("../tests/fixtures/v1/every-kind.ron"),
    include_bytes!("../tests/fixtures/v1/every-kind-by-hand.ron"),
    include_bytes!("../tests/fixtures/v4/every-kind.ron"),
];
const TABLE_SEEDS: [&[u8]; 6] = [
    include_bytes!("../assets/examples/table4.csv"),
    b"No.,Context,Mechanism,Outcome,Polarity\n1,\"c, \"\"quoted\"\"\",m,o,-ve\n2,c,m,o,\n",
    // The five-row table whose links form cycles (it hung Tidy for ever).
    b"No.,Context,Mechanism,Outcome,Leads to\n1,c1,m1,o1,\"2, 3, 4\"\n2,c2,m2,o2,\"1, 4\"\n3,c3,m3,o3,\"1, 4\"\n4,c4,m4,o4,1\n5,c5,m5,o5,\"2, 3\"\n",
    include_bytes!("../tests/fixtures/import/figure2-links.csv"),
    // Tables as papers print them: a second outcome column, a section row, numbers inside
    // the text, references glued to the words; a theme printed once, tab-separated.
    include_bytes!("../tests/fixtures/import/luetsch-table5.csv"),
    include_bytes!("../tests/fixtures/import/radcliffe-table3.tsv"),
];

/// Words in the scripts a realist study may be written in, right to left among them.
const SCRIPTS: [&str; 6] = [
    "\u{639}\u{646}\u{62f}\u{645}\u{627} \u{64a}\u{634}\u{639}\u{631} \u{627}\u{644}\u{645}\u{631}\u{636}\u{649}",
    "\u{5db}\u{5d0}\u{5e9}\u{5e8} \u{5d4}\u{5de}\u{5d8}\u{5d5}\u{5e4}\u{5dc}",
    "\u{5f53}\u{60a3}\u{8005}\u{611f}\u{5230}\u{88ab}\u{503e}\u{542c}",
    "\u{91c}\u{92c} \u{92e}\u{930}\u{940}\u{91c}",
    "\u{1f600} \u{1f469}\u{200d}\u{1f467}",
    "a\u{202e}b\u{fffe}c\u{ffff}",
];

/// Seeds made when the run starts: the shapes that once hung or crashed, built from the
/// example so they are valid and reach deep.
fn generated_seeds() -> Vec<Vec<u8>> {
    let example = load_str(
        std::str::from_utf8(DIAGRAM_SEEDS[0]).unwrap_or_default(),
        "seed.ron",
    )
    .map(|l| l.document)
    .unwrap_or_else(|_| Document::new("seed"));
    let text = to_ron_string(&example).unwrap_or_default();
    let mut seeds = Vec::new();
    // Cards in other scripts: contexts begin in them.
    let mut scripts = text;
    for (i, word) in SCRIPTS.iter().enumerate() {
        scripts = scripts.replacen("context: \"", &format!("context: \"{word} {i} "), 3);
    }
    seeds.push(scripts.into_bytes());
    // A deep reply chain and a path that shows the same card again and again.
    let mut chain = String::from(
        "(format_version: 4, nodes: [(id: 1, content: Note((title: \"n\", text: \"t\")), position: (0.0, 0.0), size: (100.0, 50.0))], edges: [], annotations: [",
    );
    for i in 2..3_000u32 {
        let reply = if i == 2 {
            String::from("None")
        } else {
            format!("Some({})", i - 1)
        };
        chain.push_str(&format!(
            "(id: {i}, target: Node(1), author: \"g\", created: \"2026-11-29T14:00:00Z\", text: \"r{i}\", reply_to: {reply}),"
        ));
    }
    chain.push_str("], workshop: (path: Some([");
    for _ in 0..200 {
        chain.push_str("(shows: Nodes([1, 1, 1, 1])),");
    }
    chain.push_str("])))");
    seeds.push(chain.into_bytes());
    seeds
}

const TOKENS: [&str; 58] = [
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
    "\u{fffe}",
    "\u{ffff}",
    "\u{202e}",
    "\u{639}\u{646}\u{62f}\u{645}\u{627}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{4e2d}\u{6587}",
    "\u{928}\u{92e}\u{938}\u{94d}\u{924}\u{947}",
    "\u{1f600}",
    "reply_to: Some(2)",
    ",\"1, 2, 3\"",
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

fn mutate(rng: &mut fastrand::Rng, input: &mut Vec<u8>, pool: &[Vec<u8>]) {
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
                let other = &pool[rng.usize(0..pool.len())];
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
    let notes = workshop_notes(&doc, NotesFormat::Markdown);
    // Notes stay in proportion to the diagram (each card written once, indents capped).
    assert!(
        notes.len() <= 8 * saved.len() + 10_000,
        "{} bytes of notes from {} bytes of diagram",
        notes.len(),
        saved.len()
    );
    if count.is_multiple_of(4) && doc.node_count() <= 2_000 {
        let _ = tidy_edit(
            &doc,
            &std::collections::BTreeSet::new(),
            &LayeredLayout::default(),
        );
    }
}

fn csv_target(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let Ok(result) = import_csv(&text) else {
        return;
    };
    let mut doc = Document::new("fuzz");
    // With its links: arrows and a Tidy along them (a table with cycles hung here once).
    let edit = import_linked_edit(&doc, &result, "fuzz");
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

/// The longest an input may run before it counts as a hang.
const HANG_AFTER: Duration = Duration::from_secs(10);

/// Watches the input being run from another thread: one that runs past [`HANG_AFTER`] is
/// saved and the run ends with a failure (a hang cannot be caught like a panic).
struct Watchdog {
    /// Milliseconds since `epoch` when the current input began; 0 between inputs.
    began_ms: Arc<AtomicU64>,
    input: Arc<Mutex<(u64, Vec<u8>)>>,
    epoch: Instant,
}

impl Watchdog {
    fn start(findings: PathBuf, seed: u64) -> Self {
        let began_ms = Arc::new(AtomicU64::new(0));
        let input = Arc::new(Mutex::new((0u64, Vec::new())));
        let epoch = Instant::now();
        let (watched, held) = (Arc::clone(&began_ms), Arc::clone(&input));
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let began = watched.load(Ordering::Relaxed);
                let now = u64::try_from(epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
                let limit = u64::try_from(HANG_AFTER.as_millis()).unwrap_or(u64::MAX);
                if began > 0 && now.saturating_sub(began) > limit {
                    let (count, bytes) = held.lock().map(|g| g.clone()).unwrap_or_default();
                    let _ = std::fs::create_dir_all(&findings);
                    let file = findings.join(format!("hang-{seed}-{count}.bin"));
                    let _ = std::fs::write(&file, &bytes);
                    eprintln!(
                        "fuzz: HANG on input {count}: over {} s (saved to {})",
                        HANG_AFTER.as_secs(),
                        file.display()
                    );
                    std::process::exit(1);
                }
            }
        });
        Self {
            began_ms,
            input,
            epoch,
        }
    }

    fn begin(&self, bytes: &[u8], count: u64) {
        if let Ok(mut held) = self.input.lock() {
            held.0 = count;
            held.1.clear();
            held.1.extend_from_slice(bytes);
        }
        let now = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.began_ms.store(now.max(1), Ordering::Relaxed);
    }

    fn end(&self) {
        self.began_ms.store(0, Ordering::Relaxed);
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
            std::str::from_utf8(DIAGRAM_SEEDS[1]).unwrap_or_default(),
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
    // Diagrams (files and generated), then tables, then the clipboard.
    let mut diagrams: Vec<Vec<u8>> = DIAGRAM_SEEDS.iter().map(|s| s.to_vec()).collect();
    diagrams.extend(generated_seeds());
    let tables: Vec<Vec<u8>> = TABLE_SEEDS.iter().map(|s| s.to_vec()).collect();
    let pool: Vec<Vec<u8>> = diagrams
        .iter()
        .chain(&tables)
        .cloned()
        .chain([clipboard])
        .collect();
    let watchdog = Watchdog::start(findings.clone(), args.seed);

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
        let pick = rng.usize(0..pool.len());
        let mut input = pool[pick].clone();
        mutate(&mut rng, &mut input, &pool);
        watchdog.begin(&input, count);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            if pick < diagrams.len() {
                diagram_target(&input, count);
            } else if pick < diagrams.len() + tables.len() {
                csv_target(&input);
            } else {
                paste_target(&input, &mut editor);
            }
        }));
        watchdog.end();
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
        "fuzz: {count} inputs in {secs:.1} s ({:.0} inputs/s, seed {}), {panics} panics, 0 hangs over {} s",
        count as f64 / secs.max(1e-9),
        args.seed,
        HANG_AFTER.as_secs()
    );
    if panics == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
