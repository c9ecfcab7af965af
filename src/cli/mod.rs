//! The `cmoc-canvas` command line: open the editor, or work on files without a window.

mod compare;
mod export;
mod git;
mod import;
mod merge;

use crate::file::{Loaded, load_file};
use crate::interchange::{NotesFormat, TableFormat, workshop_notes, write_table_in};
use crate::model::{NodeKind, Polarity, validate};
use clap::{Parser, Subcommand};
use export::no_scenario;
use import::{Existing, run_import};
use std::io::Write;
use std::path::PathBuf;

/// CMOC Canvas: draw, toggle and annotate realist programme theory diagrams.
#[derive(Debug, Parser)]
#[command(
    name = "cmoc-canvas",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, the editor opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A diagram (.ron) to open in the editor.
    pub file: Option<PathBuf>,
}

/// Work that needs no window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check diagrams: print a summary and every problem found; fails if a file cannot be opened.
    Validate {
        /// One or more diagram files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the CMOC table (No., polarity, context, mechanism, outcome, evidence sources),
    /// sorted by number.
    Table {
        /// The diagram file.
        file: PathBuf,
        /// Markdown for papers and wikis, CSV for spreadsheets, or sentences
        /// ("When/If C, then O, because M").
        #[arg(long, value_enum, default_value = "markdown")]
        format: TableFormat,
        /// Add a column with each CMOC's state in this "what if" scenario (by name).
        #[arg(long, value_name = "NAME")]
        scenario: Option<String>,
        /// Write the table as a Word document here instead of printing it.
        #[arg(long, value_name = "OUT.docx")]
        docx: Option<PathBuf>,
        /// Add a column with each CMOC's realist status (supported, refined, refuted, new…).
        #[arg(long)]
        status: bool,
    },
    /// Export the diagram as a figure: SVG (text kept as text, font embedded), PNG and/or PDF.
    Export {
        /// The diagram file.
        file: PathBuf,
        /// Write an SVG figure here.
        #[arg(long, value_name = "OUT.svg")]
        svg: Option<PathBuf>,
        /// Write a PNG picture here.
        #[arg(long, value_name = "OUT.png")]
        png: Option<PathBuf>,
        /// Write a PDF here: vector, the font embedded, one page the size of the figure.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
        /// PNG pixels per diagram unit: 1, 2 or 4 for print.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// Put the diagram's title above it.
        #[arg(long)]
        title: bool,
        /// Add a legend of the styles.
        #[arg(long)]
        legend: bool,
        /// Transparent background instead of white.
        #[arg(long)]
        transparent: bool,
        /// Draw the diagram as in this "what if" scenario (by name): inactive parts faded,
        /// partly active ones hatched, the conditions' states on chips, the scenario's name
        /// above the figure and its marks in the legend.
        #[arg(long, value_name = "NAME")]
        scenario: Option<String>,
        /// Write each appraised CMOC's realist status (SUPPORTED, REFINED…) on its lower edge.
        #[arg(long)]
        statuses: bool,
    },
    /// Print the notes of the workshops held with a diagram, step by step along its
    /// presentation path: each card in plain words and C/M/O, every comment and reply with its
    /// group and time, each group's reactions, and what changed in each session.
    Notes {
        /// The diagram file.
        file: PathBuf,
        /// Markdown to read and share, or CSV (one row per entry) for a spreadsheet.
        #[arg(long, value_enum, default_value = "markdown")]
        format: NotesFormat,
        /// Write the notes as a Word document here instead of printing them.
        #[arg(long, value_name = "OUT.docx")]
        docx: Option<PathBuf>,
    },
    /// List each "what if" scenario with the state of every node in it (active, not active,
    /// partly active, not decided) and why.
    Scenarios {
        /// The diagram file.
        file: PathBuf,
        /// Text to read, or CSV (scenario, node, kind, state, why) for a spreadsheet.
        #[arg(long, value_enum, default_value = "text")]
        format: ScenariosFormat,
    },
    /// The refinement table for a paper: each CMOC's status, what changed since an earlier
    /// version (struck and inserted words), the rationale and the evidence, with a summary
    /// line. E.g. `changes holding.ron --from "Initial programme theory" --format docx -o t.docx`.
    Changes(compare::ChangesArgs),
    /// Print what changed between two diagrams (or two saved versions) in words, CMOC by
    /// CMOC; also works as git's diff driver (see `git-setup`).
    Diff(compare::DiffArgs),
    /// Merge a colleague's copy into yours: BASE OURS THEIRS -o OUT. Changes to different
    /// cards or parts combine; a part changed both ways is a conflict kept in the file for the
    /// app to list. Exit status 0 when clean, 1 with conflicts (git's merge driver contract).
    Merge(merge::MergeArgs),
    /// Make git merge and compare diagrams card by card in this repository: writes the
    /// .gitattributes line (commit it) and this copy's git config for the merge and diff
    /// drivers. Each colleague runs it once.
    GitSetup(git::GitSetupArgs),
    /// Import a CMOC table from CSV (or tab-separated text) into a new diagram. The columns are
    /// found by their names ("No.", "CMOC no.", "Context (C)", "Outcome(s)"…), or one column
    /// of sentences with their parts marked (C), (M), (O) as papers print them; map them by
    /// hand with --number, --context… (a column's name or its place, 1 for the first).
    Import {
        /// The CSV file (as saved by a spreadsheet).
        table: PathBuf,
        /// The diagram to write.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
        /// When OUT.ron is a diagram already: add the imported cards to it (its comments,
        /// sessions and scenarios are kept).
        #[arg(long, conflicts_with = "replace")]
        add: bool,
        /// When OUT.ron exists already: write a new diagram over it.
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        columns: ColumnArgs,
    },
}

