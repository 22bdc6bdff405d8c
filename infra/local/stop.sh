#!/usr/bin/env bash
# Stops what infra/local/start.sh STATE_DIR started: every process group listed in STATE_DIR/pids
# (SIGTERM, then SIGKILL after 5 s), then removes pids and stack.env. Safe to run twice.
#
#   infra/local/stop.sh STATE_DIR
set -uo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 STATE_DIR" >&2
  exit 2
fi
state_dir="$1"
pids_file="$state_dir/pids"
[[ -f "$pids_file" ]] || exit 0

# Each emulator was started with setsid, so its pid is also its process group id.
# Only signal a group whose leader is still the process we started (its pgid equals the recorded pid).
groups=()
while read -r name pid; do
  [[ -n "${pid:-}" ]] || continue
  # The watchdog calls this script itself: don't kill the process running us.
  if [[ "$name" == "watchdog" && "$pid" == "$(ps -o sid= -p $$ 2>/dev/null | tr -d ' ')" ]]; then
    continue
  fi
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
  if [[ "$pgid" == "$pid" ]]; then
    groups+=("$pid")
  fi
done < "$pids_file"

for g in "${groups[@]}"; do
  kill -TERM -- "-$g" 2>/dev/null || true
done

deadline=$((SECONDS + 5))
for g in "${groups[@]}"; do
  while kill -0 -- "-$g" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.1
  done
  if kill -0 -- "-$g" 2>/dev/null; then
    kill -KILL -- "-$g" 2>/dev/null || true
  fi
done

rm -f "$pids_file" "$state_dir/stack.env" "$state_dir"/*.port "$state_dir"/*.ready_ms
exit 0
