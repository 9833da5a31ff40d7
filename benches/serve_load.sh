#!/bin/sh
# The load test of `serve` (issue 13): 64 concurrent clients post a fixture
# profile to /api/v1/check for 20 s, against loopback only, for each of
# three fixtures (covered, not covered, undetermined); prints requests/s,
# latency percentiles, status codes and errors, and the server's resident
# memory before, during and after. Needs `oha` (`cargo install oha`).
set -eu
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin eaeu-rights
port="${PORT:-18181}"
"$target/release/eaeu-rights" serve --addr "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 1
rss() { ps -o rss= -p "$server" | tr -d ' '; }
echo "server RSS at start: $(rss) KB"
for fixture in kg-builder-almaty uz-household-worker no-contract-kind; do
    out=$(mktemp)
    oha -c 64 -z 20s --no-tui -m POST -H 'Content-Type: application/json' \
        -D "fixtures/$fixture.json" --output-format json \
        "http://127.0.0.1:$port/api/v1/check" >"$out"
    python3 - "$out" "$fixture" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s, p = d["summary"], d["latencyPercentiles"]
print(f"{sys.argv[2]}: {s['requestsPerSec']:.0f} requests/s, "
      f"p50 {p['p50'] * 1000:.1f} ms, p99 {p['p99'] * 1000:.1f} ms, "
      f"status {d['statusCodeDistribution']}, errors {d['errorDistribution']}")
PY
    rm -f "$out"
    echo "server RSS: $(rss) KB"
done
