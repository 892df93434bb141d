package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestResolveSettings(t *testing.T) {
	fullEnv := map[string]string{
		EnvRegion:      "cn-east-2",
		EnvAccessKey:   "ENVACCESS",
		EnvSecretKey:   "env-secret",
		EnvMPSEndpoint: "http://127.0.0.1:9999",
	}
	tests := []struct {
		name      string
		config    providerModel
		endpoint  types.String
		env       map[string]string
		want      settings
		wantError []string // substrings of the one error's detail
	}{
		{
			name:     "configuration only",
			config:   providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("CFGACCESS"), SecretKey: types.StringValue("cfg-secret")},
			endpoint: types.StringValue("https://mps.example.internal"),
			want:     withDefaults(settings{Region: "cn-north-1", AccessKey: "CFGACCESS", SecretKey: "cfg-secret", MPSEndpoint: "https://mps.example.internal"}),
		},
		{
			name:     "environment only",
			endpoint: types.StringNull(),
			env:      fullEnv,
			want:     withDefaults(settings{Region: "cn-east-2", AccessKey: "ENVACCESS", SecretKey: "env-secret", MPSEndpoint: "http://127.0.0.1:9999"}),
		},
		{
			name:     "configuration wins over environment",
			config:   providerModel{Region: types.StringValue("cn-south-1"), SecretKey: types.StringValue("cfg-secret")},
			endpoint: types.StringValue("https://mps.example.internal"),
			env:      fullEnv,
			want:     withDefaults(settings{Region: "cn-south-1", AccessKey: "ENVACCESS", SecretKey: "cfg-secret", MPSEndpoint: "https://mps.example.internal"}),
		},
		{
			name:     "default endpoint",
			config:   providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("A"), SecretKey: types.StringValue("S")},
			endpoint: types.StringNull(),
			want:     withDefaults(settings{Region: "cn-north-1", AccessKey: "A", SecretKey: "S", MPSEndpoint: "https://mps.jdcloud-api.com"}),
		},
		{
			name:     "everything missing is one error naming attributes and variables",
			endpoint: types.StringNull(),
			wantError: []string{
				"region: set `region` in the provider block or the JDCLOUD_REGION environment variable",
				"access_key: set `access_key` in the provider block or the JDCLOUD_ACCESS_KEY environment variable",
				"secret_key: set `secret_key` in the provider block or the JDCLOUD_SECRET_KEY environment variable",
			},
		},
		{
			name:      "blank secret counts as missing",
			config:    providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("A"), SecretKey: types.StringValue("  ")},
			endpoint:  types.StringNull(),
			wantError: []string{"secret_key: set `secret_key`"},
		},
		{
			name:      "bad endpoint in the environment",
			config:    providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("A"), SecretKey: types.StringValue("S")},
			endpoint:  types.StringNull(),
			env:       map[string]string{EnvMPSEndpoint: "mps.jdcloud-api.com"},
			wantError: []string{"JDCLOUD_MPS_ENDPOINT environment variable is not a usable endpoint", "must start with https://"},
		},
		{
			name:     "retry settings from the configuration",
			config:   providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("A"), SecretKey: types.StringValue("S"), MaxRetries: types.Int64Value(0), RequestTimeout: types.StringValue("1m30s"), RequestsPerSecond: types.Float64Value(2.5)},
			endpoint: types.StringNull(),
			env:      map[string]string{EnvMaxRetries: "3"},
			want:     settings{Region: "cn-north-1", AccessKey: "A", SecretKey: "S", MPSEndpoint: "https://mps.jdcloud-api.com", MaxRetries: 0, RequestTimeout: 90 * time.Second, RequestsPerSecond: 2.5},
		},
		{
			name:     "max retries from the environment",
			config:   providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("A"), SecretKey: types.StringValue("S")},
			endpoint: types.StringNull(),
			env:      map[string]string{EnvMaxRetries: " 2 "},
			want:     settings{Region: "cn-north-1", AccessKey: "A", SecretKey: "S", MPSEndpoint: "https://mps.jdcloud-api.com", MaxRetries: 2, RequestTimeout: 8 * time.Second, RequestsPerSecond: 20},
		},
		{
			name:      "negative max retries in the environment",
			config:    providerModel{Region: types.StringValue("cn-north-1"), AccessKey: types.StringValue("A"), SecretKey: types.StringValue("S")},
			endpoint:  types.StringNull(),
			env:       map[string]string{EnvMaxRetries: "-1"},
			wantError: []string{`JDCLOUD_MAX_RETRIES environment variable is "-1"`},
		},
		{
			name:      "bad region in the environment",
			endpoint:  types.StringNull(),
			env:       map[string]string{EnvRegion: "north", EnvAccessKey: "A", EnvSecretKey: "S"},
			wantError: []string{`The region "north" (from the JDCLOUD_REGION environment variable) is not a JD Cloud region`},
		},
	}
	t.Setenv("HOME", t.TempDir()) // no jdc CLI profile to fall back to
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(name string) string { return tt.env[name] }
			got, diags := resolveSettings(tt.config, endpointsModel{MPS: tt.endpoint}, getenv)
			if len(tt.wantError) > 0 {
				if diags.ErrorsCount() != 1 {
					t.Fatalf("want exactly one error, got %v", diags)
				}
				detail := diags.Errors()[0].Detail()
				for _, want := range tt.wantError {
					if !strings.Contains(detail, want) {
						t.Errorf("error detail %q lacks %q", detail, want)
					}
				}
				return
			}
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// withDefaults adds the documented retry, timeout and rate defaults.
func withDefaults(s settings) settings {
	s.MaxRetries = 5
	s.RequestTimeout = 8 * time.Second
	s.RequestsPerSecond = 20
	return s
}

