#!/usr/bin/env bash
# make demo: start the TPOPS emulator (TLS, self-signed certificate trusted through tpops:caCert), bring
# examples/quickstart up with the real Pulumi engine, change the backup policy out of band, show that
# `pulumi preview --refresh --expect-no-changes` catches the drift, repair it, destroy, stop the emulator.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
demo="$root/.tmp/demo"
started=$(date +%s)
rm -rf "$demo"; mkdir -p "$demo/project/node_modules" "$demo/state"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Starting the TPOPS emulator (TLS, jobs 200x faster than a real platform)"
node "$root/dist/emulator/cli.js" --port 0 --time-scale 0.005 --cert-out "$demo/tpops-ca.pem" >"$demo/emulator.log" 2>&1 &
emulator_pid=$!
cleanup() { kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$demo/emulator.log" 2>/dev/null && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$demo/emulator.log"; exit 1; }
  sleep 0.1
done
endpoint="$(sed -n 's/^TPOPS emulator listening on //p' "$demo/emulator.log" | head -1)"
echo "TPOPS endpoint: $endpoint (certificate: $demo/tpops-ca.pem)"

step "Preparing examples/quickstart with a local file backend"
cp "$root/examples/quickstart/"{Pulumi.yaml,index.ts,tsconfig.json,package.json} "$demo/project/"
ln -s "$root" "$demo/project/node_modules/pulumi-tpops"
export PATH="$root/.tools/bin:$PATH" PULUMI_BACKEND_URL="file://$demo/state" PULUMI_HOME="$demo/state/.pulumi-home" \
  PULUMI_CONFIG_PASSPHRASE="pulumi-tpops-demo" PULUMI_SKIP_UPDATE_CHECK=true
cd "$demo/project"
pulumi stack init demo --non-interactive
pulumi config set tpops:endpoint "$endpoint"
pulumi config set tpops:username admin
pulumi config set --secret tpops:password 'Admin@123'
pulumi config set tpops:caCert "$demo/tpops-ca.pem"
pulumi config set --secret rootPassword 'Host_root_pw_2024'
pulumi config set --secret dbPassword 'Gauss_db_pw_2024'

step "pulumi up"
pulumi up --yes --non-interactive
pulumi stack output --non-interactive

step "A DBA changes the backup policy directly on the platform"
instance_id="$(pulumi stack output instanceId --non-interactive)"
TPOPS_ENDPOINT="$endpoint" TPOPS_USERNAME=admin TPOPS_PASSWORD='Admin@123' TPOPS_CA_CERT="$demo/tpops-ca.pem" \
  node "$root/scripts/tpops-api.mjs" PUT "/gaussdb/v3/instances/$instance_id/backups/policy" \
  '{"backup_policy":{"keep_days":3,"start_time":"05:00-06:00","period":"1,2,3,4,5,6,7","differential_period":"30","rate_limit":75,"prefetch_block":64,"file_split_size":4,"enable_standby_backup":false}}'

step "CI's drift check: pulumi preview --refresh --expect-no-changes"
if pulumi preview --refresh --expect-no-changes --non-interactive; then
  echo "demo: the drift was NOT detected" >&2; exit 1
fi
echo "demo: drift detected (non-zero exit, as CI would fail)"

step "pulumi up repairs the drift"
pulumi up --refresh --yes --non-interactive
pulumi preview --refresh --expect-no-changes --non-interactive
echo "demo: clean again"

step "pulumi destroy"
pulumi destroy --yes --non-interactive
echo
echo "demo: done in $(( $(date +%s) - started ))s; emulator log: $demo/emulator.log"
