#!/usr/bin/env bash
# Runs ServerlessInApp locally: DynamoDB Local + fauxqs + the local host, in the foreground.
#
#   ./run.sh [--demo] [--port N]
#
#   --demo     seed a demo app, template and campaign, and print curl commands to try
#   --port N   listen on http://127.0.0.1:N (default: 5080, or the next free port after it)
#
# Every request but GET /_local/health must be SigV4-signed with a development key; the host prints both (app key:
# PutEvents, UpdateEndpoint, GetInAppMessages; owner key: every route). LOCAL_APP_ACCESS_KEY_ID,
# LOCAL_APP_SECRET_ACCESS_KEY, LOCAL_OWNER_ACCESS_KEY_ID and LOCAL_OWNER_SECRET_ACCESS_KEY replace them.
# Ctrl-C stops the host and the emulators. Emulator state and logs: .local/run/. Dead-lettered events go back to
# the events queue with infra/local/redrive.sh while this runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=infra/local/lib.sh
source "$root/infra/local/lib.sh"

demo=()
port=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --demo) demo=(--demo); shift ;;
    --port)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "run.sh: --port needs a number" >&2; exit 2; }
      port="$2"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

for tool in dotnet node npm java curl setsid; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is not on PATH" >&2; exit 1; }
done

state_dir="$root/.local/run"
HOST_PID=""
interrupted=0

cleanup() {
  trap - INT TERM HUP
  if [[ -n "$HOST_PID" ]]; then
    stop_group "$HOST_PID" 15
  fi
  "$root/infra/local/stop.sh" "$state_dir" || true
}
trap cleanup EXIT
on_signal() {
  interrupted=1
  if [[ -n "$HOST_PID" ]]; then
    kill -TERM -- "-$HOST_PID" 2>/dev/null || true
  else
    exit 130
  fi
}
trap on_signal INT TERM HUP

infra/local/install.sh

echo "run.sh: building..." >&2
mapfile -t dotnet_args < <(dotnet_common_args)
if ! build_log="$(dotnet build ServerlessInApp.sln "${dotnet_args[@]}" -v q 2>&1)"; then
  echo "$build_log" | grep -E 'error|Error' | head -n 40 >&2
  echo "run.sh: build failed" >&2
  exit 1
fi

if [[ -n "$port" ]]; then
  port_is_free "$port" || { echo "run.sh: port $port is in use" >&2; exit 1; }
else
  port=5080
  until port_is_free "$port"; do
    port=$((port + 1))
    ((port < 5180)) || { echo "run.sh: no free port in 5080-5179" >&2; exit 1; }
  done
fi

# A previous run killed with SIGKILL may have left its emulators (its watchdog normally stops them).
"$root/infra/local/stop.sh" "$state_dir"
STACK_OWNER_PID=$$ infra/local/start.sh "$state_dir" >&2
# shellcheck disable=SC1091
source "$state_dir/stack.env"
export TABLE_NAME="${TABLE_NAME:-ServerlessInApp}"

url="http://127.0.0.1:$port"
start_host "$port" - "${demo[@]}"
if wait_for_health "$url" "$HOST_PID" 120; then
  echo
  echo "ServerlessInApp is running at $url   (Ctrl-C to stop; emulator logs in .local/run/)"
  echo "Sign every request with a development key printed above (curl --aws-sigv4, or any AWS SDK client)."
  echo
elif ((interrupted == 0)); then
  if kill -0 "$HOST_PID" 2>/dev/null; then
    echo "run.sh: the host did not answer $url/_local/health within 120 s" >&2
  else
    echo "run.sh: the host exited before it was ready" >&2
  fi
  exit 1
fi

# `wait` returns early when a trapped signal arrives; keep waiting until the host has really exited.
rc=0
while kill -0 "$HOST_PID" 2>/dev/null; do
  wait "$HOST_PID" && rc=0 || rc=$?
done
if ((interrupted == 1)); then
  rc=0
fi
exit "$rc"
