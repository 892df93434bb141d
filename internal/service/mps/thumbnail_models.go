package mps

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// thumbnailTaskModel is a task's attributes, shared by the data sources.
type thumbnailTaskModel struct {
	TaskID          types.String          `tfsdk:"task_id"`
	Status          types.String          `tfsdk:"status"`
	ErrorCode       types.Int64           `tfsdk:"error_code"`
	CreatedTime     types.String          `tfsdk:"created_time"`
	LastUpdatedTime types.String          `tfsdk:"last_updated_time"`
	Rule            *thumbnailRuleModel   `tfsdk:"rule"`
	Source          *thumbnailSourceModel `tfsdk:"source"`
	Target          *thumbnailTargetModel `tfsdk:"target"`
}

// setTask maps an API task onto the model. Fields the API left out become
// null, except target.keys, which is always a list.
func (m *thumbnailTaskModel) setTask(task *mps.ThumbnailTask) {
	if m.TaskID.IsNull() || m.TaskID.IsUnknown() {
		// Listed tasks; a task read by id keeps the id it was asked for.
		m.TaskID = types.StringValue(task.TaskID)
	}
	m.Status = types.StringPointerValue(task.Status)
	m.ErrorCode = types.Int64PointerValue(task.ErrorCode)
	m.CreatedTime = types.StringPointerValue(task.CreatedTime)
	m.LastUpdatedTime = types.StringPointerValue(task.LastUpdatedTime)
	m.Rule = newThumbnailRuleModel(task.Rule)
	m.Source = newThumbnailSourceModel(task.Source)
	m.Target = newThumbnailTargetModel(task.Target)
}

// thumbnailRuleModel is the rule attribute: which frames become screenshots.
type thumbnailRuleModel struct {
	Mode              types.String `tfsdk:"mode"`
	Count             types.Int64  `tfsdk:"count"`
	StartTimeInSecond types.Int64  `tfsdk:"start_time_in_second"`
	EndTimeInSecond   types.Int64  `tfsdk:"end_time_in_second"`
	KeyFrame          types.Bool   `tfsdk:"key_frame"`
}

// thumbnailSourceModel is the source attribute: the video.
type thumbnailSourceModel struct {
	Bucket types.String `tfsdk:"bucket"`
	Key    types.String `tfsdk:"key"`
}

// thumbnailTargetModel is the target attribute: where screenshots are written.
type thumbnailTargetModel struct {
	DestBucket    types.String   `tfsdk:"dest_bucket"`
	DestKeyPrefix types.String   `tfsdk:"dest_key_prefix"`
	Format        types.String   `tfsdk:"format"`
	WidthInPixel  types.Int64    `tfsdk:"width_in_pixel"`
	HeightInPixel types.Int64    `tfsdk:"height_in_pixel"`
	Keys          []types.String `tfsdk:"keys"`
}

// newThumbnailRuleModel maps an API rule; nil when the API sent none.
func newThumbnailRuleModel(rule *mps.ThumbnailRule) *thumbnailRuleModel {
	if rule == nil {
		return nil
	}
	return &thumbnailRuleModel{
		Mode:              types.StringPointerValue(rule.Mode),
		Count:             types.Int64PointerValue(rule.Count),
		StartTimeInSecond: types.Int64PointerValue(rule.StartTimeInSecond),
		EndTimeInSecond:   types.Int64PointerValue(rule.EndTimeInSecond),
		KeyFrame:          types.BoolPointerValue(rule.KeyFrame),
	}
}

// newThumbnailSourceModel maps an API source; nil when the API sent none.
func newThumbnailSourceModel(source *mps.ThumbnailSource) *thumbnailSourceModel {
	if source == nil {
		return nil
	}
	return &thumbnailSourceModel{
		Bucket: types.StringPointerValue(source.Bucket),
		Key:    types.StringPointerValue(source.Key),
	}
}

// newThumbnailTargetModel maps an API target. It is never nil and its keys
// are never null, so configurations can always iterate over target.keys.
func newThumbnailTargetModel(target *mps.ThumbnailTarget) *thumbnailTargetModel {
	if target == nil {
		target = &mps.ThumbnailTarget{}
	}
	keys := make([]types.String, 0, len(target.Keys))
	for _, key := range target.Keys {
		keys = append(keys, types.StringValue(key))
	}
	return &thumbnailTargetModel{
		DestBucket:    types.StringPointerValue(target.DestBucket),
		DestKeyPrefix: types.StringPointerValue(target.DestKeyPrefix),
		Format:        types.StringPointerValue(target.Format),
		WidthInPixel:  types.Int64PointerValue(target.WidthInPixel),
		HeightInPixel: types.Int64PointerValue(target.HeightInPixel),
		Keys:          keys,
	}
}
