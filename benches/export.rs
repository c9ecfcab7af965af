//! Export and import speed. Targets on this 2-core machine: a 5,000-card diagram to SVG in
//! under 1 s; a 5,000-row CSV table imported in under 0.5 s.

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
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
