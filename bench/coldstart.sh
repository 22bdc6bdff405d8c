#!/usr/bin/env bash
# Cold start of the published function executable, per way of shipping it, beside an empty .NET program.
#
#   bench/coldstart.sh [--smoke] [--runs N] [--memory N]
#
# Publishes (into .local/coldstart/, ignored by git), for this machine's architecture:
#   fd       framework-dependent, started as `dotnet exec bootstrap.dll` (managed dotnet10, executable mode)
#   fd-r2r   the same with -p:PublishReadyToRun=true
#   sc       self-contained bootstrap (provided.al2023): src/ServerlessInApp.Functions/Makefile with PUBLISH_AOT=false
#   sc-r2r   the same with -p:PublishReadyToRun=true
#   aot      Native AOT bootstrap (provided.al2023): the Makefile as sam build runs it (what ships)
# and the empty program bench/coldstart/Empty as empty-fd (the floor of every ratio), empty-sc and empty-aot.
# Then starts DynamoDB Local + fauxqs, seeds them, and times N (default 10) fresh starts of each variant for each
# handler (ingest, trigger, fetch, admin), each serving one real invocation against the emulators, side by side.
# Then the memory of what ships: one aot process per handler serves --memory N (default 300) invocations back to
# back, and its peak working set (VmHWM) is read before it is stopped.
# Ends with markdown rows: | figure | ours | floor or peer | ratio | target | holds |. Figures only: exits 0
# whatever they are (non-zero only when something could not be built or run).
#
# --smoke: only empty-fd and aot (what the Makefile ships), one round, 10 invocations for memory: a check that it all works, in about 3 minutes.
# Native AOT needs clang (`clang` or a `clang-NN` on PATH); see docs/deployment.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=10
memory=300
smoke=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke=true; runs=1; memory=10; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    *) echo "coldstart.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "coldstart.sh: no Lambda architecture for $(uname -m)" >&2; exit 1 ;;
esac

work="$root/.local/coldstart"
out="$work/out"
build="$work/build"
state_dir="$work/stack"
mkdir -p "$out" "$build"
log="$work/build.log"
: > "$log"

cleanup() { "$root/infra/local/stop.sh" "$state_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT

functions="src/ServerlessInApp.Functions/ServerlessInApp.Functions.csproj"
empty="bench/coldstart/Empty/Empty.csproj"

step() { echo "coldstart: $*"; }
# run LABEL COMMAND...: runs a build step with its output in the log, shown only if it fails.
run() {
  local label="$1"; shift
  local began=$SECONDS
  if ! "$@" >>"$log" 2>&1; then
    echo "coldstart: $label failed; the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  step "$label ($((SECONDS - began)) s)"
}

# publish NAME PROJECT SWITCHES...: dotnet publish into $out/NAME with its own intermediate folder.
publish() {
  local name="$1" project="$2"; shift 2
  rm -rf "${out:?}/$name"
  run "published $name" dotnet publish "$project" --configuration Release --runtime "$rid" \
    --artifacts-path "$build/$name" --output "$out/$name" --nologo "$@"
}

# make_variant NAME [VARIABLE=VALUE...]: the function as the Makefile builds it for sam build, only for $rid.
make_variant() {
  local name="$1"; shift
  rm -rf "${out:?}/$name"
  run "built $name with the Makefile" make --no-print-directory -f src/ServerlessInApp.Functions/Makefile build-FetchFunction \
    ARTIFACTS_DIR="$out/$name" RUNTIME="$rid" DOTNET_ARTIFACTS="$build/$name" "$@"
}

# The C compiler and linker Native AOT uses for the empty program: the same choice the Makefile makes.
aot_flags="-p:PublishAot=true"
if ! command -v clang >/dev/null; then
  cc="$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -n 1 || true)"
  if [[ -n "$cc" ]]; then aot_flags="$aot_flags -p:CppCompilerAndLinker=$cc"; fi
fi

infra/local/install.sh >>"$log" 2>&1 || { echo "coldstart: infra/local/install.sh failed; see $log" >&2; exit 1; }
run "built the harness" dotnet build bench/coldstart/ColdStart --configuration Release --artifacts-path "$build/harness" --nologo
harness="$build/harness/bin/ColdStart/release/ColdStart.dll"

publish empty-fd "$empty" --self-contained false
empties=(--empty "empty-fd=dll:$out/empty-fd/empty.dll")
variants=()
if $smoke; then
  make_variant aot
  variants+=(--variant "aot=exe:$out/aot/bootstrap")
else
  publish empty-sc "$empty" --self-contained true
  # shellcheck disable=SC2086 # aot_flags is a list of switches
  publish empty-aot "$empty" --self-contained true $aot_flags
  empties+=(--empty "empty-sc=exe:$out/empty-sc/empty" --empty "empty-aot=exe:$out/empty-aot/empty")

  publish fd "$functions" --self-contained false
  publish fd-r2r "$functions" --self-contained false -p:PublishReadyToRun=true
  make_variant sc PUBLISH_AOT=false
  make_variant sc-r2r PUBLISH_AOT=false DOTNET_PUBLISH_FLAGS=-p:PublishReadyToRun=true
  make_variant aot
  variants+=(
    --variant "fd=dll:$out/fd/bootstrap.dll"
    --variant "fd-r2r=dll:$out/fd-r2r/bootstrap.dll"
    --variant "sc=exe:$out/sc/bootstrap"
    --variant "sc-r2r=exe:$out/sc-r2r/bootstrap"
    --variant "aot=exe:$out/aot/bootstrap"
  )
fi

for variant in "$out"/*/; do
  [[ -n "${variants[*]}${empties[*]}" && "${variants[*]} ${empties[*]}" == *"$variant"* ]] || continue
  step "$(basename "$variant"): $(du -sh --apparent-size --exclude='*.dbg' --exclude='*.pdb' "$variant" | cut -f1) published (without symbols)"
done

STACK_OWNER_PID=$$ infra/local/start.sh "$state_dir" >>"$log" 2>&1 || { echo "coldstart: the local stack did not start; see $log" >&2; exit 1; }
# shellcheck disable=SC1091
source "$state_dir/stack.env"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -m); dotnet $(dotnet --version)"
AWS_LAMBDA_LOG_LEVEL=WARN dotnet "$harness" --runs "$runs" --memory "$memory" --memory-variant aot --samples "$work/samples.csv" "${empties[@]}" "${variants[@]}"
