#!/usr/bin/env bash
# Fails (exit 1) when the live TPOPS platform no longer matches the Pulumi program and state:
# `pulumi preview --refresh --expect-no-changes` reads every resource back (one GET each), then plans.
# Usage: check-drift.sh <project-dir> <stack>
# Needs: PULUMI_BACKEND_URL (or a logged-in backend), PULUMI_CONFIG_PASSPHRASE for passphrase-encrypted
# stacks, and the TPOPS credentials as stack config or TPOPS_ENDPOINT / TPOPS_USERNAME / TPOPS_PASSWORD.
set -uo pipefail
project="${1:?usage: check-drift.sh <project-dir> <stack>}"
stack="${2:?usage: check-drift.sh <project-dir> <stack>}"
cd "$project"
report="$(mktemp)"
pulumi preview --refresh --expect-no-changes --non-interactive --diff --stack "$stack" >"$report" 2>&1
code=$?
cat "$report"
if [ "$code" -eq 0 ]; then
  echo "drift-check: stack $stack matches the platform"
  exit 0
fi
if grep -qE "no changes were expected( for [a-z]+)? but changes were proposed" "$report"; then
  echo "drift-check: DRIFT in stack $stack - the platform differs from the program (see the diff above)." >&2
  echo "drift-check: run 'pulumi up --refresh' to restore the declared settings, or change the program to accept them." >&2
else
  echo "drift-check: the preview itself failed (exit $code); this is not a drift verdict" >&2
fi
exit 1
