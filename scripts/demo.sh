#!/usr/bin/env bash
# The demo (README's first command). Runs the real Pulumi engine with a file backend in .tmp/demo.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
demo="$root/.tmp/demo"
rm -rf "$demo"; mkdir -p "$demo/.state" "$demo/node_modules"
cp "$root/test/e2e/fixtures/smoke/Pulumi.yaml" "$root/test/e2e/fixtures/smoke/index.ts" "$demo/"
ln -s "$root" "$demo/node_modules/pulumi-tpops"
export PATH="$root/.tools/bin:$PATH" PULUMI_BACKEND_URL="file://$demo/.state" PULUMI_HOME="$demo/.state/.pulumi-home" \
  PULUMI_CONFIG_PASSPHRASE="pulumi-tpops-demo" PULUMI_SKIP_UPDATE_CHECK=true
cd "$demo"
pulumi stack init demo --non-interactive
pulumi config set message "hello from pulumi-tpops" --non-interactive
pulumi up --yes --non-interactive
pulumi stack output --non-interactive
pulumi preview --expect-no-changes --non-interactive
pulumi destroy --yes --non-interactive
echo "demo: done"
