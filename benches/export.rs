//! Export, import, save and open speed. Targets on this 2-core machine: a 5,000-card diagram to
//! SVG in under 1 s; a 5,000-row CSV table imported in under 0.5 s; a 5,000-card diagram saved
//! (written to disk, atomically) and opened in under 1 s each, also with five saved versions of
//! its theory in the file (issue 21).

use cmoc_canvas::edit::synthetic_diagram;
use cmoc_canvas::interchange::{FigureOptions, TableFormat, figure_svg, import_csv, write_table};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench_export(c: &mut Criterion) {
    let doc = synthetic_diagram(5_000);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("svg_5000_cards", |b| {
        b.iter(|| black_box(figure_svg(&doc, &FigureOptions::default()).map(|s| s.len())));
    });
    let csv = write_table(&doc, TableFormat::Csv);
    group.bench_function("csv_import_5000_rows", |b| {
        b.iter(|| black_box(import_csv(&csv).map(|r| r.cards.len())));
    });
    group.bench_function("csv_export_5000_rows", |b| {
        b.iter(|| black_box(write_table(&doc, TableFormat::Csv).len()));
    });
    group.finish();
    bench_files(c, &doc);
}

/// Saving (the file's text, written beside the target and renamed over it) and opening a
/// 5,000-card diagram, without and with five saved versions of its theory.
fn bench_files(c: &mut Criterion, doc: &cmoc_canvas::model::Document) {
    use cmoc_canvas::file::{load_file, save_file};
    use cmoc_canvas::model::{Timestamp, Version};
    let dir = std::env::temp_dir().join(format!("cmoc-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let versions: Vec<Version> = (1..=5)
        .map(|i| Version::of(doc, &format!("Version {i}"), "bench", "", Timestamp::now()))
        .collect();
    let with_versions = doc.clone().with_versions(versions);
    let mut group = c.benchmark_group("files");
    group.sample_size(10);
    for (name, doc) in [
        ("5000_cards", doc),
        ("5000_cards_five_versions", &with_versions),
    ] {
        let path = dir.join(format!("{name}.ron"));
        group.bench_function(format!("save_{name}"), |b| {
            b.iter(|| black_box(save_file(doc, &path).is_ok()));
        });
        group.bench_function(format!("open_{name}"), |b| {
            b.iter(|| black_box(load_file(&path).map(|l| l.document.node_count()).ok()));
        });
        if let Ok(meta) = std::fs::metadata(&path) {
            println!("files/{name}: {:.1} MB on disk", meta.len() as f64 / 1e6);
        }
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
