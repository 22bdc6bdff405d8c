#!/usr/bin/env bash
# Measures the product on the local stack and prints figures (never pass/fail).
#
#   ./bench.sh [--events N]
#
# Today: event accepted (PutEvents 202) -> message returned by GetInAppMessages, N events (default 100).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
events=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

state_dir="$root/.local/bench"
cleanup() { "$root/infra/local/stop.sh" "$state_dir" || true; }
trap cleanup EXIT

infra/local/install.sh
dotnet build -nologo -v quiet -c Release bench/ServerlessInApp.Bench >/dev/null
infra/local/start.sh "$state_dir"
# shellcheck disable=SC1091
source "$state_dir/stack.env"
AWS_LAMBDA_LOG_LEVEL=WARN dotnet bench/ServerlessInApp.Bench/bin/Release/net10.0/ServerlessInApp.Bench.dll latency --events "$events"
