package mps

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/conns"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/validate"
)

var (
	_ resource.Resource                     = (*thumbnailTaskResource)(nil)
	_ resource.ResourceWithConfigure        = (*thumbnailTaskResource)(nil)
	_ resource.ResourceWithImportState      = (*thumbnailTaskResource)(nil)
	_ resource.ResourceWithConfigValidators = (*thumbnailTaskResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*thumbnailTaskResource)(nil)
)

// defaultCreateTimeout bounds the wait for a created task.
const defaultCreateTimeout = 20 * time.Minute

// NewThumbnailTaskResource returns the jdcloud_mps_thumbnail_task resource.
func NewThumbnailTaskResource() resource.Resource {
	return &thumbnailTaskResource{}
}

type thumbnailTaskResource struct {
	conns.ResourceBase
}

// thumbnailTaskResourceModel is the resource's state.
type thumbnailTaskResourceModel struct {
	ID                types.String   `tfsdk:"id"`
	TaskID            types.String   `tfsdk:"task_id"`
	Region            types.String   `tfsdk:"region"`
	Source            types.Object   `tfsdk:"source"`
	Target            types.Object   `tfsdk:"target"`
	Rule              types.Object   `tfsdk:"rule"`
	WaitForCompletion types.Bool     `tfsdk:"wait_for_completion"`
	Status            types.String   `tfsdk:"status"`
	ErrorCode         types.Int64    `tfsdk:"error_code"`
	CreatedTime       types.String   `tfsdk:"created_time"`
	LastUpdatedTime   types.String   `tfsdk:"last_updated_time"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// resourceTargetModel is the resource's target; keys may be unknown in a plan.
type resourceTargetModel struct {
	DestBucket    types.String `tfsdk:"dest_bucket"`
	DestKeyPrefix types.String `tfsdk:"dest_key_prefix"`
	Format        types.String `tfsdk:"format"`
	WidthInPixel  types.Int64  `tfsdk:"width_in_pixel"`
	HeightInPixel types.Int64  `tfsdk:"height_in_pixel"`
	Keys          types.List   `tfsdk:"keys"`
}

var (
	sourceAttrTypes = map[string]attr.Type{"bucket": types.StringType, "key": types.StringType}
	targetAttrTypes = map[string]attr.Type{
		"dest_bucket": types.StringType, "dest_key_prefix": types.StringType, "format": types.StringType,
		"width_in_pixel": types.Int64Type, "height_in_pixel": types.Int64Type, "keys": types.ListType{ElemType: types.StringType},
	}
	ruleAttrTypes = map[string]attr.Type{
		"mode": types.StringType, "count": types.Int64Type, "start_time_in_second": types.Int64Type,
		"end_time_in_second": types.Int64Type, "key_frame": types.BoolType,
	}
)

func (r *thumbnailTaskResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mps_thumbnail_task"
}

func (r *thumbnailTaskResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	// Every argument forces a new task. The modifiers sit on the leaf
	// attributes, not on the nested objects: an object's modifiers run before
	// its children's, when computed children are still unknown, so an object
	// would always look changed. UseStateForUnknown runs first, so that an
	// argument left to the API's default keeps the value the API chose.
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	requiredString := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Required: true, PlanModifiers: replace,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	optionalString := func(description string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Optional: true, Computed: true, Validators: validators,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}}
	}
	optionalInt := func(description string, validators ...validator.Int64) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: description, Optional: true, Computed: true, Validators: validators,
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace()}}
	}
	pixels := int64validator.Any(int64validator.OneOf(0), int64validator.Between(8, 4096))

	resp.Schema = schema.Schema{
		MarkdownDescription: "Creates an MPS screenshot (thumbnail) task: MPS takes screenshots of a video in object storage " +
			"and writes them to a bucket. By default the resource waits until the task is done, so `target.keys` is known " +
			"to the resources that use it. Every argument forces a new task. MPS has no API to delete a task: " +
			"destroying the resource only removes it from the Terraform state.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The task id.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"task_id": schema.StringAttribute{
				MarkdownDescription: "The task id, as the API returned it on creation.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Region to run the task in. Defaults to the provider's `region`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validate.Region()},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace(), stringplanmodifier.UseStateForUnknown()},
			},
			"source": schema.SingleNestedAttribute{
				MarkdownDescription: "The video to take screenshots of.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"bucket": requiredString("Object storage bucket of the video."),
					"key":    requiredString("Object key of the video."),
				},
			},
			"target": schema.SingleNestedAttribute{
				MarkdownDescription: "Where to write the screenshots.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"dest_bucket":     requiredString("Bucket to write the screenshots to."),
					"dest_key_prefix": optionalString("Key prefix of the screenshots. The API's default is the source key."),
					"format":          optionalString("Image format, such as `jpg` (the API's default) or `png`.", stringvalidator.LengthAtLeast(1)),
					"width_in_pixel":  optionalInt(pixelsDescription("width"), pixels),
					"height_in_pixel": optionalInt(pixelsDescription("height"), pixels),
					"keys": schema.ListAttribute{
						MarkdownDescription: keysDescription + " Known after apply; with `wait_for_completion` it holds every screenshot.",
						ElementType:         types.StringType,
						Computed:            true,
						// An in-place update (wait_for_completion, timeouts) touches
						// no task: the plan shows the keys it already has.
						PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
					},
				},
			},
			"rule": schema.SingleNestedAttribute{
				MarkdownDescription: "Which frames to capture. Left out, or partly set, the API's defaults apply: " +
					"`single` mode, 1 screenshot, from second 0 to the end of the video (`-1`), on key frames.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"mode": optionalString(ruleModeDescription, stringvalidator.OneOf("single", "multi", "average")),
					"count": optionalInt("Number of screenshots, for `multi` and `average` (API default 1).",
						int64validator.AtLeast(1)),
					"start_time_in_second": optionalInt("Second of the video where capturing starts (API default 0).",
						int64validator.AtLeast(0)),
					"end_time_in_second": optionalInt("Second of the video where capturing ends, not before `start_time_in_second`; "+
						"`-1` (the API's default) means the end of the video.", int64validator.AtLeast(-1)),
					"key_frame": schema.BoolAttribute{
						MarkdownDescription: "Whether screenshots snap to key frames (API default true).",
						Optional:            true,
						Computed:            true,
						PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
					},
				},
			},
			"wait_for_completion": schema.BoolAttribute{
				MarkdownDescription: "Wait, on create, until the task is done (polling with backoff, at most the `timeouts` block's " +
					"`create`, default 20 minutes). A failed task is then an error naming its `error_code`. Default `true`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"status":            schema.StringAttribute{MarkdownDescription: "Task status as the API spells it, as of the last read.", Computed: true},
			"error_code":        schema.Int64Attribute{MarkdownDescription: "Error code of a failed task; `0` otherwise.", Computed: true},
			"created_time":      schema.StringAttribute{MarkdownDescription: "When the task was created, as the API returns it.", Computed: true, PlanModifiers: keep},
			"last_updated_time": schema.StringAttribute{MarkdownDescription: "When the task last changed, as the API returns it.", Computed: true},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true}),
		},
	}
}

func (r *thumbnailTaskResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{endNotBeforeStart{}}
}

// endNotBeforeStart rejects a rule whose end time lies before its start time.
type endNotBeforeStart struct{}

func (endNotBeforeStart) Description(context.Context) string {
	return "rule.end_time_in_second must be -1 or not below rule.start_time_in_second"
}

func (v endNotBeforeStart) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v endNotBeforeStart) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var start, end types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("rule").AtName("start_time_in_second"), &start)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("rule").AtName("end_time_in_second"), &end)...)
	if resp.Diagnostics.HasError() || end.IsNull() || end.IsUnknown() || start.IsUnknown() || end.ValueInt64() == -1 {
		return
	}
	if end.ValueInt64() < start.ValueInt64() {
		resp.Diagnostics.AddAttributeError(path.Root("rule").AtName("end_time_in_second"), "End time before start time",
			fmt.Sprintf("rule.end_time_in_second is %d, before rule.start_time_in_second (%d). Set it to -1 for the end of the video, "+
				"or to a second not before the start.", end.ValueInt64(), start.ValueInt64()))
	}
}

// ModifyPlan shows the provider's region in the plan of a new task whose
// configuration sets none, instead of "known after apply".
func (r *thumbnailTaskResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	var region types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("region"), &region)...)
	if region.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("region"), r.Client.Region)...)
	}
}

func (r *thumbnailTaskResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan thumbnailTaskResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	input, diags := plan.createInput(ctx)
	resp.Diagnostics.Append(diags...)
	createTimeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, createTimeout)
	defer cancel()

	region := r.Client.RegionOr(plan.Region.ValueString())
	taskID, err := r.Client.MPS.CreateThumbnailTask(ctx, region, input)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(operation{verb: "create", region: region}, err))
		return
	}
	ctx = tflog.SetField(ctx, "mps_task_id", taskID)
	tflog.Info(ctx, "created MPS thumbnail task")

	var task *mps.ThumbnailTask
	if plan.WaitForCompletion.ValueBool() {
		var polls int
		task, polls, err = waitForTask(ctx, r.Client.MPS, region, taskID)
		tflog.Debug(ctx, "waited for MPS thumbnail task", map[string]any{"polls": polls})
	} else {
		task, err = r.Client.MPS.GetThumbnailTask(ctx, region, taskID)
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(operation{verb: "create", taskID: taskID, region: region}, err))
		return
	}

	plan.ID, plan.TaskID, plan.Region = types.StringValue(taskID), types.StringValue(taskID), types.StringValue(region)
	resp.Diagnostics.Append(plan.setTask(ctx, task)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *thumbnailTaskResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state thumbnailTaskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	region := r.Client.RegionOr(state.Region.ValueString())
	task, err := r.Client.MPS.GetThumbnailTask(ctx, region, state.ID.ValueString())
	if jdcloud.IsNotFound(err) {
		tflog.Warn(ctx, "MPS thumbnail task is gone; removing it from state", map[string]any{"mps_task_id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(taskReadErrorDiagnostic(state.ID.ValueString(), region, err))
		return
	}
	state.Region = types.StringValue(region)
	if state.WaitForCompletion.IsNull() {
		state.WaitForCompletion = types.BoolValue(true) // imported
	}
	resp.Diagnostics.Append(state.setTask(ctx, task)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only happens for wait_for_completion and timeouts, which touch no task.
func (r *thumbnailTaskResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state thumbnailTaskResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	state.WaitForCompletion, state.Timeouts = plan.WaitForCompletion, plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *thumbnailTaskResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state thumbnailTaskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("MPS thumbnail task only removed from the state",
		fmt.Sprintf("MPS has no API to delete thumbnail tasks. Task %s in region %s, and the screenshots it wrote, remain; "+
			"Terraform no longer manages them.", state.ID.ValueString(), state.Region.ValueString()))
}

// importIDPattern is "task_id" or "region/task_id".
var importIDPattern = regexp.MustCompile(`^(?:([a-z]{2,}(?:-[a-z]+)+-[0-9]+)/)?(.+)$`)

func (r *thumbnailTaskResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	match := importIDPattern.FindStringSubmatch(strings.TrimSpace(req.ID))
	if match == nil || strings.TrimSpace(match[2]) == "" {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("%q is not a task id. Import with the task id (`terraform import ADDRESS f1b6a7c0e2`) or region/task id (`cn-north-1/f1b6a7c0e2`).", req.ID))
		return
	}
	region, taskID := match[1], match[2]
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), taskID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("task_id"), taskID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("wait_for_completion"), true)...)
	if region != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("region"), region)...)
	}
}

// createInput is the API body for the planned task; values not yet known
// (Optional + Computed, left out) are left for the API's defaults.
func (m thumbnailTaskResourceModel) createInput(ctx context.Context) (mps.CreateThumbnailTaskInput, diag.Diagnostics) {
	var diags diag.Diagnostics
	var source thumbnailSourceModel
	var target resourceTargetModel
	diags.Append(m.Source.As(ctx, &source, basetypes.ObjectAsOptions{})...)
	diags.Append(m.Target.As(ctx, &target, basetypes.ObjectAsOptions{})...)
	input := mps.CreateThumbnailTaskInput{
		Source: mps.ThumbnailSource{Bucket: source.Bucket.ValueStringPointer(), Key: source.Key.ValueStringPointer()},
		Target: mps.ThumbnailTarget{
			DestBucket:    target.DestBucket.ValueStringPointer(),
			DestKeyPrefix: knownString(target.DestKeyPrefix),
			Format:        knownString(target.Format),
			WidthInPixel:  knownInt(target.WidthInPixel),
			HeightInPixel: knownInt(target.HeightInPixel),
		},
	}
	if !m.Rule.IsNull() && !m.Rule.IsUnknown() {
		var rule thumbnailRuleModel
		diags.Append(m.Rule.As(ctx, &rule, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
		input.Rule = &mps.ThumbnailRule{
			Mode:              knownString(rule.Mode),
			Count:             knownInt(rule.Count),
			StartTimeInSecond: knownInt(rule.StartTimeInSecond),
			EndTimeInSecond:   knownInt(rule.EndTimeInSecond),
			KeyFrame:          knownBool(rule.KeyFrame),
		}
	}
	return input, diags
}

// setTask fills the model from an API task. Arguments the configuration
// set keep their configured values; the rest take the API's.
func (m *thumbnailTaskResourceModel) setTask(ctx context.Context, task *mps.ThumbnailTask) diag.Diagnostics {
	var diags, d diag.Diagnostics
	m.Status = types.StringPointerValue(task.Status)
	m.ErrorCode = types.Int64PointerValue(task.ErrorCode)
	m.CreatedTime = types.StringPointerValue(task.CreatedTime)
	m.LastUpdatedTime = types.StringPointerValue(task.LastUpdatedTime)

	var source thumbnailSourceModel
	diags.Append(asIfKnown(ctx, m.Source, &source)...)
	if task.Source != nil {
		source.Bucket = preferKnown(source.Bucket, types.StringPointerValue(task.Source.Bucket))
		source.Key = preferKnown(source.Key, types.StringPointerValue(task.Source.Key))
	}
	m.Source, d = types.ObjectValueFrom(ctx, sourceAttrTypes, source)
	diags.Append(d...)

	var target resourceTargetModel
	diags.Append(asIfKnown(ctx, m.Target, &target)...)
	apiTarget := task.Target
	if apiTarget == nil {
		apiTarget = &mps.ThumbnailTarget{}
	}
	target.DestBucket = preferKnown(target.DestBucket, types.StringPointerValue(apiTarget.DestBucket))
	target.DestKeyPrefix = preferKnown(target.DestKeyPrefix, types.StringPointerValue(apiTarget.DestKeyPrefix))
	target.Format = preferKnown(target.Format, types.StringPointerValue(apiTarget.Format))
	target.WidthInPixel = preferKnown(target.WidthInPixel, types.Int64PointerValue(apiTarget.WidthInPixel))
	target.HeightInPixel = preferKnown(target.HeightInPixel, types.Int64PointerValue(apiTarget.HeightInPixel))
	target.Keys, d = types.ListValueFrom(ctx, types.StringType, nonNilStrings(apiTarget.Keys))
	diags.Append(d...)
	m.Target, d = types.ObjectValueFrom(ctx, targetAttrTypes, target)
	diags.Append(d...)

	var rule thumbnailRuleModel
	diags.Append(asIfKnown(ctx, m.Rule, &rule)...)
	apiRule := task.Rule
	if apiRule == nil {
		apiRule = &mps.ThumbnailRule{}
	}
	rule.Mode = preferKnown(rule.Mode, types.StringPointerValue(apiRule.Mode))
	rule.Count = preferKnown(rule.Count, types.Int64PointerValue(apiRule.Count))
	rule.StartTimeInSecond = preferKnown(rule.StartTimeInSecond, types.Int64PointerValue(apiRule.StartTimeInSecond))
	rule.EndTimeInSecond = preferKnown(rule.EndTimeInSecond, types.Int64PointerValue(apiRule.EndTimeInSecond))
	rule.KeyFrame = preferKnown(rule.KeyFrame, types.BoolPointerValue(apiRule.KeyFrame))
	m.Rule, d = types.ObjectValueFrom(ctx, ruleAttrTypes, rule)
	diags.Append(d...)
	return diags
}

// asIfKnown decodes a known object into target; a null or unknown one leaves target's zero (null) values.
func asIfKnown(ctx context.Context, object types.Object, target any) diag.Diagnostics {
	if object.IsNull() || object.IsUnknown() {
		return nil
	}
	return object.As(ctx, target, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})
}

// preferKnown keeps a configured (known, non-null) value over the API's.
func preferKnown[T interface {
	IsNull() bool
	IsUnknown() bool
}](configured, fromAPI T) T {
	if configured.IsNull() || configured.IsUnknown() {
		return fromAPI
	}
	return configured
}

func knownString(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueStringPointer()
}

func knownInt(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueInt64Pointer()
}

func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueBoolPointer()
}

func nonNilStrings(values []string) []string {
	if values == nil {
		return []string{}
	}
	return values
}
