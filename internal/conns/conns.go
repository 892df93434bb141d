// Package conns holds what the provider hands to its data sources and
// resources: the configured API clients, and base types whose Configure
// picks them up, so each service package needs no plumbing of its own.
package conns

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// Client is the provider's configured state, built once in Configure.
type Client struct {
	// Region is the provider's region, used where a data source sets none.
	Region string
	MPS    *mps.Client
}

// RegionOr returns override when it is set, else the provider's region.
func (c *Client) RegionOr(override string) string {
	if override != "" {
		return override
	}
	return c.Region
}

// DataSourceBase gives a data source the provider's Client in Configure.
type DataSourceBase struct {
	Client *Client
}

// Configure implements datasource.DataSourceWithConfigure.
func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := clientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	if client != nil {
		b.Client = client
	}
}

// clientFrom unpacks provider data; nil data means the provider is not
// configured yet (validation, or an unknown provider configuration).
func clientFrom(data any) (*Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	if data == nil {
		return nil, diags
	}
	client, ok := data.(*Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *conns.Client, got %T. This is a bug in the provider; please report it.", data))
	}
	return client, diags
}

// ResourceBase gives a resource the provider's Client in Configure.
type ResourceBase struct {
	Client *Client
}

// Configure implements resource.ResourceWithConfigure.
func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, diags := clientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	if client != nil {
		b.Client = client
	}
}
