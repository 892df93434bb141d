// Package validate holds the provider's attribute validators, so that bad
// input is reported at validate time with the attribute's path.
package validate

import (
	"context"
	"fmt"
	"net"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

// RegionPattern is the shape of JD Cloud region ids, such as cn-north-1.
var RegionPattern = regexp.MustCompile(`^[a-z]{2,}(-[a-z]+)+-[0-9]+$`)

// Region checks that a value is shaped like a JD Cloud region id. The list
// of regions is open, so only the shape is checked.
func Region() validator.String {
	return stringvalidator.RegexMatches(RegionPattern, "must be a JD Cloud region id such as cn-north-1")
}

// TaskID checks that a task id is neither blank nor too long.
func TaskID() []validator.String {
	return []validator.String{
		stringvalidator.LengthBetween(1, 256),
		stringvalidator.RegexMatches(regexp.MustCompile(`\S`), "must not be blank"),
	}
}

// EndpointURL checks that a value is an absolute http(s) URL, and warns
// when plain http would cross the network.
func EndpointURL() validator.String { return endpointURL{} }

type endpointURL struct{}

func (endpointURL) Description(context.Context) string {
	return "must be an absolute http:// or https:// URL"
}

func (v endpointURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (endpointURL) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	u, err := jdcloud.ParseEndpoint(req.ConfigValue.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid endpoint URL",
			fmt.Sprintf("%s %s. Use a full URL such as https://mps.jdcloud-api.com.", req.Path, err))
		return
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Endpoint without TLS",
			fmt.Sprintf("%s uses http:// to %s: requests, though signed, travel unencrypted. Use https:// unless this is a trusted private network.",
				req.Path, u.Hostname()))
	}
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// PositiveDuration checks that a value is a Go duration above zero, such as "30s".
func PositiveDuration() validator.String { return positiveDuration{} }

type positiveDuration struct{}

func (positiveDuration) Description(context.Context) string {
	return `must be a duration above zero such as "30s" or "1m30s"`
}

func (v positiveDuration) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v positiveDuration) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s is %q; it %s.", req.Path, req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}
