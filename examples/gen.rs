//! Writes N generated worker profiles as NDJSON to stdout, byte-identical to
//! `bench/gen.py N SEED` beside bench-spec.md:
//!
//!     cargo run --release --example gen -- 1000000 42 > benches/data/1m.ndjson

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(seed)) = (
        args.first().and_then(|s| s.parse::<u64>().ok()),
        args.get(1).and_then(|s| s.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: gen N SEED");
        return ExitCode::from(2);
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match eaeu_rights::bench_support::gen::write_ndjson(&mut out, n, seed)
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::FAILURE
        }
    }
}
