#!/usr/bin/env bash
# Builds and runs every test: the .NET test projects (xunit; the integration tests start their own
# emulators), then the compatibility suite (test/compat: the official AWS SDK Pinpoint client against
# the local host, on emulators started here).
#
#   ./test.sh
#
# Then ./bench.sh --smoke, so the benchmarks cannot rot (its figures are printed, not judged; not counted as tests).
#
# Results: .local/test-results/ (one .trx per test project, compat.tap, host and emulator logs, bench-smoke.log).
# The last line is always `tests: N passed, N failed`. Exit status is non-zero when a test failed, a
# runner crashed before it reported, the build failed, or no test ran at all.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root" || exit 1
# shellcheck source=infra/local/lib.sh
source "$root/infra/local/lib.sh"

results="$root/.local/test-results"
compat_state="$root/.local/test-compat"
rm -rf "$results"
mkdir -p "$results"

passed=0
failed=0
problems=()
HOST_PID=""

cleanup() {
  if [[ -n "$HOST_PID" ]]; then
    stop_group "$HOST_PID" 15
    HOST_PID=""
  fi
  "$root/infra/local/stop.sh" "$compat_state" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

finish() {
  cleanup
  if ((passed + failed == 0)); then
    problems+=("no test ran")
  fi
  local problem
  for problem in "${problems[@]}"; do
    echo "test.sh: $problem"
  done
  echo "tests: $passed passed, $failed failed"
  if ((failed > 0 || ${#problems[@]} > 0)); then
    exit 1
  fi
  exit 0
}

section() {
  echo
  echo "=== $* ==="
}

mapfile -t dotnet_args < <(dotnet_common_args)

section "install"
if ! infra/local/install.sh; then
  problems+=("infra/local/install.sh failed")
  finish
fi

section "build"
if ! dotnet build ServerlessInApp.sln "${dotnet_args[@]}" -v q; then
  problems+=("dotnet build failed")
  finish
fi

section "dotnet test"
# One .trx per test project. The trx logger's default file names are made unique per run (a fixed
# LogFileName would be overwritten by each project; LogFilePrefix names collide within one second).
# A hung test host is dumped and killed after 10 minutes rather than eating the CI budget.
dotnet test ServerlessInApp.sln --no-build "${dotnet_args[@]}" \
  --results-directory "$results/dotnet" \
  --logger trx \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m 2>&1 | tee "$results/dotnet-test.log"
dotnet_rc=${PIPESTATUS[0]}

# Sum <Counters .../> of every trx: errors, timeouts and aborts count as failures.
attr() { local v; v="$(grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]\+')"; echo "${v:-0}"; }
dotnet_passed=0
dotnet_failed=0
trx_count=0
shopt -s nullglob
for trx in "$results"/dotnet/*.trx; do
  trx_count=$((trx_count + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  if [[ -z "$counters" ]]; then
    problems+=("$(basename "$trx") has no <Counters>: its test run did not complete")
    continue
  fi
  dotnet_passed=$((dotnet_passed + $(attr passed)))
  dotnet_failed=$((dotnet_failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
done
shopt -u nullglob
passed=$((passed + dotnet_passed))
failed=$((failed + dotnet_failed))
echo "dotnet test: $dotnet_passed passed, $dotnet_failed failed ($trx_count trx files, exit code $dotnet_rc)"
# Every test assembly that ran prints "Results File: ...trx"; each must have left its own file.
announced="$(grep -c 'Results File: .*\.trx' "$results/dotnet-test.log" || true)"
if ((trx_count == 0)); then
  problems+=("dotnet test wrote no .trx file (exit code $dotnet_rc)")
elif ((trx_count != announced)); then
  problems+=("dotnet test announced $announced .trx files but $trx_count exist: counts may be incomplete")
elif ((dotnet_rc != 0 && dotnet_failed == 0)); then
  problems+=("dotnet test exited with $dotnet_rc but reported no failed test: a test host crashed or was aborted")
fi

section "compat (test/compat against the local host)"
run_compat() {
  "$root/infra/local/stop.sh" "$compat_state"
  if ! STACK_OWNER_PID=$$ infra/local/start.sh "$compat_state"; then
    problems+=("the emulators for the compat suite did not start")
    return
  fi
  # shellcheck disable=SC1091
  source "$compat_state/stack.env"
  export TABLE_NAME=ServerlessInApp
  # The host checks SigV4 signatures; it and the suite (helpers.mjs) share development keys other than the defaults.
  export LOCAL_APP_ACCESS_KEY_ID=compat-app LOCAL_APP_SECRET_ACCESS_KEY=compat-app-secret
  export LOCAL_OWNER_ACCESS_KEY_ID=compat-owner LOCAL_OWNER_SECRET_ACCESS_KEY=compat-owner-secret
  local port url t0=$SECONDS
  port="$(any_free_port)"
  url="http://127.0.0.1:$port"
  if ! start_host "$port" "$results/host.log"; then
    problems+=("the local host could not be started")
    return
  fi
  if [[ -z "$HOST_PID" ]] || ! wait_for_health "$url" "$HOST_PID" 120; then
    if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
      problems+=("the local host did not answer $url/_local/health within 120 s (see .local/test-results/host.log)")
    else
      problems+=("the local host exited before it was ready (see .local/test-results/host.log)")
    fi
    echo "--- last lines of host.log:"
    tail -n 30 "$results/host.log" 2>/dev/null
    return
  fi
  echo "host ready at $url after $((SECONDS - t0)) s"

  (
    cd "$root/test/compat" &&
      PINPOINT_ENDPOINT="$url" timeout 20m node --test --test-timeout=120000 \
        --test-reporter=tap --test-reporter-destination="$results/compat.tap" \
        --test-reporter=spec --test-reporter-destination=stdout
  )
  local node_rc=$?
  local tap_pass tap_fail tap_cancelled
  tap_pass="$(grep -E '^# pass [0-9]+' "$results/compat.tap" 2>/dev/null | tail -n 1 | awk '{print $3}')"
  tap_fail="$(grep -E '^# fail [0-9]+' "$results/compat.tap" 2>/dev/null | tail -n 1 | awk '{print $3}')"
  tap_cancelled="$(grep -E '^# cancelled [0-9]+' "$results/compat.tap" 2>/dev/null | tail -n 1 | awk '{print $3}')"
  if [[ -z "$tap_pass" || -z "$tap_fail" ]]; then
    problems+=("node --test exited with $node_rc before it reported totals")
    return
  fi
  tap_fail=$((tap_fail + ${tap_cancelled:-0}))
  passed=$((passed + tap_pass))
  failed=$((failed + tap_fail))
  echo "compat: $tap_pass passed, $tap_fail failed (node exit code $node_rc)"
  # Tests marked `todo` (known gaps of the host) run but count neither way: list them so they stay visible.
  if grep -q '# TODO' "$results/compat.tap"; then
    echo "compat: known gaps (todo tests, not counted):"
    grep -E '^ *(not )?ok [0-9]+ - .*# TODO' "$results/compat.tap" | sed -E 's/^ *//; s/^/  /'
  fi
  if ((node_rc != 0 && tap_fail == 0)); then
    problems+=("node --test exited with $node_rc but reported no failed test")
  fi
}
run_compat

section "bench smoke (./bench.sh --smoke: the benchmarks still run; their figures are not judged)"
# Stop the compat stack first: the benchmarks start their own emulators.
cleanup
if ./bench.sh --smoke >"$results/bench-smoke.log" 2>&1; then
  sed -n '/^=== every figure/,$p' "$results/bench-smoke.log"
else
  tail -n 40 "$results/bench-smoke.log"
  problems+=("./bench.sh --smoke failed (see .local/test-results/bench-smoke.log)")
fi

finish
