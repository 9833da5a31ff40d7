//! Profiles per second: evaluation alone (profiles already parsed) and end
//! to end (NDJSON in, compact NDJSON out), on one thread and on all cores,
//! for the hand-written baseline, the bench pack and the embedded pack.
//!
//! Run with `cargo bench --bench batch` (docs/performance.md). After the
//! measurements it prints the table of throughputs and the ratios the issue
//! sets targets for, read back from criterion's estimates of this run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use criterion::{criterion_group, Bencher, Criterion, Throughput};
use eaeu_rights::bench_support::{
    self, compact_stream, gen, handwritten, handwritten_stream, today,
};
use eaeu_rights::engine::{Decider, RulePack};
use eaeu_rights::profile::WorkerProfile;

/// Profiles per measured iteration of evaluation alone.
const N: u64 = 10_000;
/// Lines per measured iteration end to end (about 63 MB): enough that
/// starting and draining the pipeline (threads, the first and last chunks)
/// weigh little, as in a real batch.
const N_E2E: u64 = 200_000;
const SEED: u64 = 42;

fn bench_pack() -> RulePack {
    bench_support::bench_pack().unwrap()
}

fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Measures `run` over `profiles` split across `jobs` threads that live for
/// the whole measurement, each with its own state, as `batch`'s workers
/// do: no thread is started in the measured loop. This thread takes the
/// first share; each iteration wakes the others for theirs and waits.
fn measure_on_threads<S, M, R>(
    b: &mut Bencher<'_>,
    profiles: &[WorkerProfile],
    jobs: usize,
    make: M,
    run: R,
) where
    M: Fn() -> S + Sync,
    R: Fn(&mut S, &[WorkerProfile]) + Sync,
{
    let size = profiles.len().div_ceil(jobs.max(1));
    let mut parts = profiles.chunks(size);
    let mine = parts.next().unwrap_or_default();
    let mut state = make();
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<()>();
        let mut go = Vec::new();
        for part in parts {
            let (go_tx, go_rx) = mpsc::channel::<()>();
            go.push(go_tx);
            let (done_tx, make, run) = (done_tx.clone(), &make, &run);
            scope.spawn(move || {
                let mut state = make();
                while go_rx.recv().is_ok() {
                    run(&mut state, part);
                    done_tx.send(()).unwrap();
                }
            });
        }
        b.iter(|| {
            for tx in &go {
                tx.send(()).unwrap();
            }
            run(&mut state, mine);
            for _ in &go {
                done_rx.recv().unwrap();
            }
        });
        // Dropping the senders ends the threads.
        drop(go);
    });
}

fn evaluation(c: &mut Criterion) {
    let text = String::from_utf8(gen::ndjson(N, SEED)).unwrap();
    // The generator's few contradictory profiles are refused by the profile
    // contract; evaluation alone runs over the accepted ones.
    let profiles: Vec<WorkerProfile> = eaeu_rights::bench_support::accepted_profiles(&text);
    let bench = bench_pack();
    let embedded = eaeu_rights::rules::embedded_pack().unwrap();
    let mut g = c.benchmark_group("eval");
    g.throughput(Throughput::Elements(profiles.len() as u64));
    for (jobs, suffix) in [(1, "1"), (all_cores(), "all")] {
        g.bench_function(format!("handwritten/{suffix}"), |b| {
            measure_on_threads(
                b,
                &profiles,
                jobs,
                || (),
                |(), part| {
                    for p in part {
                        black_box(handwritten::evaluate(black_box(p)));
                    }
                },
            )
        });
        for (name, pack) in [("bench-pack", &bench), ("embedded-pack", &embedded)] {
            g.bench_function(format!("{name}/{suffix}"), |b| {
                measure_on_threads(
                    b,
                    &profiles,
                    jobs,
                    || Decider::new(pack),
                    |decider, part| {
                        for p in part {
                            black_box(decider.decide(black_box(p)).outcomes().len());
                        }
                    },
                )
            });
        }
    }
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let input: &'static [u8] = Box::leak(gen::ndjson(N_E2E, SEED).into_boxed_slice());
    let bench = bench_pack();
    let embedded = eaeu_rights::rules::embedded_pack().unwrap();
    let mut g = c.benchmark_group("e2e");
    g.sample_size(20);
    g.throughput(Throughput::Elements(N_E2E));
    for (jobs, suffix) in [(1, "1"), (all_cores(), "all")] {
        g.bench_function(format!("handwritten/{suffix}"), |b| {
            b.iter(|| handwritten_stream(input, std::io::sink(), jobs).unwrap())
        });
        for (name, pack) in [("bench-pack", &bench), ("embedded-pack", &embedded)] {
            g.bench_function(format!("{name}/{suffix}"), |b| {
                b.iter(|| compact_stream(pack, input, std::io::sink(), jobs, today()).unwrap())
            });
        }
    }
    g.finish();
}

