package validate

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func runString(v validator.String, value string) validator.StringResponse {
	resp := validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{
		Path:        path.Root("endpoints").AtName("mps"),
		ConfigValue: types.StringValue(value),
	}, &resp)
	return resp
}

func TestEndpointURL(t *testing.T) {
	tests := []struct {
		value       string
		wantError   string
		wantWarning string
	}{
		{value: "https://mps.jdcloud-api.com"},
		{value: "http://127.0.0.1:8080"},
		{value: "http://localhost:8080/v1"},
		{value: "http://[::1]:8080"},
		{value: "http://mps.internal.example", wantWarning: "unencrypted"},
		{value: "mps.jdcloud-api.com", wantError: "must start with https://"},
		{value: "https://", wantError: "has no host"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			diags := runString(EndpointURL(), tt.value).Diagnostics
			switch {
			case tt.wantError != "":
				if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), tt.wantError) ||
					!strings.Contains(diags.Errors()[0].Detail(), "endpoints.mps") {
					t.Errorf("diagnostics %v, want one error naming endpoints.mps and %q", diags, tt.wantError)
				}
			case tt.wantWarning != "":
				if diags.HasError() || diags.WarningsCount() != 1 || !strings.Contains(diags.Warnings()[0].Detail(), tt.wantWarning) {
					t.Errorf("diagnostics %v, want one warning with %q", diags, tt.wantWarning)
				}
			default:
				if len(diags) != 0 {
					t.Errorf("unexpected diagnostics %v", diags)
				}
			}
		})
	}
}

func TestRegionPattern(t *testing.T) {
	for region, want := range map[string]bool{
		"cn-north-1": true, "cn-east-2": true, "cn-south-1": true, "ap-southeast-1": true,
		"": false, "cn_north_1": false, "CN-NORTH-1": false, "north": false, "cn-north": false, "cn-north-1 ": false,
	} {
		if got := RegionPattern.MatchString(region); got != want {
			t.Errorf("RegionPattern(%q) = %v, want %v", region, got, want)
		}
	}
}

func TestTaskID(t *testing.T) {
	for value, wantErr := range map[string]bool{
		"f1b6a7c0e2": false, "a/b c": false, "": true, "   ": true, strings.Repeat("x", 256): false, strings.Repeat("x", 257): true,
	} {
		failed := false
		for _, v := range TaskID() {
			failed = failed || runString(v, value).Diagnostics.HasError()
		}
		if failed != wantErr {
			t.Errorf("TaskID(%q): error = %v, want %v", value, failed, wantErr)
		}
	}
}
