package mps

import (
	"context"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/conns"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/validate"
)

var (
	_ datasource.DataSource              = (*thumbnailTasksDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*thumbnailTasksDataSource)(nil)
)

// NewThumbnailTasksDataSource returns the jdcloud_mps_thumbnail_tasks data source.
func NewThumbnailTasksDataSource() datasource.DataSource {
	return &thumbnailTasksDataSource{}
}

type thumbnailTasksDataSource struct {
	conns.DataSourceBase
}

// thumbnailTasksDataSourceModel is the list data source's state.
type thumbnailTasksDataSourceModel struct {
	ID     types.String         `tfsdk:"id"`
	Region types.String         `tfsdk:"region"`
	Status types.String         `tfsdk:"status"`
	Begin  timetypes.RFC3339    `tfsdk:"begin"`
	End    timetypes.RFC3339    `tfsdk:"end"`
	Limit  types.Int64          `tfsdk:"limit"`
	IDs    []types.String       `tfsdk:"ids"`
	Tasks  []thumbnailTaskModel `tfsdk:"tasks"`
}

func (d *thumbnailTasksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mps_thumbnail_tasks"
}

func (d *thumbnailTasksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists MPS screenshot (thumbnail) tasks of a region, oldest first, optionally filtered by status " +
			"and creation time. Follows the API's pages (`nextMarker`) until every task, or `limit` tasks, are read.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "An id made of the region and the filters.",
				Computed:            true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Region to list. Defaults to the provider's `region`; always set after a read.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validate.Region()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only tasks with this status, spelt as the API spells it (for example `SUCCESS` or `RUNNING`).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"begin": schema.StringAttribute{
				MarkdownDescription: "Only tasks created at or after this time, in RFC 3339 (`2026-12-01T00:00:00Z`).",
				Optional:            true,
				CustomType:          timetypes.RFC3339Type{},
			},
			"end": schema.StringAttribute{
				MarkdownDescription: "Only tasks created at or before this time, in RFC 3339.",
				Optional:            true,
				CustomType:          timetypes.RFC3339Type{},
			},
			"limit": schema.Int64Attribute{
				MarkdownDescription: "Return at most this many tasks (the oldest ones). Default: all of them.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "Ids of the listed tasks, in the order of `tasks`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"tasks": schema.ListNestedAttribute{
				MarkdownDescription: "The listed tasks, each with the attributes of the `jdcloud_mps_thumbnail_task` data source.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: taskDataSourceAttributes()},
			},
		},
	}
}

func (d *thumbnailTasksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state thumbnailTasksDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	region := d.Client.RegionOr(state.Region.ValueString())
	filter := mps.ListFilter{Status: state.Status.ValueString()}
	var diags diag.Diagnostics
	filter.Begin, diags = optionalTime(state.Begin)
	resp.Diagnostics.Append(diags...)
	filter.End, diags = optionalTime(state.End)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	tasks, err := d.Client.MPS.ListAllThumbnailTasks(ctx, region, filter, int(state.Limit.ValueInt64()))
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(operation{verb: "list", region: region}, err))
		return
	}
	tflog.Debug(ctx, "listed MPS thumbnail tasks", map[string]any{"region": region, "count": len(tasks)})

	state.Region = types.StringValue(region)
	state.ID = types.StringValue(strings.Join([]string{region, filter.Status, state.Begin.ValueString(), state.End.ValueString()}, "/"))
	state.IDs = make([]types.String, 0, len(tasks))
	state.Tasks = make([]thumbnailTaskModel, 0, len(tasks))
	for i := range tasks {
		var model thumbnailTaskModel
		model.setTask(&tasks[i])
		state.Tasks = append(state.Tasks, model)
		state.IDs = append(state.IDs, model.TaskID)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// optionalTime is the time of a set RFC 3339 value, or the zero time.
func optionalTime(value timetypes.RFC3339) (time.Time, diag.Diagnostics) {
	if value.IsNull() || value.IsUnknown() {
		return time.Time{}, nil
	}
	return value.ValueRFC3339Time()
}
