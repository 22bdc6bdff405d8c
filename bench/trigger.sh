#!/usr/bin/env bash
# Trigger evaluation figures (issue 5, items 1 and 2); prints figures, never fails on them.
#
#   bench/trigger.sh [--smoke]
#
# 1. BenchmarkDotNet (bench/ServerlessInApp.Benchmarks): a Lambda SQS event of 10 queued PutEvents events through
#    TriggerFunction.Handle up to the writes it asks for (in-memory recording stores: storage excluded), against the
#    floor (reading the same batch with LambdaJsonContext + QueueJsonContext, nothing else), at 10, 100, 1,000 and
#    10,000 campaigns per app, with allocations (MemoryDiagnoser).
# 2. The same cases, exported as JSON, through the device matcher Pinpoint users ran (Amplify's processInAppMessages,
#    @aws-amplify/notifications pinned in bench/amplify), evaluations per second beside ours, in the same run.
#
# Ends with markdown rows: | figure | ours | floor or peer | ratio | target | holds |
# --smoke: short BenchmarkDotNet job and short timing loops (well under 2 minutes); exits 0 whenever it ran.
# Artifacts: .local/bench/trigger/ (BenchmarkDotNet logs and reports, cases.json, ours.json, rows.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
smoke=""
seconds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke="--smoke"; seconds=1; shift ;;
    *) echo "trigger.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

out="$root/.local/bench/trigger"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$out"
rm -f "$out/rows.md" "$out/peer.md" "$out/cases.json" "$out/ours.json"

echo "== build" >&2
dotnet build -nologo -v quiet -c Release bench/ServerlessInApp.Benchmarks >/dev/null
(cd bench/amplify && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dll="bench/ServerlessInApp.Benchmarks/bin/Release/net10.0/ServerlessInApp.Benchmarks.dll"

status=0
echo "== 0. the catalog's attribute index keeps every matching campaign" >&2
dotnet "$dll" check >&2 || status=$?

echo "== 1. trigger evaluation vs the deserialization floor (BenchmarkDotNet${smoke:+, short job})" >&2
dotnet "$dll" trigger $smoke --artifacts "$out" --rows "$out/rows.md" >"$out/benchmarkdotnet.log" 2>&1 || status=$?
# The summary table BenchmarkDotNet printed (the whole log is in $out/benchmarkdotnet.log).
sed -n '/^| Method/,/^$/p' "$out/benchmarkdotnet.log" >&2 || true
if [[ $status -ne 0 ]]; then
  echo "trigger.sh: BenchmarkDotNet exited $status; see $out/benchmarkdotnet.log" >&2
  tail -30 "$out/benchmarkdotnet.log" >&2
fi

echo "== 2. the same cases through Amplify's device matcher, evals/s beside ours (1,000 campaigns)" >&2
dotnet "$dll" peer --campaigns 1000 --seconds "$seconds" --cases "$out/cases.json" --ours "$out/ours.json" >&2 || status=$?
if [[ -f "$out/ours.json" ]]; then
  node bench/amplify/match.mjs --cases "$out/cases.json" --ours "$out/ours.json" --seconds "$seconds" >"$out/peer.md" || status=$?
fi

echo "== figures (nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average at start ${load_start}, at end $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| figure | ours | floor or peer | ratio | target | holds |"
echo "|---|---|---|---|---|---|"
cat "$out/rows.md" "$out/peer.md" 2>/dev/null || true

if [[ -n "$smoke" ]]; then
  # CI smoke: it ran; the figures are reported, not judged.
  [[ -s "$out/rows.md" && -s "$out/peer.md" ]] || { echo "trigger.sh: a part did not produce its figures" >&2; exit 1; }
  exit 0
fi
exit "$status"
