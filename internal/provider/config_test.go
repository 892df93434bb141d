package provider

import (
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
			wantError: []string{`JDCLOUD_REGION environment variable is "north"`},
		},
	}
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
