#!/bin/sh
# Whole processes, as a user runs them (issue 15): bench-spec's rules over
# the same generated NDJSON, by the standalone hand-written program
# (benches/handwritten/, which shares no code with eaeu-rights) and by
# `eaeu-rights batch` on one thread, with the bench pack and the embedded
# pack, compact and full JSON. Checks that the hand-written program and
# `batch --rules benches/pack --format compact` write byte-identical output,
# times every run with hyperfine (Debian's package), and prints the table
# of docs/performance.md and the ratio.
#
#     sh benches/whole_process.sh [PROFILES]      # default 200000
#
# Needs hyperfine; about 2 minutes on an idle 2-core machine.
set -eu
cd "$(dirname "$0")/.."
n=${1:-200000}
target=${CARGO_TARGET_DIR:-target}
data=benches/data/gen-$n.ndjson
out=${TMPDIR:-/tmp}/eaeu-whole-process.$$
mkdir -p benches/data "$out"
trap 'rm -rf "$out"' EXIT

cargo build --release --quiet --bin eaeu-rights --example gen
CARGO_TARGET_DIR=$target cargo build --release --quiet \
    --manifest-path benches/handwritten/Cargo.toml
bin=$target/release/eaeu-rights
hand=$target/release/handwritten
[ -s "$data" ] || "$target/release/examples/gen" "$n" 42 > "$data"

export EAEU_RIGHTS_TODAY=2026-11-26 LANG=C
batch="$bin batch - --jobs 1"

"$hand" < "$data" > "$out/hand"
$batch --rules benches/pack --format compact < "$data" > "$out/pack" 2>/dev/null || true
if cmp -s "$out/hand" "$out/pack"; then
    echo "outputs: byte-identical ($(wc -l < "$out/hand") lines)"
else
    echo "outputs DIFFER:"; cmp "$out/hand" "$out/pack"; exit 1
fi
# Output sizes, for the table.
$batch --format compact < "$data" 2>/dev/null | wc -c > "$out/size-embedded-compact" || true
$batch --rules benches/pack --format json < "$data" 2>/dev/null | wc -c > "$out/size-pack-json" || true
$batch --format json < "$data" 2>/dev/null | wc -c > "$out/size-embedded-json" || true
wc -c < "$out/pack" > "$out/size-pack-compact"
wc -c < "$out/hand" > "$out/size-hand"

# `|| true`: the generated profiles include contradictory ones on purpose,
# so batch exits 1 (invalid records) after writing their error records.
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$out/times.json" \
    -n hand-written "$hand < $data > /dev/null" \
    -n 'bench pack, compact' "$batch --rules benches/pack --format compact < $data > /dev/null 2>&1 || true" \
    -n 'embedded pack, compact' "$batch --format compact < $data > /dev/null 2>&1 || true" \
    -n 'bench pack, JSON' "$batch --rules benches/pack --format json < $data > /dev/null 2>&1 || true" \
    -n 'embedded pack, JSON' "$batch --format json < $data > /dev/null 2>&1 || true" \
    > "$out/hyperfine.log"

python3 - "$out" "$n" <<'EOF'
import json, sys
out, n = sys.argv[1], int(sys.argv[2])
runs = json.load(open(f"{out}/times.json"))["results"]
size = {
    "hand-written": "size-hand",
    "bench pack, compact": "size-pack-compact",
    "embedded pack, compact": "size-embedded-compact",
    "bench pack, JSON": "size-pack-json",
    "embedded pack, JSON": "size-embedded-json",
}
hand = next(r for r in runs if r["command"] == "hand-written")
print(f"\n{n} profiles, one thread, whole process (hyperfine, {len(hand['times'])} runs each):\n")
print("| program | wall time, mean ± σ | profiles/s | output | x hand-written |")
print("|---|---:|---:|---:|---:|")
for r in runs:
    name = r["command"]
    mb = int(open(f"{out}/{size[name]}").read()) / 1e6
    rate = n / r["mean"]
    ratio = hand["mean"] / r["mean"]
    print(f"| {name} | {r['mean']:.3f} ± {r['stddev']:.3f} s | {rate/1000:,.0f} k | {mb:,.0f} MB | {ratio:.2f} |")
pack = next(r for r in runs if r["command"] == "bench pack, compact")
print(f"\nbatch --rules benches/pack --format compact --jobs 1 / hand-written: {hand['mean'] / pack['mean']:.2f} x")
EOF