func TestUserAgentNamesProviderAndTerraform(t *testing.T) {
	ua := userAgent("1.2.3", "1.8.5")
	for _, want := range []string{"terraform-provider-jdcloud/1.2.3", "Terraform/1.8.5"} {
		if !strings.Contains(ua, want) {
			t.Errorf("user agent %q lacks %q", ua, want)
		}
	}
}

// writeJDC writes a jdc CLI directory with two profiles and a current one.
func writeJDC(t *testing.T, dir, current string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	config := `[default]
access_key = DEFAULTACCESS
secret_key = default-secret
region_id = cn-north-1
endpoint = www.jdcloud-api.com
scheme = https
timeout = 20

[east]
access_key = EASTACCESS
secret_key = east-secret
region_id = cn-east-2

[broken]
access_key = ONLYACCESS
`
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if current != "" {
		if err := os.WriteFile(filepath.Join(dir, "current"), []byte(current+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestResolveSettingsPrecedence is the documented table: provider
// arguments, then environment, then the jdc CLI profile.
func TestResolveSettingsPrecedence(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeJDC(t, filepath.Join(home, ".jdc"), "east")
	otherDir := filepath.Join(t.TempDir(), "jdc")
	writeJDC(t, otherDir, "")

	str := types.StringValue
	tests := []struct {
		name       string
		config     providerModel
		env        map[string]string
		wantKey    string
		wantRegion string
		wantError  string
	}{
		{name: "nothing given: the CLI's current profile, region included", wantKey: "EASTACCESS", wantRegion: "cn-east-2"},
		{name: "config_dir without current: the default profile", config: providerModel{ConfigDir: str(otherDir)}, wantKey: "DEFAULTACCESS", wantRegion: "cn-north-1"},
		{name: "named profile", config: providerModel{Profile: str("default")}, wantKey: "DEFAULTACCESS", wantRegion: "cn-north-1"},
		{name: "profile from the environment", env: map[string]string{EnvProfile: "default"}, wantKey: "DEFAULTACCESS", wantRegion: "cn-north-1"},
		{name: "argument profile wins over environment profile", config: providerModel{Profile: str("east")}, env: map[string]string{EnvProfile: "default"}, wantKey: "EASTACCESS", wantRegion: "cn-east-2"},
		{name: "environment keys win over a named profile", config: providerModel{Profile: str("east")}, env: map[string]string{EnvAccessKey: "ENVACCESS", EnvSecretKey: "env-secret"}, wantKey: "ENVACCESS", wantRegion: "cn-east-2"},
		{name: "argument region wins over the profile's", config: providerModel{Region: str("cn-south-1")}, wantKey: "EASTACCESS", wantRegion: "cn-south-1"},
		{name: "environment region wins over the profile's", env: map[string]string{EnvRegion: "cn-south-1"}, wantKey: "EASTACCESS", wantRegion: "cn-south-1"},
		{name: "keys in the environment: no implicit profile", env: map[string]string{EnvAccessKey: "ENVACCESS", EnvSecretKey: "env-secret"}, wantError: "region: set `region`"},
		{name: "unknown profile names the file and the profile", config: providerModel{Profile: str("nope")}, wantError: `profile "nope" is not in ` + filepath.Join(home, ".jdc", "config") + ` (profiles there: default, east, broken)`},
		{name: "profile without a secret", config: providerModel{Profile: str("broken")}, wantError: `profile "broken" in ` + filepath.Join(home, ".jdc", "config") + ` has no access_key or no secret_key`},
		{name: "named profile without a config file", config: providerModel{Profile: str("east"), ConfigDir: str(t.TempDir())}, wantError: "no jdc CLI config file at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := resolveSettings(tt.config, endpointsModel{}, func(name string) string { return tt.env[name] })
			if tt.wantError != "" {
				if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), tt.wantError) {
					t.Fatalf("diagnostics %v, want an error containing %q", diags, tt.wantError)
				}
				return
			}
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if got.AccessKey != tt.wantKey || got.Region != tt.wantRegion {
				t.Errorf("got key %q region %q, want %q %q", got.AccessKey, got.Region, tt.wantKey, tt.wantRegion)
			}
		})
	}
}
