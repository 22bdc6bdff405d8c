#!/usr/bin/env bash
# Installs the pinned node packages of the local stack (infra/local) and of the compatibility suite
# (test/compat) with `npm ci`, only where node_modules is missing or older than the lock file.
# Idempotent and quiet; takes a few milliseconds when there is nothing to do.
#
#   infra/local/install.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install.sh: '$tool' is not on PATH (Node.js 20+ is needed)" >&2; exit 1; }
done

if ! command -v java >/dev/null; then
  # DynamoDB Local is a Java program. Machines of this project's kind ship a JRE; install one if not.
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "install.sh: java not found; installing a headless JRE with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless) >/dev/null
  else
    echo "install.sh: 'java' (17+) is not on PATH; DynamoDB Local needs it" >&2
    exit 1
  fi
fi

# Test processes may call this at the same time (./test.sh, the integration test fixture): one npm ci per folder.
mkdir -p "$root/.local"
exec 9>"$root/.local/install.lock"
flock 9

for dir in "$root/infra/local" "$root/test/compat"; do
  [[ -f "$dir/package-lock.json" ]] || continue
  stamp="$dir/node_modules/.install-stamp"
  want="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    continue
  fi
  echo "install.sh: npm ci in ${dir#"$root"/}" >&2
  if ! out="$(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error 2>&1)"; then
    echo "$out" >&2
    echo "install.sh: npm ci failed in $dir" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
done
