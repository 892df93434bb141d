package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/acctest"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/provider"
)

const readTask = `
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "t-1"
}
`

func seededFake(t *testing.T) *fakemps.Server {
	return acctest.StartFake(t, acctest.Task(t, "cn-east-2", fakemps.ShapeNested, `{"taskID": "t-1", "status": "SUCCESS"}`))
}

// An empty provider block takes region, keys and endpoint from the environment.
func TestAccProvider_environment(t *testing.T) {
	fake := seededFake(t)
	t.Setenv(provider.EnvRegion, "cn-east-2")
	t.Setenv(provider.EnvAccessKey, acctest.FakeAccessKey)
	t.Setenv(provider.EnvSecretKey, acctest.FakeSecretKey)
	t.Setenv(provider.EnvMPSEndpoint, fake.URL())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `provider "jdcloud" {}` + readTask,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_task.test", tfjsonpath.New("region"), knownvalue.StringExact("cn-east-2")),
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_task.test", tfjsonpath.New("status"), knownvalue.StringExact("SUCCESS")),
			},
		}},
	})
}

// Arguments in the provider block win over the environment: a wrong secret
// and region in the environment do not matter when the block sets them.
func TestAccProvider_configurationWinsOverEnvironment(t *testing.T) {
	fake := seededFake(t)
	t.Setenv(provider.EnvRegion, "cn-south-1")
	t.Setenv(provider.EnvAccessKey, acctest.FakeAccessKey)
	t.Setenv(provider.EnvSecretKey, "wrong-secret-from-environment")
	t.Setenv(provider.EnvMPSEndpoint, "http://127.0.0.1:1")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "jdcloud" {
  region     = "cn-east-2"
  secret_key = "` + acctest.FakeSecretKey + `"
  endpoints = {
    mps = "` + fake.URL() + `"
  }
}
` + readTask,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_task.test", tfjsonpath.New("status"), knownvalue.StringExact("SUCCESS")),
			},
		}},
	})
}

func TestAccProvider_badInput(t *testing.T) {
	clearJDCloudEnv(t)
	t.Setenv("HOME", t.TempDir()) // no jdc CLI profile either
	tests := []struct {
		name   string
		config string
		want   string
	}{
		{
			name:   "no region and no keys",
			config: `provider "jdcloud" {}` + readTask,
			want: `(?s)Missing JD Cloud provider configuration.*region: set .region. in the provider block or the\s+JDCLOUD_REGION.*` +
				`access_key: set .access_key.*JDCLOUD_ACCESS_KEY.*secret_key: set .secret_key.*JDCLOUD_SECRET_KEY`,
		},
		{
			name:   "endpoint without scheme",
			config: `provider "jdcloud" { endpoints = { mps = "mps.jdcloud-api.com" } }` + readTask,
			want:   `(?s)Invalid endpoint URL.*endpoints.mps.*must start with https://`,
		},
		{
			name:   "region of the wrong shape",
			config: `provider "jdcloud" { region = "North China" }` + readTask,
			want:   `(?s)Attribute region must be a JD Cloud region id such as cn-north-1`,
		},
		{
			name:   "negative max_retries",
			config: `provider "jdcloud" { max_retries = -1 }` + readTask,
			want:   `(?s)Attribute max_retries value must be at least 0, got: -1`,
		},
		{
			name:   "request_timeout that is not a duration",
			config: `provider "jdcloud" { request_timeout = "30" }` + readTask,
			want:   `(?s)Invalid duration.*request_timeout is "30"; it must be a duration above zero such as "30s"`,
		},
		{
			name:   "negative requests_per_second",
			config: `provider "jdcloud" { requests_per_second = -5 }` + readTask,
			want:   `(?s)Attribute requests_per_second value must be at least 0`,
		},
		{
			name: "task id over 256 characters",
			config: `provider "jdcloud" {}
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "` + strings.Repeat("x", 257) + `"
}`,
			want: `(?s)Attribute task_id string length must be between 1 and 256, got: 257`,
		},
		{
			name: "blank task id",
			config: `provider "jdcloud" {}
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "   "
}`,
			want: `(?s)Attribute task_id must not be blank`,
		},
		{
			name: "data source region of the wrong shape",
			config: `provider "jdcloud" {}
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "t-1"
  region  = "cn_north_1"
}`,
			want: `(?s)Attribute region must be a JD Cloud region id`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      tt.config,
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}

