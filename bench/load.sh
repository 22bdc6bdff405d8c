#!/usr/bin/env bash
# The load harness on the local stack (issue 5 items 3, 4, 5, 7, 8): storage work per event, fetch latency,
# pipeline throughput, peak memory and cost per million events, each beside its floor measured in the same run.
# Prints the details, then one markdown table row per figure: | figure | ours | floor or peer | ratio | target | holds |
#
#   bench/load.sh [--smoke] [--only storage|fetch|throughput]
#
# --smoke: tiny sizes (200 events, 200 fetches), under ~2 minutes; exits 0 whatever the figures (CI calls it).
# Starts its own emulators (state in .local/load/), stopped on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) mode+=(--smoke); shift ;;
    --only) mode+=(--only "$2"); shift 2 ;;
    *) echo "load.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

state_dir="$root/.local/load"
cleanup() { "$root/infra/local/stop.sh" "$state_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

infra/local/install.sh
dotnet build -nologo -v quiet -c Release bench/ServerlessInApp.Bench >/dev/null
STACK_OWNER_PID=$$ infra/local/start.sh "$state_dir"
export STACK_STATE_DIR="$state_dir" # for the emulators' CPU time (bench/ServerlessInApp.Bench/StackCpu.cs)
# shellcheck disable=SC1091
source "$state_dir/stack.env"
AWS_LAMBDA_LOG_LEVEL=WARN dotnet bench/ServerlessInApp.Bench/bin/Release/net10.0/ServerlessInApp.Bench.dll load "${mode[@]}"
