// Package mps holds the Terraform data sources and resources of JD Cloud's
// Media Processing Service.
package mps

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// DataSources are the MPS data sources the provider serves.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewThumbnailTaskDataSource,
		NewThumbnailTasksDataSource,
	}
}
