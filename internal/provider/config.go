package provider

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

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
	EnvMaxRetries  = "JDCLOUD_MAX_RETRIES"
)

// DefaultRequestsPerSecond is the provider-wide request rate when
// requests_per_second is not set.
const DefaultRequestsPerSecond = 20

var osGetenv = os.Getenv

var objectAsOptions = basetypes.ObjectAsOptions{}

// settings are the provider's resolved configuration.
type settings struct {
	Region      string
	AccessKey   string
	SecretKey   string
	MPSEndpoint string

	MaxRetries        int
	RequestTimeout    time.Duration
	RequestsPerSecond float64
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
	diags.Append(resolveRetrySettings(config, getenv, &s)...)
	return s, diags
}

// resolveRetrySettings fills retries, timeout and rate, from the
// configuration, else the environment (retries only), else the defaults.
func resolveRetrySettings(config providerModel, getenv func(string) string, s *settings) diag.Diagnostics {
	var diags diag.Diagnostics
	s.MaxRetries = jdcloud.DefaultMaxRetries
	switch {
	case !config.MaxRetries.IsNull():
		s.MaxRetries = int(config.MaxRetries.ValueInt64())
	case strings.TrimSpace(getenv(EnvMaxRetries)) != "":
		retries, err := strconv.Atoi(strings.TrimSpace(getenv(EnvMaxRetries)))
		if err != nil || retries < 0 {
			diags.AddError("Invalid "+EnvMaxRetries, fmt.Sprintf("The %s environment variable is %q; it must be a whole number, 0 or more.", EnvMaxRetries, getenv(EnvMaxRetries)))
		}
		s.MaxRetries = retries
	}

	s.RequestTimeout = jdcloud.DefaultRequestTimeout
	if !config.RequestTimeout.IsNull() {
		// The attribute's validator has already checked the format.
		timeout, err := time.ParseDuration(config.RequestTimeout.ValueString())
		if err == nil {
			s.RequestTimeout = timeout
		}
	}

	s.RequestsPerSecond = DefaultRequestsPerSecond
	if !config.RequestsPerSecond.IsNull() {
		s.RequestsPerSecond = config.RequestsPerSecond.ValueFloat64()
	}
	return diags
}

// unknownAttributes lists the provider arguments whose values are not known yet.
func unknownAttributes(config providerModel, endpoints endpointsModel) []path.Path {
	var unknown []path.Path
	for p, v := range map[string]interface{ IsUnknown() bool }{
		"region":              config.Region,
		"access_key":          config.AccessKey,
		"secret_key":          config.SecretKey,
		"endpoints":           config.Endpoints,
		"max_retries":         config.MaxRetries,
		"request_timeout":     config.RequestTimeout,
		"requests_per_second": config.RequestsPerSecond,
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
