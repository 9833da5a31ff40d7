//! Error locations at scale: 50,000 errors in one file must take well
//! under a second of work (issue 14). `tests/reliability.rs` checks the
//! work stays linear by counting bytes; this measures the time.

use criterion::{criterion_group, criterion_main, Criterion};
use eaeu_rights::locate::{JsonPath, Locator};

fn locate_50k(c: &mut Criterion) {
    let n = 50_000;
    let text = eaeu_rights::bench_support::invalid_array(n);
    let paths: Vec<JsonPath> = (0..n)
        .map(|i| JsonPath::root().index(i).key("citizenship").index(0))
        .collect();
    let mut group = c.benchmark_group("locate");
    group.sample_size(10);
    group.bench_function("50000 errors in one file", |b| {
        b.iter(|| {
            let locator = Locator::new(&text);
            paths
                .iter()
                .filter_map(|p| locator.locate(p))
                .map(|l| l.line)
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, locate_50k);
criterion_main!(benches);
