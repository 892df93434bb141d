package mps

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// taskDataSourceAttributes are the computed attributes of a task, shared by
// jdcloud_mps_thumbnail_task and the tasks of jdcloud_mps_thumbnail_tasks.
func taskDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"task_id": schema.StringAttribute{
			MarkdownDescription: "Id of the task.",
			Computed:            true,
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
	}
}

func ruleDataSourceAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Which frames the task captures. Null when the API returns no rule.",
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"mode": schema.StringAttribute{
				MarkdownDescription: ruleModeDescription,
				Computed:            true,
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
				MarkdownDescription: pixelsDescription("width"),
				Computed:            true,
			},
			"height_in_pixel": schema.Int64Attribute{
				MarkdownDescription: pixelsDescription("height"),
				Computed:            true,
			},
			"keys": schema.ListAttribute{
				MarkdownDescription: keysDescription,
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

// Descriptions shared by the data sources and the resource.
const (
	ruleModeDescription = "`single` (one screenshot at the start time), `multi` (`count` screenshots from the start time) " +
		"or `average` (`count` screenshots spread evenly). The API's default is `single`."
	keysDescription = "Object keys of the screenshots written so far, named `{dest_key_prefix}-{task_id}-NNNN.{format}`. " +
		"An empty list, never null, while the task has produced none, so `for_each = toset(...target.keys)` always works."
)

func pixelsDescription(side string) string {
	return "Screenshot " + side + " in pixels; `0` (the API's default) keeps the source's size, else 8 to 4096."
}
