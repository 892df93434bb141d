package provider

import (
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/validate"
)

// Environment variables the provider falls back to.
const (
	EnvRegion      = "JDCLOUD_REGION"
	EnvAccessKey   = "JDCLOUD_ACCESS_KEY"
	EnvSecretKey   = "JDCLOUD_SECRET_KEY" //nolint:gosec // a variable name, not a secret
	EnvMPSEndpoint = "JDCLOUD_MPS_ENDPOINT"
)

var osGetenv = os.Getenv

var objectAsOptions = basetypes.ObjectAsOptions{}

// settings are the provider's resolved configuration.
type settings struct {
	Region      string
	AccessKey   string
	SecretKey   string
	MPSEndpoint string
}

// setting ties a provider attribute to its environment variable.
type setting struct {
	attribute path.Path
	envVar    string
	value     types.String
	target    *string
}

// resolveSettings applies "configuration wins over environment" to every
// setting and reports all missing required ones in one diagnostic.
func resolveSettings(config providerModel, endpoints endpointsModel, getenv func(string) string) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := settings{}
	all := []setting{
		{path.Root("region"), EnvRegion, config.Region, &s.Region},
		{path.Root("access_key"), EnvAccessKey, config.AccessKey, &s.AccessKey},
		{path.Root("secret_key"), EnvSecretKey, config.SecretKey, &s.SecretKey},
		{path.Root("endpoints").AtName("mps"), EnvMPSEndpoint, endpoints.MPS, &s.MPSEndpoint},
	}
	for _, st := range all {
		*st.target = strings.TrimSpace(st.value.ValueString())
		if *st.target == "" {
			*st.target = strings.TrimSpace(getenv(st.envVar))
		}
	}

	var missing []string
	for _, st := range all[:3] {
		if *st.target == "" {
			missing = append(missing, fmt.Sprintf("- %s: set `%s` in the provider block or the %s environment variable",
				st.attribute, st.attribute, st.envVar))
		}
	}
	if len(missing) > 0 {
		diags.AddError("Missing JD Cloud provider configuration",
			"The jdcloud provider needs a region and an API key pair to sign requests, and these are not set:\n"+
				strings.Join(missing, "\n"))
	}

	if s.MPSEndpoint == "" {
		s.MPSEndpoint = jdcloud.DefaultEndpoint(mps.ServiceName)
	} else if _, err := jdcloud.ParseEndpoint(s.MPSEndpoint); err != nil && endpoints.MPS.ValueString() == "" {
		// A bad value from the configuration is caught by the attribute's validator.
		diags.AddError("Invalid "+EnvMPSEndpoint, fmt.Sprintf("The %s environment variable is not a usable endpoint: %s", EnvMPSEndpoint, err))
	}
	if s.Region != "" && config.Region.ValueString() == "" && !validate.RegionPattern.MatchString(s.Region) {
		diags.AddError("Invalid "+EnvRegion, fmt.Sprintf("The %s environment variable is %q, which is not a JD Cloud region such as cn-north-1.", EnvRegion, s.Region))
	}
	return s, diags
}

// unknownAttributes lists the provider arguments whose values are not known yet.
func unknownAttributes(config providerModel, endpoints endpointsModel) []path.Path {
	var unknown []path.Path
	for p, v := range map[string]interface{ IsUnknown() bool }{
		"region":     config.Region,
		"access_key": config.AccessKey,
		"secret_key": config.SecretKey,
		"endpoints":  config.Endpoints,
	} {
		if v.IsUnknown() {
			unknown = append(unknown, path.Root(p))
		}
	}
	if endpoints.MPS.IsUnknown() {
		unknown = append(unknown, path.Root("endpoints").AtName("mps"))
	}
	return unknown
}

// handleUnknownConfig defers reads when Terraform allows it (values known
// only after apply), and otherwise explains which argument is unknown.
func handleUnknownConfig(req provider.ConfigureRequest, resp *provider.ConfigureResponse, unknown []path.Path) {
	if req.ClientCapabilities.DeferralAllowed {
		resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
		return
	}
	for _, p := range unknown {
		resp.Diagnostics.AddAttributeError(p, "Unknown JD Cloud provider argument",
			fmt.Sprintf("The provider cannot build its API client because %s is not known until apply. "+
				"Set it to a value known at plan time (or use its environment variable), "+
				"or apply the resources it depends on first with -target.", p))
	}
}
