//! `cmoc-canvas merge BASE OURS THEIRS -o OUT`: merges a colleague's copy (THEIRS) into yours
//! (OURS), both started from BASE. Also git's merge driver (`cmoc-canvas merge %O %A %B -o
//! %A`): exit 0 when clean, 1 with the conflicts written into the file as conflict entries
//! the app lists (the file stays valid RON), 2 when nothing could be merged.

use crate::file::{OutputKind, check_output, load_file, save_file};
use crate::model::{ConflictOn, Document};
use crate::session::compare::Theory;
use crate::session::merge::{check_base, merge, merge_edit, shared_version};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The version both copies started from. An empty file: the newest version both copies
    /// saved unchanged (e.g. both kept "IPT v2"), or, with none, a two-way merge where every
    /// difference is a conflict to choose.
    pub base: PathBuf,
    /// Your copy.
    pub ours: PathBuf,
    /// Your colleague's copy.
    pub theirs: PathBuf,
    /// Where to write the merged diagram (may be OURS, as git asks).
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
    /// The name of the version that records the merge (default: "Merged" and THEIRS's name).
    #[arg(long, value_name = "NAME")]
    pub version_name: Option<String>,
}

fn open(path: &Path, role: &str) -> Result<Option<Document>, String> {
    if std::fs::metadata(path)
        .map(|m| m.len() == 0)
        .unwrap_or(false)
    {
        return Ok(None);
    }
    load_file(path)
        .map(|l| Some(l.document))
        .map_err(|e| format!("Could not merge: {role} — {e}"))
}

/// Runs `merge`.
pub(super) fn run_merge(args: &MergeArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if let Err(e) = check_output(
        &args.output,
        &[&args.base, &args.theirs],
        OutputKind::Diagram,
    ) {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    let loaded = open(&args.base, "the base").and_then(|b| {
        Ok((
            b,
            open(&args.ours, "your copy")?,
            open(&args.theirs, "their copy")?,
        ))
    });
    let (base, ours, theirs) = match loaded {
        Ok((b, Some(o), Some(t))) => (b, o, t),
        Ok(_) => {
            let _ = writeln!(
                err,
                "Could not merge: your copy and their copy must both be diagrams (one is an empty file)."
            );
            return 2;
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let mut doc = ours.clone();
    let shared = base
        .is_none()
        .then(|| shared_version(&ours, &theirs))
        .flatten();
    if let Some(version) = shared {
        let _ = writeln!(
            out,
            "base: the version “{}” both copies kept (saved {} UTC)",
            version.name,
            version.saved.short()
        );
    } else if base.is_none() {
        let _ = writeln!(
            out,
            "base: none (no version both copies kept): every difference is a conflict to choose"
        );
    }
    let merged = {
        let base_theory = match (&base, shared) {
            (Some(doc), _) => Some(Theory::of_document(doc)),
            (None, Some(version)) => Some(Theory::of_version(version)),
            (None, None) => None,
        };
        if let Some(b) = &base_theory
            && let Err(e) = check_base(
                b,
                &Theory::of_document(&ours),
                &Theory::of_document(&theirs),
            )
        {
            let _ = writeln!(
                err,
                "Could not merge: {}: {e} Nothing was written.",
                args.base.display()
            );
            return 2;
        }
        merge(
            base_theory.as_ref(),
            &Theory::of_document(&ours),
            &Theory::of_document(&theirs),
            &mut || doc.allocate_id(),
        )
    };
    let name = args
        .version_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| format!("Merged {}", file_name(&args.theirs)));
    let applied = merge_edit(&doc, &merged, theirs.versions(), &name)
        .and_then(|edit| edit.apply(&mut doc).map(|_| ()));
    if let Err(e) = applied {
        let _ = writeln!(err, "Could not merge: {e}. Nothing was written.");
        return 2;
    }
    if let Err(e) = save_file(&doc, &args.output) {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    report(&doc, &merged, &args.output, out);
    u8::from(!merged.conflicts.is_empty())
}

fn report(
    doc: &Document,
    merged: &crate::session::merge::Merged,
    path: &Path,
    out: &mut dyn Write,
) {
    let _ = writeln!(
        out,
        "wrote {}: {} nodes, {} arrows; {}{}",
        path.display(),
        doc.node_count(),
        doc.edge_count(),
        if merged.conflicts.is_empty() {
            "merged cleanly".to_string()
        } else {
            format!(
                "{} to resolve (open the file: the Versions tab lists each to resolve)",
                crate::model::counted(merged.conflicts.len(), "conflict", "conflicts")
            )
        },
        if merged.renumbered > 0 {
            format!(
                "; {} of theirs given new ids (both copies had used them)",
                crate::model::counted(merged.renumbered, "node or arrow", "nodes or arrows")
            )
        } else {
            String::new()
        }
    );
    for conflict in &merged.conflicts {
        let subject = match conflict.on {
            ConflictOn::Node(id) => doc.node(id).map(|n| n.label()),
            ConflictOn::Arrow(id) => doc.edge(id).map(|e| format!("arrow {}", e.id)),
        }
        .unwrap_or_default();
        let _ = writeln!(out, "  conflict: {}", conflict.summary(&subject));
    }
    for note in &merged.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    for problem in crate::model::validate(doc) {
        let _ = writeln!(out, "  problem: {problem}");
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
