//! Arrange → Tidy on linked diagrams, as a table with a "Leads to" column makes them: every
//! card with three arrows to cards picked at random (cycles, long arrows, crossings). Targets
//! on this 2-core machine: 1,000 cards within 2 s, 5,000 within 10 s, memory under 500 MB
//! (`/usr/bin/time -v cargo bench --bench tidy` shows the peak).

use cmoc_canvas::edit::{LayeredLayout, linked_diagram, tidy_edit};
use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeSet;
use std::hint::black_box;

fn bench_tidy(c: &mut Criterion) {
    let mut group = c.benchmark_group("tidy");
    group.sample_size(10);
    for cards in [1_000usize, 5_000] {
        let doc = linked_diagram(cards, 3, 7);
        group.bench_function(format!("{cards} cards, 3 links each"), |b| {
            b.iter(|| black_box(tidy_edit(&doc, &BTreeSet::new(), &LayeredLayout::default())));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_tidy);
criterion_main!(benches);
