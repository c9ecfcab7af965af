//! The `cmoc-canvas` command line: open the editor, or work on files without a window.

use crate::export::{TableFormat, write_table};
use crate::file::{Loaded, load_file};
use crate::model::{NodeKind, Polarity, validate};
use clap::{Parser, Subcommand};
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
    /// Print the CMOC table (No., polarity, context, mechanism, outcome), sorted by number.
    Table {
        /// The diagram file.
        file: PathBuf,
        /// Markdown for papers and wikis, CSV for spreadsheets.
        #[arg(long, value_enum, default_value = "markdown")]
        format: TableFormat,
    },
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
        Command::Table { file, format } => match load_file(file) {
            Ok(loaded) => {
                let _ = out.write_all(write_table(&loaded.document, *format).as_bytes());
                0
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
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
    let open = doc.annotations().filter(|a| !a.resolved).count();
    let problems = validate(doc);
    writeln!(
        out,
        "{name}: {} nodes, {cards} CMOC cards ({positive} positive, {negative} negative), {} arrows, {} comments ({open} open); {}",
        doc.node_count(),
        doc.edge_count(),
        doc.annotation_count(),
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
    Ok(())
}
