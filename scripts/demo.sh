#!/usr/bin/env bash
# Builds the provider, starts the fake MPS service on loopback with its
# embedded sample tasks, applies examples/demo with Terraform pointed at the
# fresh build (dev_overrides, so no `terraform init` and no registry), prints
# the screenshot keys, and stops the fake. Leaves nothing running or behind.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
terraform=${TERRAFORM:?set TERRAFORM to the Terraform CLI (make demo does)}
version=${VERSION:-dev}

work=$(mktemp -d)
fake_pid=
cleanup() {
  if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Building the provider and the fake MPS service"
(cd "$root" && go build -ldflags "-X main.version=$version" -o "$work/plugins/terraform-provider-jdcloud" .)
(cd "$root" && go build -o "$work/fake-mps" ./internal/cmd/fake-mps)

echo "==> Starting the fake MPS service on loopback"
"$work/fake-mps" -listen 127.0.0.1:0 -url-file "$work/fake.url" 2>"$work/fake.log" &
fake_pid=$!
for _ in $(seq 100); do
  [ -s "$work/fake.url" ] && break
  kill -0 "$fake_pid" 2>/dev/null || { cat "$work/fake.log"; exit 1; }
  sleep 0.1
done
[ -s "$work/fake.url" ] || { echo "the fake did not start"; cat "$work/fake.log"; exit 1; }
endpoint=$(cat "$work/fake.url")
echo "    $endpoint"

cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/jdcloud-api/jdcloud" = "$work/plugins"
  }
  direct {}
}
RC
mkdir "$work/config"
cp "$root"/examples/demo/*.tf "$work/config/"

# The fake's embedded sample credentials: obviously not real keys.
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
export JDCLOUD_REGION=cn-north-1
export JDCLOUD_ACCESS_KEY=FAKEACCESSKEY0000DEMO
export JDCLOUD_SECRET_KEY=fake-secret-key-for-the-local-demo-only
export JDCLOUD_MPS_ENDPOINT="$endpoint"

echo "==> terraform apply (examples/demo)"
cd "$work/config"
"$terraform" apply -auto-approve -input=false -no-color -compact-warnings

echo
echo "==> Screenshot keys of task f1b6a7c0e2"
"$terraform" output -no-color -json screenshot_keys | tr -d '[]"' | tr ',' '\n'
echo
