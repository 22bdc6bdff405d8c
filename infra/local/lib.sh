# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034 # $root is set by the caller; HOST_PID is read by the caller
# Helpers shared by ./run.sh and ./test.sh (sourced, not run). Expects $root (the repository root).
#
# ARTIFACTS_PATH=DIR (optional): build into DIR (dotnet --artifacts-path) instead of each project's bin/obj.

# Options for every dotnet build/test call.
dotnet_common_args() {
  local args=(-nologo)
  if [[ -n "${ARTIFACTS_PATH:-}" ]]; then
    args+=(--artifacts-path "$ARTIFACTS_PATH")
  fi
  if [[ -n "${CI:-}" ]]; then
    # Leave no MSBuild node or compiler server running after a CI run.
    args+=(--disable-build-servers)
  fi
  printf '%s\n' "${args[@]}"
}

# The local host's entry assembly, where `dotnet build` puts it.
host_dll() {
  if [[ -n "${ARTIFACTS_PATH:-}" ]]; then
    echo "$ARTIFACTS_PATH/bin/ServerlessInApp.LocalHost/debug/ServerlessInApp.LocalHost.dll"
  else
    echo "$root/src/ServerlessInApp.LocalHost/bin/Debug/net10.0/ServerlessInApp.LocalHost.dll"
  fi
}

# port_is_free PORT: true when PORT can be bound on 127.0.0.1.
port_is_free() {
  node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(Number(process.argv[1]),"127.0.0.1",()=>s.close(()=>process.exit(0)));' "$1" 2>/dev/null
}

# any_free_port: a port the kernel reports free on loopback.
any_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# start_host PORT LOG [host arguments...]: starts the local host in its own process group, with the
# environment of stack.env already exported; stdout/stderr go to LOG ("-" for the terminal). Sets HOST_PID.
start_host() {
  local port="$1" log="$2"
  shift 2
  local dll
  dll="$(host_dll)"
  if [[ ! -f "$dll" ]]; then
    echo "host not built: $dll is missing" >&2
    return 1
  fi
  # The content root is the build output folder, where appsettings*.json are copied.
  if [[ "$log" == "-" ]]; then
    (cd "$(dirname "$dll")" && exec setsid dotnet "$dll" --urls "http://127.0.0.1:$port" "$@" </dev/null) &
  else
    (cd "$(dirname "$dll")" && exec setsid dotnet "$dll" --urls "http://127.0.0.1:$port" "$@" </dev/null >"$log" 2>&1) &
  fi
  HOST_PID=$!
}

# wait_for_health URL PID SECONDS: polls URL/_local/health until it answers 200; fails early if PID exits.
wait_for_health() {
  local url="$1" pid="$2" deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/_local/health" 2>/dev/null)" == "200" ]]; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# stop_group PGID [SECONDS]: SIGTERM to the process group, SIGKILL if it is still there after SECONDS (default 10).
stop_group() {
  local pgid="$1" deadline=$((SECONDS + ${2:-10}))
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  while kill -0 -- "-$pgid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
