package mps

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/conns"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/validate"
)

var (
	_ datasource.DataSource              = (*thumbnailTaskDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*thumbnailTaskDataSource)(nil)
)

// NewThumbnailTaskDataSource returns the jdcloud_mps_thumbnail_task data source.
func NewThumbnailTaskDataSource() datasource.DataSource {
	return &thumbnailTaskDataSource{}
}

type thumbnailTaskDataSource struct {
	conns.DataSourceBase
}

// thumbnailTaskDataSourceModel is the data source's state.
type thumbnailTaskDataSourceModel struct {
	ID                types.String   `tfsdk:"id"`
	Region            types.String   `tfsdk:"region"`
	WaitForCompletion types.Bool     `tfsdk:"wait_for_completion"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
	thumbnailTaskModel
}

// defaultReadTimeout bounds wait_for_completion when no timeouts block says otherwise.
const defaultReadTimeout = 20 * time.Minute

func (d *thumbnailTaskDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mps_thumbnail_task"
}

func (d *thumbnailTaskDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := taskDataSourceAttributes()
	attributes["id"] = schema.StringAttribute{
		MarkdownDescription: "The task id (same as `task_id`).",
		Computed:            true,
	}
	attributes["task_id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the thumbnail task, as returned when the task was created.",
		Required:            true,
		Validators:          validate.TaskID(),
	}
	attributes["region"] = schema.StringAttribute{
		MarkdownDescription: "Region the task lives in. Defaults to the provider's `region`; always set after a read.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{validate.Region()},
	}
	attributes["wait_for_completion"] = schema.BoolAttribute{
		MarkdownDescription: "Wait until the task is done (`SUCCESS`) or failed before returning, polling with backoff " +
			"(about 1 s growing to 10 s) for at most the `timeouts` block's `read` (default 20 minutes). " +
			"A failed task is then an error naming its `error_code`. Default `false`: the task is returned in whatever state it is in.",
		Optional: true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one MPS screenshot (thumbnail) task by id: its status, the rule it ran with, " +
			"the source video and the target, including the keys of the screenshots it wrote. " +
			"Without `wait_for_completion` the task is returned in whatever state it is in; a failed task is not an error.",
		Attributes: attributes,
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx),
		},
	}
}

func (d *thumbnailTaskDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state thumbnailTaskDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	region := d.Client.RegionOr(state.Region.ValueString())
	taskID := state.TaskID.ValueString()
	ctx = tflog.SetField(ctx, "mps_task_id", taskID)
	ctx = tflog.SetField(ctx, "region", region)

	var task *mps.ThumbnailTask
	var err error
	if state.WaitForCompletion.ValueBool() {
		readTimeout, diags := state.Timeouts.Read(ctx, defaultReadTimeout)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		waitCtx, cancel := context.WithTimeout(ctx, readTimeout)
		defer cancel()
		var polls int
		task, polls, err = waitForTask(waitCtx, d.Client.MPS, region, taskID)
		tflog.Debug(ctx, "waited for MPS thumbnail task", map[string]any{"polls": polls})
	} else {
		task, err = d.Client.MPS.GetThumbnailTask(ctx, region, taskID)
	}
	if err != nil {
		resp.Diagnostics.Append(taskReadErrorDiagnostic(taskID, region, err))
		return
	}

	state.ID = state.TaskID
	state.Region = types.StringValue(region)
	state.setTask(task)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
