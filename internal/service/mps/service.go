// Package mps holds the Terraform data sources and resources of JD Cloud's
// Media Processing Service.
package mps

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// DataSources are the MPS data sources the provider serves.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewThumbnailTaskDataSource,
		NewThumbnailTasksDataSource,
	}
}

// Resources are the MPS resources the provider serves.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewThumbnailTaskResource,
	}
}