/// Columns of `import` mapped by hand: each a column's name or its place (1 for the first).
#[derive(Debug, Default, clap::Args)]
pub struct ColumnArgs {
    /// The column with the CMOC numbers.
    #[arg(long, value_name = "COL")]
    pub number: Option<String>,
    /// The column with the contexts.
    #[arg(long, value_name = "COL")]
    pub context: Option<String>,
    /// The column with the mechanisms.
    #[arg(long, value_name = "COL")]
    pub mechanism: Option<String>,
    /// The column with the outcomes.
    #[arg(long, value_name = "COL")]
    pub outcome: Option<String>,
    /// The column with whole CMOC sentences, parts marked (C), (M), (O).
    #[arg(long, value_name = "COL")]
    pub sentence: Option<String>,
    /// The column saying positive or negative.
    #[arg(long, value_name = "COL")]
    pub polarity: Option<String>,
    /// The column with short titles.
    #[arg(long, value_name = "COL")]
    pub title: Option<String>,
    /// The column with evidence sources (separated by ;).
    #[arg(long, value_name = "COL")]
    pub evidence: Option<String>,
    /// The column naming the CMOCs each one leads to ("12, 13"): arrows, and a tidy layout.
    #[arg(long, value_name = "COL")]
    pub links: Option<String>,
}

