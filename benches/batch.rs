//! Profiles per second: evaluation alone and end to end, one thread and all
//! cores, for the bench pack, the hand-written baseline and the embedded pack.
//!
//! Run with `cargo bench --bench batch` (see docs/performance.md).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use eaeu_rights::bench_support::{gen, handwritten};
use eaeu_rights::engine::{Decider, RulePack};
use eaeu_rights::profile::WorkerProfile;

const N: u64 = 10_000;
const SEED: u64 = 42;

fn bench_pack() -> RulePack {
    eaeu_rights::rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/pack"))
        .unwrap()
}

fn profiles() -> Vec<WorkerProfile> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let text = String::from_utf8(gen::ndjson(N, SEED)).unwrap();
    text.lines()
        .filter_map(|l| WorkerProfile::from_json(l, today).ok())
        .collect()
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `f` over `profiles` split across `jobs` threads.
fn split<F>(profiles: &[WorkerProfile], jobs: usize, f: F)
where
    F: Fn(&[WorkerProfile]) + Sync,
{
    if jobs <= 1 {
        return f(profiles);
    }
    let size = profiles.len().div_ceil(jobs);
    std::thread::scope(|s| {
        for part in profiles.chunks(size) {
            let f = &f;
            s.spawn(move || f(part));
        }
    });
}

fn evaluation(c: &mut Criterion) {
    let profiles = profiles();
    let bench = bench_pack();
    let embedded = eaeu_rights::rules::embedded_pack().unwrap();
    let mut g = c.benchmark_group("eval");
    g.throughput(Throughput::Elements(profiles.len() as u64));
    for (jobs, suffix) in [(1, "1"), (threads(), "all")] {
        g.bench_function(format!("handwritten/{suffix}"), |b| {
            b.iter(|| {
                split(&profiles, jobs, |part| {
                    for p in part {
                        black_box(handwritten::evaluate(black_box(p)));
                    }
                })
            })
        });
        for (name, pack) in [("bench-pack", &bench), ("embedded-pack", &embedded)] {
            g.bench_function(format!("{name}/{suffix}"), |b| {
                b.iter(|| {
                    split(&profiles, jobs, |part| {
                        let mut decider = Decider::new(pack);
                        for p in part {
                            black_box(decider.decide(black_box(p)).outcomes().len());
                        }
                    })
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, evaluation);
criterion_main!(benches);
