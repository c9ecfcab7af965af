//! `cmoc-canvas export`: figures (SVG, PNG, PDF) of a diagram, every output checked before
//! any is written.

use super::Command;
use crate::file::{OutputKind, check_distinct, check_output, load_file, write_atomic};
use crate::interchange::{FigureLayout, FigureOptions, figure_png};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `export`; the exit status.
pub(super) fn run_export(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Command::Export {
        file,
        svg,
        png,
        pdf,
        scale,
        title,
        legend,
        transparent,
        scenario,
        statuses,
    } = command
    else {
        return 2;
    };
    if svg.is_none() && png.is_none() && pdf.is_none() {
        let _ = writeln!(
            err,
            "Say where to write the figure: --svg OUT.svg, --png OUT.png and/or --pdf OUT.pdf."
        );
        return 2;
    }
    // Check every output before any work: a mistake must not cost an input.
    let mut checks = Vec::new();
    if let Some(path) = svg {
        checks.push(check_output(path, &[file], OutputKind::Other("SVG figure")));
    }
    if let Some(path) = png {
        checks.push(check_output(
            path,
            &[file],
            OutputKind::Other("PNG picture"),
        ));
    }
    if let Some(path) = pdf {
        checks.push(check_output(path, &[file], OutputKind::Other("PDF figure")));
    }
    let outputs: Vec<&PathBuf> = [svg, png, pdf].into_iter().flatten().collect();
    for (i, a) in outputs.iter().enumerate() {
        for b in &outputs[i + 1..] {
            checks.push(check_distinct(a, b));
        }
    }
    if let Some(Err(e)) = checks.into_iter().find(Result::is_err) {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    let doc = match load_file(file) {
        Ok(loaded) => loaded.document,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    if let Some(name) = scenario
        && doc.scenario(name).is_none()
    {
        let _ = writeln!(err, "{}", no_scenario(file, name, &doc));
        return 1;
    }
    let options = FigureOptions {
        title: *title,
        legend: *legend,
        transparent: *transparent,
        scenario: scenario.clone(),
        statuses: *statuses,
        ..FigureOptions::default()
    };
    let mut status = 0;
    if let Some(report) = crate::interchange::figure_text_report(&doc) {
        let _ = writeln!(err, "{}: {report}", file.display());
    }
    if let Some(path) = svg {
        status |= write_svg_streamed(&doc, &options, path, out, err);
    }
    if let Some(path) = png {
        let bytes = figure_png(&doc, &options, *scale);
        status |= write_output(path, bytes.map_err(|e| e.to_string()), out, err);
    }
    if let Some(path) = pdf {
        let bytes = crate::interchange::figure_pdf(&doc, &options);
        status |= write_output(path, bytes.map_err(|e| e.to_string()), out, err);
    }
    status
}

/// "FILE: There is no scenario called “X” in this diagram. Its scenarios are …"
pub(super) fn no_scenario(file: &Path, name: &str, doc: &crate::model::Document) -> String {
    format!(
        "{}: There is no scenario called “{name}” in this diagram. {} (A name is matched exactly, else ignoring capitals when only one scenario matches so; `cmoc-canvas scenarios {}` lists them.)",
        file.display(),
        crate::interchange::known_scenarios(doc),
        file.display()
    )
}

/// Writes the SVG figure to `path` as it is made (never whole in memory), atomically.
fn write_svg_streamed(
    doc: &crate::model::Document,
    options: &FigureOptions,
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let result = FigureLayout::new(doc, options)
        .map_err(|e| e.to_string())
        .and_then(|mut layout| {
            crate::file::write_atomic_with(path, &mut |w| layout.write_svg(w))
                .map_err(|e| e.to_string())
        });
    match result {
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

/// Writes made bytes to `path`, saying what happened; returns the exit status (0 or 1).
fn write_output(
    path: &Path,
    bytes: Result<Vec<u8>, String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    match bytes.and_then(|b| write_atomic(path, &b).map_err(|e| e.to_string())) {
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
