// Package acctest holds what every acceptance test shares: the provider
// factories, a fake MPS service per test, and provider configurations.
// Tests run through the real Terraform CLI (terraform-plugin-testing) when
// TF_ACC is set, as `make test` does.
package acctest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/provider"
)

// Key pair the fake accepts in acceptance tests. Obviously not real.
const (
	FakeAccessKey = "FAKEACCTESTACCESSKEY"
	FakeSecretKey = "fake-acctest-secret-key-not-real" //nolint:gosec // a fake key the fake service accepts
	// DefaultRegion is the provider region of configurations built here.
	DefaultRegion = "cn-north-1"
)

// ProtoV6ProviderFactories serves the provider in-process to Terraform.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	provider.TypeName: providerserver.NewProtocol6WithError(provider.New("acctest")()),
}

// StartFake starts a fake MPS service on loopback holding tasks, accepting
// FakeAccessKey/FakeSecretKey, and stops it when the test ends.
func StartFake(t *testing.T, tasks ...fakemps.SeedTask) *fakemps.Server {
	t.Helper()
	fake, err := fakemps.New(fakemps.Seed{
		Credentials: []fakemps.SeedCredential{{AccessKey: FakeAccessKey, SecretKey: FakeSecretKey}},
		Tasks:       tasks,
	})
	if err != nil {
		t.Fatalf("creating fake MPS: %v", err)
	}
	if err := fake.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("starting fake MPS: %v", err)
	}
	t.Cleanup(func() { _ = fake.Close() })
	return fake
}

// ProviderConfig is a provider block pointing at the fake with the test
// keys; extra lines (such as `max_retries = 2`) go into the block.
func ProviderConfig(fake *fakemps.Server, extra ...string) string {
	return ProviderConfigWithKeys(fake, FakeAccessKey, FakeSecretKey, extra...)
}

// ProviderConfigWithKeys is a provider block pointing at the fake with the given keys.
func ProviderConfigWithKeys(fake *fakemps.Server, accessKey, secretKey string, extra ...string) string {
	return fmt.Sprintf(`
provider "jdcloud" {
  region     = %q
  access_key = %q
  secret_key = %q
  endpoints = {
    mps = %q
  }
  %s
}
`, DefaultRegion, accessKey, secretKey, fake.URL(), strings.Join(extra, "\n  "))
}

// RequestsFor returns what the fake saw of the requests for one task id.
func RequestsFor(fake *fakemps.Server, taskID string) []fakemps.RecordedRequest {
	var out []fakemps.RecordedRequest
	suffix := "/thumbnail/" + jdcloud.EscapeSegment(taskID)
	for _, r := range fake.Requests() {
		if strings.HasSuffix(r.Path, suffix) {
			out = append(out, r)
		}
	}
	return out
}

// CheckRequestedPath is a step check that every request the fake saw went to path.
func CheckRequestedPath(fake *fakemps.Server, path string) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, r := range fake.Requests() {
			if r.Path != path {
				return fmt.Errorf("a request went to %s, want %s", r.Path, path)
			}
		}
		return nil
	}
}

// CheckAttempts asserts the statuses the fake answered, in order, for the
// first requests about taskID, and that every request carried its own
// nonce (a retried request must be signed anew).
func CheckAttempts(fake *fakemps.Server, taskID string, statuses ...int) error {
	requests := RequestsFor(fake, taskID)
	if len(requests) < len(statuses) {
		return fmt.Errorf("the fake saw %d requests for %s, want at least %d: %+v", len(requests), taskID, len(statuses), requests)
	}
	for i, want := range statuses {
		if requests[i].Status != want {
			return fmt.Errorf("request %d for %s was answered %d, want %d (all: %+v)", i+1, taskID, requests[i].Status, want, requests)
		}
	}
	nonces := map[string]bool{}
	for _, r := range requests {
		if nonces[r.Nonce] {
			return fmt.Errorf("nonce %s was sent twice", r.Nonce)
		}
		nonces[r.Nonce] = true
	}
	return nil
}

// Environment variables that point the real-API acceptance tests at a real task.
const (
	EnvRealTaskID = "JDCLOUD_TEST_THUMBNAIL_TASK_ID"
)

// RealAPIPreCheck skips, saying why, unless real credentials and a task id
// are in the environment.
func RealAPIPreCheck(t *testing.T) {
	t.Helper()
	var missing []string
	for _, name := range []string{provider.EnvAccessKey, provider.EnvSecretKey, provider.EnvRegion, EnvRealTaskID} {
		if os.Getenv(name) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		t.Skipf("reading a real task from the JD Cloud API needs %v set; missing %v (the same checks run against the fake in the other tests)",
			[]string{provider.EnvAccessKey, provider.EnvSecretKey, provider.EnvRegion, EnvRealTaskID}, missing)
	}
}

// Task builds a seed task from the JSON the API would return for it, so
// tests state exactly which fields the API sends and which it leaves out.
func Task(t *testing.T, region string, shape fakemps.Shape, taskJSON string) fakemps.SeedTask {
	t.Helper()
	var task mps.ThumbnailTask
	if err := json.Unmarshal([]byte(taskJSON), &task); err != nil {
		t.Fatalf("test task JSON: %v", err)
	}
	return fakemps.SeedTask{Region: region, Shape: shape, Task: task}
}
