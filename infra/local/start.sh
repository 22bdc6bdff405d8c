#!/usr/bin/env bash
# Starts the local AWS parts in the background: DynamoDB Local (the official jar shipped in the npm
# package amplify-dynamodb-simulator, run with the machine's Java) and fauxqs (SQS emulator).
#
#   infra/local/start.sh STATE_DIR
#
# Each emulator gets a free port, runs in its own process group and logs to STATE_DIR/*.log.
# When both answer HTTP, writes STATE_DIR/stack.env (source it) and STATE_DIR/pids (for stop.sh).
#
# Environment (all optional):
#   DYNAMODB_DB_PATH=DIR       keep DynamoDB data in DIR (-dbPath) instead of -inMemory
#   DYNAMODB_JAVA_OPTS="..."   extra JVM options for DynamoDB Local
#   STACK_OWNER_PID=PID        stop the emulators by themselves once process PID has exited
#                              (so a killed test run or shell leaves no java/node behind)
#   STACK_START_TIMEOUT=S      seconds to wait for each emulator (default 30)
#
# Needs: java (17+), node (20+), curl, setsid. Run infra/local/install.sh first.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 STATE_DIR" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state_dir="$1"
mkdir -p "$state_dir"
state_dir="$(cd "$state_dir" && pwd)"
timeout_s="${STACK_START_TIMEOUT:-30}"
emulator="$here/node_modules/amplify-dynamodb-simulator/emulator"

for tool in java node curl setsid; do
  command -v "$tool" >/dev/null || { echo "start.sh: '$tool' is not on PATH" >&2; exit 1; }
done
if [[ ! -f "$emulator/DynamoDBLocal.jar" || ! -d "$here/node_modules/fauxqs" ]]; then
  echo "start.sh: emulators are not installed; run infra/local/install.sh" >&2
  exit 1
fi
if [[ -s "$state_dir/pids" ]]; then
  echo "start.sh: $state_dir/pids exists: a stack may already run there (run stop.sh $state_dir first)" >&2
  exit 1
fi

: > "$state_dir/pids"

# On any failure, stop what this script already started.
cleanup_on_error() {
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    "$here/stop.sh" "$state_dir" >/dev/null 2>&1 || true
  fi
}
trap cleanup_on_error EXIT

free_port() {
  # Bind to port 0 on every interface (both emulators listen on 0.0.0.0) and report what the kernel chose.
  node -e 'const s=require("net").createServer();s.listen(0,"0.0.0.0",()=>{console.log(s.address().port);s.close();});'
}

# answers NAME PORT: true once the emulator answers an HTTP request (any status).
answers() {
  local target
  case "$1" in
    dynamodb) target="DynamoDB_20120810.ListTables" ;;
    fauxqs) target="AmazonSQS.ListQueues" ;;
  esac
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST \
    -H "X-Amz-Target: $target" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    -d '{}' "http://127.0.0.1:$2/" 2>/dev/null || true)"
  [[ -n "$code" && "$code" != "000" ]]
}

# launch NAME PORT LOG: starts one emulator in a new session (own process group); echoes its pid.
launch() {
  local name="$1" port="$2" log="$3"
  case "$name" in
    dynamodb)
      local storage=(-inMemory)
      if [[ -n "${DYNAMODB_DB_PATH:-}" ]]; then
        mkdir -p "$DYNAMODB_DB_PATH"
        storage=(-dbPath "$(cd "$DYNAMODB_DB_PATH" && pwd)")
      fi
      # Run from STATE_DIR: DynamoDB Local writes dynamodb-local-metadata.json into its working directory.
      # shellcheck disable=SC2086 # DYNAMODB_JAVA_OPTS is a list of options
      (cd "$state_dir" && exec setsid java ${DYNAMODB_JAVA_OPTS:-} -Djava.library.path="$emulator/DynamoDBLocal_lib" \
        -jar "$emulator/DynamoDBLocal.jar" "${storage[@]}" -port "$port" -disableTelemetry \
        </dev/null >"$log" 2>&1) &
      ;;
    fauxqs)
      (cd "$here" && FAUXQS_PORT="$port" FAUXQS_LOGGER="${FAUXQS_LOGGER:-false}" \
        exec setsid node "$here/fauxqs.mjs" </dev/null >"$log" 2>&1) &
      ;;
  esac
  echo $!
}

# start NAME: picks a port, launches, waits until it answers; writes STATE_DIR/NAME.port.
# Retries with another port if the one picked was taken before the emulator bound it.
start() {
  local name="$1" log="$state_dir/$1.log" attempt port pid deadline began
  began=$(date +%s%N)
  for attempt in 1 2 3; do
    port="$(free_port)"
    pid="$(launch "$name" "$port" "$log")"
    echo "$name $pid" >> "$state_dir/pids"
    deadline=$((SECONDS + timeout_s))
    while ((SECONDS < deadline)); do
      if ! kill -0 "$pid" 2>/dev/null; then
        break
      fi
      if answers "$name" "$port"; then
        echo "$port" > "$state_dir/$name.port"
        echo $((($(date +%s%N) - began) / 1000000)) > "$state_dir/$name.ready_ms"
        return 0
      fi
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "start.sh: $name did not answer on port $port within ${timeout_s}s; last lines of $log:" >&2
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    if grep -qiE 'address already in use|EADDRINUSE|BindException' "$log" 2>/dev/null && ((attempt < 3)); then
      echo "start.sh: port $port was taken before $name bound it; retrying" >&2
      continue
    fi
    echo "start.sh: $name exited before it answered; last lines of $log:" >&2
    tail -n 20 "$log" >&2 || true
    return 1
  done
  return 1
}

t0=$(date +%s%N)
# Start both, then wait: DynamoDB Local (JVM) is the slow one, so launch it first and check fauxqs meanwhile.
start dynamodb &
ddb_waiter=$!
start fauxqs || { wait "$ddb_waiter" || true; exit 1; }
wait "$ddb_waiter"
dynamodb_port="$(cat "$state_dir/dynamodb.port")"
fauxqs_port="$(cat "$state_dir/fauxqs.port")"

if [[ -n "${STACK_OWNER_PID:-}" ]]; then
  # Watchdog: once the owner is gone, stop the stack (covers a SIGKILLed run.sh or test host).
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" "$3"' \
    watchdog "$STACK_OWNER_PID" "$here/stop.sh" "$state_dir" </dev/null >"$state_dir/watchdog.log" 2>&1 &
  echo "watchdog $!" >> "$state_dir/pids"
fi

cat > "$state_dir/stack.env" <<EOF
export DYNAMODB_SERVICE_URL=http://127.0.0.1:$dynamodb_port
export SQS_SERVICE_URL=http://127.0.0.1:$fauxqs_port
export AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=local
export AWS_SECRET_ACCESS_KEY=local
EOF
t1=$(date +%s%N)
echo "local stack up in $(( (t1 - t0) / 1000000 )) ms: DynamoDB Local on port $dynamodb_port" \
  "(ready after $(cat "$state_dir/dynamodb.ready_ms") ms), fauxqs on port $fauxqs_port" \
  "(ready after $(cat "$state_dir/fauxqs.ready_ms") ms); state in $state_dir"
