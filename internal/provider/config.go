package provider

import (
	"errors"
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
	EnvProfile     = "JDCLOUD_PROFILE"
	EnvConfigDir   = "JDCLOUD_CONFIG_DIR"
	//nolint:gosec // a variable name, not a token
	EnvSecurityToken = "JDCLOUD_SECURITY_TOKEN"
)

// DefaultRequestsPerSecond is the provider-wide request rate when
// requests_per_second is not set.
const DefaultRequestsPerSecond = 20

var osGetenv = os.Getenv

var objectAsOptions = basetypes.ObjectAsOptions{}

// settings are the provider's resolved configuration.
type settings struct {
	Region        string
	AccessKey     string
	SecretKey     string
	SecurityToken string
	MPSEndpoint   string

	// The jdc CLI profile the keys or region came from, if any.
	ProfileName       string
	ProfileFile       string
	ConfigDir         string
	regionFromProfile bool

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

// resolveSettings applies the precedence "provider arguments, then the
// environment, then the jdc CLI profile" to every setting and reports all
// missing required ones in one diagnostic.
func resolveSettings(config providerModel, endpoints endpointsModel, getenv func(string) string) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := settings{}
	all := []setting{
		{path.Root("region"), EnvRegion, config.Region, &s.Region},
		{path.Root("access_key"), EnvAccessKey, config.AccessKey, &s.AccessKey},
		{path.Root("secret_key"), EnvSecretKey, config.SecretKey, &s.SecretKey},
		{path.Root("security_token"), EnvSecurityToken, config.SecurityToken, &s.SecurityToken},
		{path.Root("endpoints").AtName("mps"), EnvMPSEndpoint, endpoints.MPS, &s.MPSEndpoint},
		{path.Root("profile"), EnvProfile, config.Profile, &s.ProfileName},
		{path.Root("config_dir"), EnvConfigDir, config.ConfigDir, &s.ConfigDir},
	}
	for _, st := range all {
		*st.target = strings.TrimSpace(st.value.ValueString())
		if *st.target == "" {
			*st.target = strings.TrimSpace(getenv(st.envVar))
		}
	}
	diags.Append(applyProfile(&s)...)
	if diags.HasError() {
		return s, diags
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
				strings.Join(missing, "\n")+"\n\nThey can also come from a profile of the jdc CLI (`profile`, or "+EnvProfile+
				"; without either, the CLI's current profile in ~/.jdc is used when it exists).")
	}

	if s.MPSEndpoint == "" {
		s.MPSEndpoint = jdcloud.DefaultEndpoint(mps.ServiceName)
	} else if _, err := jdcloud.ParseEndpoint(s.MPSEndpoint); err != nil && endpoints.MPS.ValueString() == "" {
		// A bad value from the configuration is caught by the attribute's validator.
		diags.AddError("Invalid "+EnvMPSEndpoint, fmt.Sprintf("The %s environment variable is not a usable endpoint: %s", EnvMPSEndpoint, err))
	}
	if s.Region != "" && config.Region.ValueString() == "" && !validate.RegionPattern.MatchString(s.Region) {
		diags.AddError("Invalid region", fmt.Sprintf("The region %q (from %s) is not a JD Cloud region such as cn-north-1.", s.Region, s.regionSource()))
	}
	diags.Append(resolveRetrySettings(config, getenv, &s)...)
	return s, diags
}

// applyProfile fills what arguments and environment left empty from a jdc
// CLI profile: the named one (profile or JDCLOUD_PROFILE), or, when no
// key pair was given at all, the CLI's current profile if it exists. Keys
// are taken as a pair, never one from here and one from there.
func applyProfile(s *settings) diag.Diagnostics {
	var diags diag.Diagnostics
	named := s.ProfileName != ""
	if !named && (s.AccessKey != "" || s.SecretKey != "") {
		return nil
	}
	dir := s.ConfigDir
	if dir == "" {
		var err error
		if dir, err = jdcloud.DefaultConfigDir(); err != nil {
			if named {
				diags.AddAttributeError(path.Root("profile"), "Cannot find the jdc CLI configuration", err.Error())
			}
			return diags
		}
	}
	name := s.ProfileName
	if !named {
		var err error
		if name, err = jdcloud.CurrentProfileName(dir); err != nil {
			diags.AddError("Cannot read the jdc CLI's current profile", err.Error())
			return diags
		}
	}
	profile, err := jdcloud.LoadProfile(dir, name)
	switch {
	case err == nil:
	case !named && errors.Is(err, jdcloud.ErrNoConfigFile):
		return nil // No CLI profile on this machine: nothing to fall back to.
	default:
		diags.AddAttributeError(path.Root("profile"), "Unusable jdc CLI profile",
			fmt.Sprintf("The provider was to take its keys from the jdc CLI profile %q, but: %s. "+
				"Fix the profile with `jdc configure`, name another with `profile` (or %s), "+
				"or set access_key and secret_key.", name, err, EnvProfile))
		return diags
	}
	if s.AccessKey == "" && s.SecretKey == "" {
		s.AccessKey, s.SecretKey = profile.AccessKey, profile.SecretKey
	}
	if s.Region == "" && profile.RegionID != "" {
		s.Region = profile.RegionID
		s.regionFromProfile = true
	}
	s.ProfileName, s.ProfileFile = profile.Name, profile.File
	return nil
}

func (s settings) regionSource() string {
	if s.regionFromProfile {
		return fmt.Sprintf("region_id of profile %q in %s", s.ProfileName, s.ProfileFile)
	}
	return "the " + EnvRegion + " environment variable"
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
		"security_token":      config.SecurityToken,
		"profile":             config.Profile,
		"config_dir":          config.ConfigDir,
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