/// An explained report for one profile, as `check` makes it: the reasons
/// (`explain`), then the report with its sentences (`report::build`); the
/// first 1,000 accepted generated profiles, embedded pack.
fn explained_report(c: &mut Criterion) {
    let text = String::from_utf8(gen::ndjson(1_000, SEED)).unwrap();
    let profiles: Vec<WorkerProfile> = eaeu_rights::bench_support::accepted_profiles(&text);
    let pack = eaeu_rights::rules::embedded_pack().unwrap();
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements(profiles.len() as u64));
    g.bench_function("explain", |b| {
        b.iter(|| {
            for p in &profiles {
                black_box(
                    eaeu_rights::engine::explain(&pack, black_box(p))
                        .results
                        .len(),
                );
            }
        })
    });
    g.bench_function("explain+build", |b| {
        b.iter(|| {
            for p in &profiles {
                let e = eaeu_rights::engine::explain(&pack, black_box(p));
                black_box(eaeu_rights::report::build(&pack, p, &e).findings.len());
            }
        })
    });
    g.finish();
}

fn pack_load(c: &mut Criterion) {
    c.bench_function("pack/compile-embedded", |b| {
        b.iter(|| black_box(eaeu_rights::rules::embedded_pack().unwrap().len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = evaluation, end_to_end, explained_report, pack_load
}

/// criterion's directory (`$CRITERION_HOME`, else `target/criterion`).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    target.join("criterion")
}

/// Mean time per iteration (ns) and its 95% bounds, from this run's estimates.
fn mean_ns(group: &str, id: &str) -> Option<(f64, f64, f64)> {
    let path = criterion_dir()
        .join(group)
        .join(id.replace('/', "_"))
        .join("new/estimates.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let mean = v.get("mean")?;
    let ci = mean.get("confidence_interval")?;
    Some((
        mean.get("point_estimate")?.as_f64()?,
        ci.get("lower_bound")?.as_f64()?,
        ci.get("upper_bound")?.as_f64()?,
    ))
}

/// Prints profiles/s for every measurement and the target ratios.
fn summary() {
    let per_iter = |group: &str| {
        if group == "eval" {
            // Evaluation alone runs over the accepted profiles only.
            let text = String::from_utf8(gen::ndjson(N, SEED)).unwrap();
            eaeu_rights::bench_support::accepted_profiles(&text).len() as f64
        } else {
            N_E2E as f64
        }
    };
    println!(
        "\nprofiles per second (mean, [95% interval]), {} cores:",
        all_cores()
    );
    let mut rate = std::collections::HashMap::new();
    for group in ["eval", "e2e"] {
        let n = per_iter(group);
        for who in ["handwritten", "bench-pack", "embedded-pack"] {
            for threads in ["1", "all"] {
                let id = format!("{who}/{threads}");
                if let Some((mean, lo, hi)) = mean_ns(group, &id) {
                    let r = n / mean * 1e9;
                    rate.insert(format!("{group}/{id}"), r);
                    println!(
                        "  {group:4} {id:18} {:>12.0}  [{:.0} .. {:.0}]",
                        r,
                        n / hi * 1e9,
                        n / lo * 1e9
                    );
                }
            }
        }
    }
    let ratio = |a: &str, b: &str| Some(rate.get(a)? / rate.get(b)?);
    println!("\ntarget ratios:");
    for (what, a, b, target) in [
        (
            "eval, bench pack / hand-written, 1 thread",
            "eval/bench-pack/1",
            "eval/handwritten/1",
            0.5,
        ),
        (
            "e2e, bench pack / hand-written, 1 thread",
            "e2e/bench-pack/1",
            "e2e/handwritten/1",
            0.7,
        ),
        (
            "e2e, bench pack, all cores / 1 thread",
            "e2e/bench-pack/all",
            "e2e/bench-pack/1",
            1.7,
        ),
        (
            "e2e, embedded pack, all cores / 1 thread",
            "e2e/embedded-pack/all",
            "e2e/embedded-pack/1",
            1.7,
        ),
        (
            "eval, bench pack, all cores / 1 thread",
            "eval/bench-pack/all",
            "eval/bench-pack/1",
            1.7,
        ),
    ] {
        match ratio(a, b) {
            Some(r) => println!(
                "  {what:45} {r:5.2}  (target >= {target}: {})",
                if r >= target { "met" } else { "NOT met" }
            ),
            None => println!("  {what:45}   n/a  (not measured in this run)"),
        }
    }
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
