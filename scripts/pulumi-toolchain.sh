#!/usr/bin/env bash
# Provides the Pulumi engine in .tools/bin: `pulumi`, `pulumi-language-nodejs` and the dynamic-provider
# launcher `pulumi-resource-pulumi-nodejs`, at the version of @pulumi/pulumi pinned in package-lock.json.
#
# 1. A `pulumi` already on PATH whose version is compatible (major 3, minor >= the pinned SDK's) is used,
#    together with the `pulumi-language-nodejs` beside it or on PATH.
# 2. Otherwise both are built with `go build` from the Go module proxy (tools/pulumi/go.mod pins
#    github.com/pulumi/pulumi/pkg/v3 at the same version; go.sum pins every hash).
# A build is reused while .tools/bin/.stamp matches the version and the sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
mkdir -p "$bin"

want="$(node -p "require('$root/package-lock.json').packages['node_modules/@pulumi/pulumi'].version")"
launcher="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -x "$launcher" ] || { echo "pulumi-toolchain: $launcher is missing; run 'make install' first" >&2; exit 1; }

stamp_text="v$want $(cat "$root/tools/pulumi/go.mod" "$root/tools/pulumi/go.sum" "$root/tools/pulumi/language-nodejs/main.go" | sha256sum | cut -c1-16)"

install_launcher() {
  # Next to the engine binary, so the engine finds it without an "ambient plugin" warning.
  cp "$launcher" "$bin/pulumi-resource-pulumi-nodejs"
  chmod +x "$bin/pulumi-resource-pulumi-nodejs"
}

compatible() { # $1 = "vX.Y.Z" reported by a pulumi binary
  node -e '
    const [have, want] = process.argv.slice(1).map(v => v.replace(/^v/, "").split(/[.-]/).map(Number));
    process.exit(have[0] === want[0] && (have[1] > want[1] || (have[1] === want[1] && have[2] >= want[2])) ? 0 : 1);
  ' "$1" "$want"
}

# 1. An existing, compatible pulumi on PATH (ignoring our own folder).
path_wo_tools="$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$bin" | paste -sd: -)"
ambient="$(PATH="$path_wo_tools" command -v pulumi || true)"
if [ -n "$ambient" ]; then
  have="$("$ambient" version 2>/dev/null || true)"
  lang="$(dirname "$ambient")/pulumi-language-nodejs"
  [ -x "$lang" ] || lang="$(PATH="$path_wo_tools" command -v pulumi-language-nodejs || true)"
  if [ -n "$have" ] && [ -n "$lang" ] && compatible "$have"; then
    ln -sf "$ambient" "$bin/pulumi"
    ln -sf "$lang" "$bin/pulumi-language-nodejs"
    install_launcher
    echo "pulumi-toolchain: using $ambient ($have) from PATH"
    exit 0
  fi
  echo "pulumi-toolchain: ignoring $ambient (${have:-unknown version}; need >= v$want with pulumi-language-nodejs)"
fi

# 2. Our own build, reused while the stamp matches.
if [ -f "$bin/.stamp" ] && [ "$(cat "$bin/.stamp")" = "$stamp_text" ] && [ -x "$bin/pulumi" ] && [ ! -L "$bin/pulumi" ] \
   && [ -x "$bin/pulumi-language-nodejs" ]; then
  install_launcher
  echo "pulumi-toolchain: reusing .tools/bin ($("$bin/pulumi" version))"
  exit 0
fi

command -v go >/dev/null || { echo "pulumi-toolchain: Go is required to build the Pulumi engine (none on PATH)" >&2; exit 1; }
modver="$(sed -n 's#^\s*github.com/pulumi/pulumi/pkg/v3 \(v[0-9.]*\).*#\1#p' "$root/tools/pulumi/go.mod" | head -1)"
if [ "$modver" != "v$want" ]; then
  echo "pulumi-toolchain: tools/pulumi/go.mod pins pkg/v3 $modver but package-lock.json pins @pulumi/pulumi $want;" >&2
  echo "  run: (cd tools/pulumi && go get github.com/pulumi/pulumi/pkg/v3@v$want github.com/pulumi/pulumi/sdk/v3@v$want && go mod tidy)" >&2
  exit 1
fi
rm -f "$bin/pulumi" "$bin/pulumi-language-nodejs" "$bin/.stamp"
echo "pulumi-toolchain: building pulumi v$want and pulumi-language-nodejs with $(go version | cut -d' ' -f3) (a cold build takes about 4 minutes on 2 cores)"
start=$(date +%s)
cd "$root/tools/pulumi"
# go.sum pins every module hash, so the checksum database is never needed; -mod=readonly keeps go.mod as committed.
export GOFLAGS="-mod=readonly" GONOSUMDB="github.com/pulumi" GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
go build -trimpath -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$want" \
  -o "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
go build -trimpath -ldflags "-s -w -X main.version=$want" -o "$bin/pulumi-language-nodejs" ./language-nodejs
install_launcher
echo "$stamp_text" > "$bin/.stamp"
echo "pulumi-toolchain: built $("$bin/pulumi" version) in $(( $(date +%s) - start ))s"
