// Package provider is the jdcloud provider: its schema, how it resolves
// region, credentials and endpoints, and the list of data sources it serves.
package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/conns"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	servicemps "github.com/jdcloud-api/terraform-provider-jdcloud/internal/service/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/validate"
)

// TypeName is the provider's name in configurations: jdcloud_*.
const TypeName = "jdcloud"

var _ provider.Provider = (*jdcloudProvider)(nil)

type jdcloudProvider struct {
	version string
	// getenv reads environment variables; tests replace it.
	getenv func(string) string
}

// New returns a constructor of the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &jdcloudProvider{version: version, getenv: osGetenv}
	}
}

// providerModel is the provider block.
type providerModel struct {
	Region        types.String `tfsdk:"region"`
	AccessKey     types.String `tfsdk:"access_key"`
	SecretKey     types.String `tfsdk:"secret_key"`
	SecurityToken types.String `tfsdk:"security_token"`
	Profile       types.String `tfsdk:"profile"`
	ConfigDir     types.String `tfsdk:"config_dir"`
	Endpoints     types.Object `tfsdk:"endpoints"`

	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestTimeout    types.String  `tfsdk:"request_timeout"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// endpointsModel is the endpoints attribute.
type endpointsModel struct {
	MPS types.String `tfsdk:"mps"`
}

func (p *jdcloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *jdcloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The JD Cloud provider creates, reads and lists Media Processing Service (MPS) screenshot tasks " +
			"through JD Cloud's signed OpenAPI. Every argument is optional in the block and falls back to an environment variable.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				MarkdownDescription: "JD Cloud region that requests go to, such as `cn-north-1`. " +
					"Falls back to the `" + EnvRegion + "` environment variable. Data sources may override it.",
				Optional:   true,
				Validators: []validator.String{validate.Region()},
			},
			"access_key": schema.StringAttribute{
				MarkdownDescription: "Access key of the JD Cloud API key pair. Falls back to `" + EnvAccessKey + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "Secret key of the JD Cloud API key pair. Falls back to `" + EnvSecretKey + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "Security token of temporary credentials, sent with every request and signed. " +
					"Falls back to `" + EnvSecurityToken + "`.",
				Optional:  true,
				Sensitive: true,
			},
			"profile": schema.StringAttribute{
				MarkdownDescription: "Profile of the `jdc` CLI to take the key pair and region from (`~/.jdc/config`), " +
					"for whatever the arguments and environment variables leave unset. Falls back to `" + EnvProfile + "`. " +
					"Without it, and without keys in arguments or environment, the CLI's current profile (`~/.jdc/current`, else `default`) is used when it exists.",
				Optional: true,
			},
			"config_dir": schema.StringAttribute{
				MarkdownDescription: "Directory of the `jdc` CLI's `config` and `current` files. Default `~/.jdc`; falls back to `" + EnvConfigDir + "`.",
				Optional:            true,
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a request that was throttled (HTTP 429), failed on the server side "+
					"(500, 502, 503, 504) or lost its connection is retried, with exponential backoff and jitter, "+
					"honouring `Retry-After`. `0` disables retries. Default %d; falls back to `%s`.", jdcloud.DefaultMaxRetries, EnvMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Longest time one attempt of a request may take, as a duration such as `\"30s\"`. "+
					"Default `%s`: with the default retries, a read against an endpoint that never answers gives up within a minute.",
					jdcloud.DefaultRequestTimeout),
				Optional:   true,
				Validators: []validator.String{validate.PositiveDuration()},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: fmt.Sprintf("Most requests per second the provider sends, shared by all its data sources and resources, "+
					"so that large configurations do not storm the API. Default %d; `0` removes the limit.", DefaultRequestsPerSecond),
				Optional:   true,
				Validators: []validator.Float64{float64validator.AtLeast(0)},
			},
			"endpoints": schema.SingleNestedAttribute{
				MarkdownDescription: "Custom base URLs of JD Cloud services, for private endpoints, proxies or a local fake.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"mps": schema.StringAttribute{
						MarkdownDescription: "Base URL of the MPS API, e.g. `https://mps.jdcloud-api.com` (the default). " +
							"A trailing `/v1` is accepted. `http://` is allowed for local and private endpoints. " +
							"Falls back to `" + EnvMPSEndpoint + "`.",
						Optional:   true,
						Validators: []validator.String{validate.EndpointURL()},
					},
				},
			},
		},
	}
}

func (p *jdcloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var endpoints endpointsModel
	if !config.Endpoints.IsNull() && !config.Endpoints.IsUnknown() {
		resp.Diagnostics.Append(config.Endpoints.As(ctx, &endpoints, objectAsOptions)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}

	if unknown := unknownAttributes(config, endpoints); len(unknown) > 0 {
		handleUnknownConfig(req, resp, unknown)
		return
	}

	settings, diags := resolveSettings(config, endpoints, p.getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	api, err := jdcloud.NewClient(jdcloud.Config{
		Credentials:       jdcloud.Credentials{AccessKey: settings.AccessKey, SecretKey: settings.SecretKey, SecurityToken: settings.SecurityToken},
		Endpoints:         map[string]string{mps.ServiceName: settings.MPSEndpoint},
		UserAgent:         userAgent(p.version, req.TerraformVersion),
		MaxRetries:        settings.MaxRetries,
		RequestTimeout:    settings.RequestTimeout,
		RequestsPerSecond: settings.RequestsPerSecond,
		Logger:            newAPILogger(settings.SecretKey, settings.SecurityToken),
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("endpoints").AtName("mps"), "Invalid MPS endpoint", err.Error())
		return
	}
	tflog.Debug(ctx, "configured JD Cloud client", map[string]any{
		"region":       settings.Region,
		"access_key":   jdcloud.MaskAccessKey(settings.AccessKey),
		"profile":      settings.ProfileName,
		"mps_endpoint": settings.MPSEndpoint,
		"max_retries":  settings.MaxRetries,
		"timeout":      settings.RequestTimeout.String(),
		"rate":         settings.RequestsPerSecond,
	})

	client := &conns.Client{Region: settings.Region, MPS: mps.New(api)}
	resp.DataSourceData = client
	resp.ResourceData = client
}

func (p *jdcloudProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return servicemps.DataSources()
}

func (p *jdcloudProvider) Resources(_ context.Context) []func() resource.Resource {
	return servicemps.Resources()
}

func userAgent(providerVersion, terraformVersion string) string {
	if terraformVersion == "" {
		terraformVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-jdcloud/%s (+https://registry.terraform.io/providers/jdcloud-api/jdcloud) Terraform/%s",
		providerVersion, terraformVersion)
}
