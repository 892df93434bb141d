package mps

import (
	"context"

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
	ID              types.String          `tfsdk:"id"`
	TaskID          types.String          `tfsdk:"task_id"`
	Region          types.String          `tfsdk:"region"`
	Status          types.String          `tfsdk:"status"`
	ErrorCode       types.Int64           `tfsdk:"error_code"`
	CreatedTime     types.String          `tfsdk:"created_time"`
	LastUpdatedTime types.String          `tfsdk:"last_updated_time"`
	Rule            *thumbnailRuleModel   `tfsdk:"rule"`
	Source          *thumbnailSourceModel `tfsdk:"source"`
	Target          *thumbnailTargetModel `tfsdk:"target"`
}

// setTask maps an API task read in region onto the model.
func (m *thumbnailTaskDataSourceModel) setTask(region string, task *mps.ThumbnailTask) {
	m.ID = m.TaskID
	m.Region = types.StringValue(region)
	m.Status = types.StringPointerValue(task.Status)
	m.ErrorCode = types.Int64PointerValue(task.ErrorCode)
	m.CreatedTime = types.StringPointerValue(task.CreatedTime)
	m.LastUpdatedTime = types.StringPointerValue(task.LastUpdatedTime)
	m.Rule = newThumbnailRuleModel(task.Rule)
	m.Source = newThumbnailSourceModel(task.Source)
	m.Target = newThumbnailTargetModel(task.Target)
}

func (d *thumbnailTaskDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mps_thumbnail_task"
}

func (d *thumbnailTaskDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one MPS screenshot (thumbnail) task by id: its status, the rule it ran with, " +
			"the source video and the target, including the keys of the screenshots it wrote. " +
			"The task is returned in whatever state it is in; a failed task is not an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The task id (same as `task_id`).",
				Computed:            true,
			},
			"task_id": schema.StringAttribute{
				MarkdownDescription: "Id of the thumbnail task, as returned when the task was created.",
				Required:            true,
				Validators:          validate.TaskID(),
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Region the task lives in. Defaults to the provider's `region`; always set after a read.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validate.Region()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Task status exactly as the API spells it. Done: `SUCCESS` (also spelt `SUCESS`); " +
					"failed: `ERROR` or `FAILED`; in progress: `PENDING` (also `PENDDING`) or `RUNNING`.",
				Computed: true,
			},
			"error_code": schema.Int64Attribute{
				MarkdownDescription: "Error code of a failed task; `0` otherwise. Null when the API leaves it out.",
				Computed:            true,
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the task was created, as the API returns it (`yyyy-MM-ddTHH:mm:ss.SSSZ`, UTC).",
				Computed:            true,
			},
			"last_updated_time": schema.StringAttribute{
				MarkdownDescription: "When the task last changed, as the API returns it (`yyyy-MM-ddTHH:mm:ss.SSSZ`, UTC).",
				Computed:            true,
			},
			"rule":   ruleDataSourceAttribute(),
			"source": sourceDataSourceAttribute(),
			"target": targetDataSourceAttribute(),
		},
	}
}

func ruleDataSourceAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Which frames the task captures. Null when the API returns no rule.",
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"mode": schema.StringAttribute{
				MarkdownDescription: "`single` (one screenshot at the start time), `multi` (`count` screenshots from the start time) " +
					"or `average` (`count` screenshots spread evenly). The API's default is `single`.",
				Computed: true,
			},
			"count": schema.Int64Attribute{
				MarkdownDescription: "Number of screenshots (API default 1).",
				Computed:            true,
			},
			"start_time_in_second": schema.Int64Attribute{
				MarkdownDescription: "Second of the video where capturing starts (API default 0).",
				Computed:            true,
			},
			"end_time_in_second": schema.Int64Attribute{
				MarkdownDescription: "Second of the video where capturing ends; `-1` means the end of the video (the API's default).",
				Computed:            true,
			},
			"key_frame": schema.BoolAttribute{
				MarkdownDescription: "Whether screenshots snap to key frames (API default true).",
				Computed:            true,
			},
		},
	}
}

func sourceDataSourceAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "The video the screenshots are taken from. Null when the API returns no source.",
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"bucket": schema.StringAttribute{
				MarkdownDescription: "Object storage bucket of the video.",
				Computed:            true,
			},
			"key": schema.StringAttribute{
				MarkdownDescription: "Object key of the video.",
				Computed:            true,
			},
		},
	}
}

func targetDataSourceAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Where the screenshots are written. Always set, so `target.keys` can be used directly.",
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"dest_bucket": schema.StringAttribute{
				MarkdownDescription: "Bucket the screenshots are written to.",
				Computed:            true,
			},
			"dest_key_prefix": schema.StringAttribute{
				MarkdownDescription: "Key prefix of the screenshots (the API defaults it to the source key).",
				Computed:            true,
			},
			"format": schema.StringAttribute{
				MarkdownDescription: "Image format, such as `jpg` (the API's default) or `png`.",
				Computed:            true,
			},
			"width_in_pixel": schema.Int64Attribute{
				MarkdownDescription: "Screenshot width; `0` keeps the source's size, else 8 to 4096.",
				Computed:            true,
			},
			"height_in_pixel": schema.Int64Attribute{
				MarkdownDescription: "Screenshot height; `0` keeps the source's size, else 8 to 4096.",
				Computed:            true,
			},
			"keys": schema.ListAttribute{
				MarkdownDescription: "Object keys of the screenshots written so far, named `{dest_key_prefix}-{task_id}-NNNN.{format}`. " +
					"An empty list, never null, while the task has produced none, so `for_each = toset(...target.keys)` always works.",
				ElementType: types.StringType,
				Computed:    true,
			},
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

	task, err := d.Client.MPS.GetThumbnailTask(ctx, region, taskID)
	if err != nil {
		resp.Diagnostics.Append(taskReadErrorDiagnostic(taskID, region, err))
		return
	}
	tflog.Debug(ctx, "read MPS thumbnail task", map[string]any{"status": task.Status})

	state.setTask(region, task)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
