#!/usr/bin/env bash
# Measures the product and prints figures beside their floors or peers, measured side by side in the same run
# (never pass/fail: a figure that misses its target is reported, not an error).
#
#   ./bench.sh [--smoke] [--events N]
#
#   1-2  bench/trigger.sh    trigger evaluation vs. deserializing the batch (BenchmarkDotNet), and vs. Amplify's matcher
#   3-5,8 bench/load.sh      storage work per event, fetch latency vs. the raw Query, pipeline throughput vs.
#                            BatchWriteItem, cost per million events (on the local stack)
#   6-7  bench/coldstart.sh  cold start of the published function executable, per way of shipping it; peak memory
#                            of each handler's published (AOT) process under load
#   and  the latency harness event accepted (PutEvents 202) -> message returned by GetInAppMessages, N events (default 100)
#
# --smoke: every part at tiny sizes, only to prove it still runs (.ci/run calls it through ./test.sh).
# Each part's whole output: .local/bench/<part>.log. The last lines are one table of every figure.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root" || exit 1
smoke=()
events=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke=(--smoke); events=10; shift ;;
    --events)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "bench.sh: --events needs a number" >&2; exit 2; }
      events="$2"; shift 2 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

logs="$root/.local/bench"
mkdir -p "$logs"
failed=()
started=$SECONDS

# part NAME COMMAND...: runs one part, its output to the terminal and to .local/bench/NAME.log.
part() {
  local name="$1"
  shift
  echo
  echo "=== $name: $* ==="
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  ((rc == 0)) || failed+=("$name (exit $rc; see .local/bench/$name.log)")
}

latency() {
  local state_dir="$root/.local/bench-latency"
  "$root/infra/local/stop.sh" "$state_dir" >/dev/null 2>&1 || true
  infra/local/install.sh &&
    dotnet build -nologo -v quiet -c Release bench/ServerlessInApp.Bench >/dev/null &&
    STACK_OWNER_PID=$$ infra/local/start.sh "$state_dir" || return 1
  # shellcheck disable=SC1091
  (source "$state_dir/stack.env" &&
    AWS_LAMBDA_LOG_LEVEL=WARN dotnet bench/ServerlessInApp.Bench/bin/Release/net10.0/ServerlessInApp.Bench.dll latency --events "$events")
  local rc=$?
  "$root/infra/local/stop.sh" "$state_dir" >/dev/null 2>&1 || true
  return $rc
}

part trigger bench/trigger.sh "${smoke[@]}"
part load bench/load.sh "${smoke[@]}"
part coldstart bench/coldstart.sh "${smoke[@]}"
part latency latency

echo
echo "=== every figure ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average now $(cut -d' ' -f1-3 /proc/loadavg); $((SECONDS - started)) s) ==="
echo "| figure | ours | floor or peer | ratio | target | holds |"
echo "|---|---|---|---|---|---|"
for name in trigger load coldstart; do
  grep -E '^\| ' "$logs/$name.log" 2>/dev/null | grep -vE '^\| (figure|---)' | grep -E '\| *(yes|no|-|—) *\|$' || true
done
grep -E 'median .* ms' "$logs/latency.log" 2>/dev/null | sed 's/^ */latency, event accepted -> message returned: /' || true
if ((${#failed[@]} > 0)); then
  printf 'bench.sh: a part did not run: %s\n' "${failed[@]}" >&2
  exit 1
fi
