#!/usr/bin/env bash
# Moves every message of the local dead-letter queue back to the events queue, once the cause of the failures is
# fixed: the local stand-in for `aws sqs start-message-move-task` (the SQS emulator lacks StartMessageMoveTask).
#
#   infra/local/redrive.sh [STATE_DIR]
#
# STATE_DIR is where the running stack keeps stack.env (default: .local/run, ./run.sh's). Queue names follow
# EVENTS_QUEUE_NAME and DEAD_LETTER_QUEUE_NAME as the host does. Prints how many messages moved; exits non-zero if
# the events queue refused any (they stay in the dead-letter queue: run it again).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=infra/local/lib.sh
source "$root/infra/local/lib.sh"

state_dir="${1:-$root/.local/run}"
if [[ ! -f "$state_dir/stack.env" ]]; then
  echo "redrive.sh: $state_dir/stack.env not found: start the stack first (./run.sh)" >&2
  exit 1
fi
# shellcheck disable=SC1091
source "$state_dir/stack.env"

dll="$(host_dll)"
if [[ ! -f "$dll" ]]; then
  mapfile -t dotnet_args < <(dotnet_common_args)
  dotnet build "$root/src/ServerlessInApp.LocalHost" "${dotnet_args[@]}" -v q >/dev/null
fi
exec dotnet "$dll" redrive