impl ColumnArgs {
    /// The detected mapping with the columns given by hand put in; an error names a column
    /// that is not there.
    fn apply(
        &self,
        table: &crate::interchange::CsvTable,
        mut mapping: crate::interchange::ColumnMapping,
    ) -> Result<crate::interchange::ColumnMapping, String> {
        let find = |given: &str| -> Result<usize, String> {
            let count = table.headers.len();
            if let Ok(place) = given.trim().parse::<usize>() {
                return (1..=count)
                    .contains(&place)
                    .then(|| place - 1)
                    .ok_or_else(|| {
                        format!("There is no column {place}: the table has {count} columns.")
                    });
            }
            table
                .headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(given.trim()))
                .ok_or_else(|| {
                    format!(
                        "There is no column called “{given}”. The columns are: {}.",
                        table
                            .headers
                            .iter()
                            .map(|h| format!("“{h}”"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
        };
        for (given, slot) in [
            (&self.number, &mut mapping.number),
            (&self.context, &mut mapping.context),
            (&self.mechanism, &mut mapping.mechanism),
            (&self.outcome, &mut mapping.outcome),
            (&self.sentence, &mut mapping.sentence),
            (&self.polarity, &mut mapping.polarity),
            (&self.title, &mut mapping.title),
            (&self.evidence, &mut mapping.evidence),
            (&self.links, &mut mapping.links),
        ] {
            if let Some(given) = given {
                *slot = Some(find(given)?);
            }
        }
        // Separate columns given by hand win over a detected sentence column.
        if self.sentence.is_none()
            && (self.context.is_some() || self.mechanism.is_some() || self.outcome.is_some())
        {
            mapping.sentence = None;
        }
        Ok(mapping)
    }
}

/// How `scenarios` writes its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScenariosFormat {
    /// One block per scenario, one line per node.
    Text,
    /// One row per scenario and node.
    Csv,
}

/// Every scenario of `doc` with every node's state and why, as text or CSV.
pub fn write_scenarios(doc: &crate::model::Document, format: ScenariosFormat) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if format == ScenariosFormat::Csv {
        out.push_str("Scenario,Node,Kind,State,Why\r\n");
    } else if doc.scenarios().is_empty() {
        out.push_str("No scenarios in this diagram.\n");
    }
    for scenario in doc.scenarios() {
        let states = crate::model::propagate(doc, scenario);
        if format == ScenariosFormat::Text {
            let _ = writeln!(out, "{}", scenario.name);
            if !scenario.description.trim().is_empty() {
                let _ = writeln!(out, "  {}", scenario.description.trim());
            }
        }
        for node in doc.nodes() {
            let state = states.state(node.id).words();
            let why = states.explain(doc, scenario, node.id);
            match format {
                ScenariosFormat::Text => {
                    let _ = writeln!(out, "  {}: {state}", node.label());
                }
                ScenariosFormat::Csv => {
                    let cells = [
                        scenario.name.clone(),
                        node.label(),
                        node.kind().name().to_string(),
                        state.to_string(),
                        why,
                    ];
                    let line: Vec<String> = cells
                        .iter()
                        .map(|c| crate::interchange::csv_field(c))
                        .collect();
                    let _ = write!(out, "{}\r\n", line.join(","));
                }
            }
        }
        if format == ScenariosFormat::Text {
            out.push('\n');
        }
    }
    out
}

/// Runs a command, writing results to `out` and complaints to `err`; returns the exit status.
pub fn run_command(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Validate { files } => {
            let mut status = 0;
            for path in files {
                match load_file(path) {
                    Ok(loaded) => {
                        let _ = write_validation(&path.display().to_string(), &loaded, out);
                    }
                    Err(e) => {
                        let _ = writeln!(err, "{e}");
                        status = 1;
                    }
                }
            }
            status
        }
        Command::Export { .. } => export::run_export(command, out, err),
        Command::Changes(args) => compare::run_changes(args, out, err),
        Command::Diff(args) => compare::run_diff(args, out, err),
        Command::Merge(args) => merge::run_merge(args, out, err),
        Command::GitSetup(args) => git::run_git_setup(args, out, err),
        Command::Import {
            table,
            output,
            add,
            replace,
            columns,
        } => {
            let existing = if *add {
                Existing::Add
            } else if *replace {
                Existing::Replace
            } else {
                Existing::Refuse
            };
            run_import(table, output, existing, columns, out, err)
        }
        Command::Scenarios { file, format } => match load_file(file) {
            Ok(loaded) => {
                let _ = out.write_all(write_scenarios(&loaded.document, *format).as_bytes());
                0
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
        Command::Notes { file, format, docx } => match load_file(file) {
            Ok(loaded) => match docx {
                Some(path) => write_docx(
                    crate::interchange::workshop_notes_docx(&loaded.document),
                    file,
                    path,
                    out,
                    err,
                ),
                None => {
                    let _ = out.write_all(workshop_notes(&loaded.document, *format).as_bytes());
                    0
                }
            },
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
        Command::Table {
            file,
            format,
            scenario,
            docx,
            status,
        } => match load_file(file) {
            Ok(loaded) => {
                let doc = &loaded.document;
                let shown = match scenario {
                    None => None,
                    Some(name) => match doc.scenario(name) {
                        Some(s) => Some(s),
                        None => {
                            let _ = writeln!(err, "{}", no_scenario(file, name, doc));
                            return 1;
                        }
                    },
                };
                match docx {
                    Some(path) => write_docx(
                        crate::interchange::cmoc_table_docx(doc, shown, *status),
                        file,
                        path,
                        out,
                        err,
                    ),
                    None if *status && *format != TableFormat::Sentences => {
                        let _ = out.write_all(
                            crate::interchange::write_table_with_status(doc, *format, shown)
                                .as_bytes(),
                        );
                        0
                    }
                    None => {
                        let _ = out.write_all(write_table_in(doc, *format, shown).as_bytes());
                        0
                    }
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}

/// Writes a Word document made from `from` to `path` (never over the diagram itself).
fn write_docx(
    bytes: Result<Vec<u8>, crate::interchange::docx::DocxError>,
    from: &std::path::Path,
    path: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let written = crate::file::check_output(
        path,
        &[from],
        crate::file::OutputKind::Other("Word document"),
    )
    .map_err(|e| e.to_string())
    .and_then(|()| bytes.map_err(|e| e.to_string()))
    .and_then(|b| crate::file::write_atomic(path, &b).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            let _ = writeln!(out, "wrote {}", path.display());
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// The one-line summary of a document, then each repair and problem on its own line.
pub fn write_validation(name: &str, loaded: &Loaded, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = &loaded.document;
    let (positive, negative) = doc
        .cmoc_cards()
        .fold((0, 0), |(p, n), (_, c)| match c.polarity {
            Polarity::Positive => (p + 1, n),
            Polarity::Negative => (p, n + 1),
        });
    let cards = doc.count_kind(NodeKind::Cmoc);
    let open = doc.annotations().filter(|a| a.is_open_comment()).count();
    let reactions = doc.annotations().filter(|a| a.reaction.is_some()).count();
    let problems = validate(doc);
    writeln!(
        out,
        "{name}: {}, {} ({positive} positive, {negative} negative), {}, {} ({open} open){}; {}",
        crate::model::counted(doc.node_count(), "node", "nodes"),
        crate::model::counted(cards, "CMOC card", "CMOC cards"),
        crate::model::counted(doc.edge_count(), "arrow", "arrows"),
        crate::model::counted(doc.annotation_count() - reactions, "comment", "comments"),
        if reactions == 0 {
            String::new()
        } else {
            format!(
                ", {}",
                crate::model::counted(reactions, "reaction", "reactions")
            )
        },
        match (problems.len(), loaded.repairs.len()) {
            (0, 0) => "no problems".to_string(),
            (p, 0) => format!("{p} problem{}", if p == 1 { "" } else { "s" }),
            (p, r) => format!(
                "{p} problem{}, {r} repaired on loading",
                if p == 1 { "" } else { "s" }
            ),
        }
    )?;
    for repair in &loaded.repairs {
        writeln!(out, "  repaired: {}", repair.message)?;
    }
    for problem in &problems {
        writeln!(out, "  problem: {problem}")?;
    }
    if let Some(report) = crate::interchange::figure_text_report(doc) {
        writeln!(out, "  note: {report}")?;
    }
    Ok(())
}