// A provider argument known only after apply is reported, naming the
// argument, instead of configuring a client with an empty value.
func TestAccProvider_unknownArgument(t *testing.T) {
	fake := seededFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "region" {
  input = "cn-east-2"
}

provider "jdcloud" {
  region     = terraform_data.region.output
  access_key = "` + acctest.FakeAccessKey + `"
  secret_key = "` + acctest.FakeSecretKey + `"
  endpoints = {
    mps = "` + fake.URL() + `"
  }
}
` + readTask,
			ExpectError: regexp.MustCompile(`(?s)Unknown JD Cloud provider argument.*region is not known until\s+apply`),
		}},
	})
}

// clearJDCloudEnv makes sure nothing from the machine's environment leaks into a test.
func clearJDCloudEnv(t *testing.T) {
	for _, name := range []string{provider.EnvRegion, provider.EnvAccessKey, provider.EnvSecretKey, provider.EnvMPSEndpoint,
		provider.EnvProfile, provider.EnvConfigDir, provider.EnvSecurityToken, provider.EnvMaxRetries} {
		t.Setenv(name, "")
	}
}

// writeProfiles writes a jdc CLI directory under home holding the fake's
// test key pair in profile "acc", which becomes the current profile.
func writeProfiles(t *testing.T, home, region string) {
	t.Helper()
	dir := filepath.Join(home, ".jdc")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	config := "[default]\naccess_key = UNKNOWNKEY\nsecret_key = unknown\nregion_id = cn-north-1\n\n" +
		"[acc]\naccess_key = " + acctest.FakeAccessKey + "\nsecret_key = " + acctest.FakeSecretKey + "\nregion_id = " + region + "\n"
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "current"), []byte("acc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// With nothing but an endpoint in the block, the provider uses the jdc
// CLI's current profile, its region included.
func TestAccProvider_currentCLIProfile(t *testing.T) {
	clearJDCloudEnv(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeProfiles(t, home, "cn-east-2")
	fake := seededFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `provider "jdcloud" {
  endpoints = { mps = "` + fake.URL() + `" }
}` + readTask,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_task.test", tfjsonpath.New("region"), knownvalue.StringExact("cn-east-2")),
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_task.test", tfjsonpath.New("status"), knownvalue.StringExact("SUCCESS")),
			},
		}},
	})
}

// A profile named in the block that the CLI file lacks is an error naming both.
func TestAccProvider_missingNamedProfile(t *testing.T) {
	clearJDCloudEnv(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeProfiles(t, home, "cn-east-2")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `provider "jdcloud" { profile = "staging" }` + readTask,
			ExpectError: regexp.MustCompile(`(?s)Unusable jdc CLI profile.*profile "staging" is not in\s+\S+/\.jdc/config\s+\(profiles\s+there:\s+default,\s+acc\)`),
		}},
	})
}

// Temporary credentials: the token travels with every request, signed; the
// fake refuses the same keys without it.
func TestAccProvider_securityToken(t *testing.T) {
	clearJDCloudEnv(t)
	t.Setenv("HOME", t.TempDir())
	fake := seededFake(t)
	fake.AddTemporaryCredential("FAKETEMPORARYKEY", "fake-temporary-secret", "fake-session-token")
	config := func(token string) string {
		return `
provider "jdcloud" {
  region         = "cn-east-2"
  access_key     = "FAKETEMPORARYKEY"
  secret_key     = "fake-temporary-secret"
  security_token = "` + token + `"
  endpoints      = { mps = "` + fake.URL() + `" }
}` + readTask
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config("wrong-token"),
				ExpectError: regexp.MustCompile(`(?s)JD Cloud rejected the request's credentials.*HTTP status: 401.*security\s+token`),
			},
			{
				Config: config("fake-session-token"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_task.test", tfjsonpath.New("status"), knownvalue.StringExact("SUCCESS")),
				},
			},
		},
	})
}

// Environment keys win over the CLI's current profile: with a key pair in
// the environment the profile's (working) keys are not used at all, so an
// unknown environment key fails although the profile's would pass.
func TestAccProvider_environmentWinsOverProfile(t *testing.T) {
	clearJDCloudEnv(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeProfiles(t, home, "cn-east-2")
	t.Setenv(provider.EnvAccessKey, "UNKNOWNENVKEY")
	t.Setenv(provider.EnvSecretKey, "unknown-env-secret")
	t.Setenv(provider.EnvRegion, "cn-east-2")
	fake := seededFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `provider "jdcloud" { endpoints = { mps = "` + fake.URL() + `" } }` + readTask,
				ExpectError: regexp.MustCompile(`(?s)JD Cloud rejected the request's credentials.*access key is not known`),
			},
			{
				// Naming the profile does not change that: environment keys still win.
				Config: `
provider "jdcloud" {
  profile   = "acc"
  endpoints = { mps = "` + fake.URL() + `" }
}` + readTask,
				ExpectError: regexp.MustCompile(`(?s)JD Cloud rejected the request's credentials`),
			},
		},
	})
}
