package fakemps

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// TimelineStep changes a stored task once After has passed since it was stored.
type TimelineStep struct {
	After     Duration `json:"after"`
	Status    string   `json:"status"`
	ErrorCode *int64   `json:"error_code,omitempty"`
	Keys      []string `json:"keys,omitempty"`
}

// CreateBehaviour is what happens to tasks created through the API: they
// run for RunFor, then succeed, or fail with FailWithCode when it is set.
type CreateBehaviour struct {
	RunFor       Duration
	FailWithCode int64
}

type storedTask struct {
	shape    Shape
	task     mps.ThumbnailTask
	timeline []TimelineStep
	storedAt time.Time
}

// at is the task as the API shows it at now, its timeline applied.
func (t storedTask) at(now time.Time) mps.ThumbnailTask {
	task := t.task
	for _, step := range t.timeline {
		changedAt := t.storedAt.Add(time.Duration(step.After))
		if now.Before(changedAt) {
			break
		}
		task.Status = &step.Status
		if step.ErrorCode != nil {
			task.ErrorCode = step.ErrorCode
		}
		if step.Keys != nil {
			target := mps.ThumbnailTarget{}
			if task.Target != nil {
				target = *task.Target
			}
			target.Keys = step.Keys
			task.Target = &target
		}
		updated := changedAt.UTC().Format(mps.TimeFormat)
		task.LastUpdatedTime = &updated
	}
	return task
}

// PutTask stores or replaces a task, answered in the given shape ("" is
// nested), whose status then follows timeline.
func (s *Server) PutTask(region string, shape Shape, task mps.ThumbnailTask, timeline ...TimelineStep) error {
	if region == "" || task.TaskID == "" {
		return errors.New("a task needs a region and a taskID")
	}
	switch shape {
	case "":
		shape = ShapeNested
	case ShapeNested, ShapeFlat:
	default:
		return fmt.Errorf("unknown shape %q (want %q or %q)", shape, ShapeNested, ShapeFlat)
	}
	steps := slices.Clone(timeline)
	slices.SortStableFunc(steps, func(a, b TimelineStep) int { return int(a.After - b.After) })
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tasks[taskKey{region, task.TaskID}] = storedTask{shape: shape, task: task, timeline: steps, storedAt: s.now()}
	return nil
}

// RemoveTask forgets a task, as if it had expired on the real service.
func (s *Server) RemoveTask(region, taskID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tasks, taskKey{region, taskID})
}

// SetListPageSize caps the page size of listThumbnailTask below the API's 1000.
func (s *Server) SetListPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listPageCap = max(1, min(n, mps.MaxListPageSize))
}

// SetCreateBehaviour sets how tasks created from now on run.
func (s *Server) SetCreateBehaviour(b CreateBehaviour) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.create = b
}

func (s *Server) getThumbnailTask(w http.ResponseWriter, r *http.Request) {
	region, id := r.PathValue("regionId"), r.PathValue("taskId")
	if s.applyFault(w, r, id) {
		return
	}
	s.mu.Lock()
	stored, ok := s.tasks[taskKey{region, id}]
	now := s.now()
	s.mu.Unlock()
	if !ok {
		writeError(w, r, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("thumbnail task %s not found", id))
		return
	}
	var result any = stored.at(now)
	if stored.shape == ShapeNested {
		result = map[string]any{"thumbnailTask": result}
	}
	writeResult(w, r, result)
}

// listQuery is listThumbnailTask's query, parsed.
type listQuery struct {
	status     string
	begin, end time.Time
	marker     string
	limit      int
}

func parseListQuery(r *http.Request) (listQuery, error) {
	q := r.URL.Query()
	parsed := listQuery{status: q.Get("status"), marker: q.Get("marker"), limit: mps.MaxListPageSize}
	for name, target := range map[string]*time.Time{"begin": &parsed.begin, "end": &parsed.end} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(mps.TimeFormat, v)
			if err != nil {
				return parsed, fmt.Errorf("%s must be yyyy-MM-ddTHH:mm:ss.SSSZ, got %q", name, v)
			}
			*target = t
		}
	}
	if v := q.Get("limit"); v != "" {
		limit, err := strconv.Atoi(v)
		if err != nil || limit < 1 || limit > mps.MaxListPageSize {
			return parsed, fmt.Errorf("limit must be 1 to %d, got %q", mps.MaxListPageSize, v)
		}
		parsed.limit = limit
	}
	return parsed, nil
}

func (q listQuery) matches(task mps.ThumbnailTask) bool {
	if q.status != "" && (task.Status == nil || *task.Status != q.status) {
		return false
	}
	if q.begin.IsZero() && q.end.IsZero() {
		return true
	}
	if task.CreatedTime == nil {
		return false
	}
	created, err := time.Parse(mps.TimeFormat, *task.CreatedTime)
	if err != nil {
		return false
	}
	return (q.begin.IsZero() || !created.Before(q.begin)) && (q.end.IsZero() || !created.After(q.end))
}

// listThumbnailTasks pages through the region's tasks, oldest first.
func (s *Server) listThumbnailTasks(w http.ResponseWriter, r *http.Request) {
	query, err := parseListQuery(r)
	if err != nil {
		writeError(w, r, http.StatusBadRequest, "INVALID_ARGUMENT", err.Error())
		return
	}
	region := r.PathValue("regionId")
	s.mu.Lock()
	now, pageCap := s.now(), s.listPageCap
	var tasks []mps.ThumbnailTask
	for key, stored := range s.tasks {
		if task := stored.at(now); key.region == region && query.matches(task) {
			tasks = append(tasks, task)
		}
	}
	s.mu.Unlock()
	slices.SortFunc(tasks, func(a, b mps.ThumbnailTask) int {
		if c := strings.Compare(deref(a.CreatedTime), deref(b.CreatedTime)); c != 0 {
			return c
		}
		return strings.Compare(a.TaskID, b.TaskID)
	})

	start := 0
	if query.marker != "" {
		start = slices.IndexFunc(tasks, func(t mps.ThumbnailTask) bool { return t.TaskID == query.marker })
		if start < 0 {
			writeError(w, r, http.StatusBadRequest, "INVALID_ARGUMENT", fmt.Sprintf("marker %q is not a task of this listing", query.marker))
			return
		}
	}
	end := min(start+min(query.limit, pageCap), len(tasks))
	result := map[string]any{
		"taskList":  nonNil(tasks[start:end]),
		"truncated": end < len(tasks),
		"status":    query.status,
		"limit":     query.limit,
	}
	if end < len(tasks) {
		result["nextMarker"] = tasks[end].TaskID
	}
	writeResult(w, r, result)
}

// createThumbnailTask validates the body as the API documents it, fills in
// the documented defaults, and starts a task that runs as CreateBehaviour says.
func (s *Server) createThumbnailTask(w http.ResponseWriter, r *http.Request) {
	var input mps.CreateThumbnailTaskInput
	if err := json.NewDecoder(r.Body).Decode(&input); err != nil {
		writeError(w, r, http.StatusBadRequest, "INVALID_ARGUMENT", "the body is not JSON: "+err.Error())
		return
	}
	if problem := validateCreate(input); problem != "" {
		writeError(w, r, http.StatusBadRequest, "INVALID_ARGUMENT", problem)
		return
	}
	s.mu.Lock()
	behaviour, now := s.create, s.now()
	s.mu.Unlock()

	task := newTask(input, now)
	final := TimelineStep{After: behaviour.RunFor, Status: mps.StatusSuccess, Keys: screenshotKeys(task)}
	if behaviour.FailWithCode != 0 {
		final = TimelineStep{After: behaviour.RunFor, Status: mps.StatusError, ErrorCode: &behaviour.FailWithCode}
	}
	timeline := []TimelineStep{{After: behaviour.RunFor / 2, Status: mps.StatusRunning}, final}
	if err := s.PutTask(r.PathValue("regionId"), ShapeNested, task, timeline...); err != nil {
		writeError(w, r, http.StatusInternalServerError, "INTERNAL", err.Error())
		return
	}
	writeResult(w, r, map[string]string{"taskID": task.TaskID})
}

func validateCreate(in mps.CreateThumbnailTaskInput) string {
	switch {
	case deref(in.Source.Bucket) == "" || deref(in.Source.Key) == "":
		return "source.bucket and source.key are required"
	case deref(in.Target.DestBucket) == "":
		return "target.destBucket is required"
	case !pixelsValid(in.Target.WidthInPixel) || !pixelsValid(in.Target.HeightInPixel):
		return "widthInPixel and heightInPixel must be 0 or 8 to 4096"
	case in.Rule != nil && in.Rule.Mode != nil && !slices.Contains([]string{"single", "multi", "average"}, *in.Rule.Mode):
		return "rule.mode must be single, multi or average"
	}
	return ""
}

func pixelsValid(p *int64) bool {
	return p == nil || *p == 0 || (*p >= 8 && *p <= 4096)
}

// newTask is a created task with the API's documented defaults filled in.
func newTask(in mps.CreateThumbnailTaskInput, now time.Time) mps.ThumbnailTask {
	id := strings.ReplaceAll(uuid.NewString(), "-", "")[:10]
	created := now.UTC().Format(mps.TimeFormat)
	status := mps.StatusPendingMisspelt
	var zero int64
	rule := mps.ThumbnailRule{}
	if in.Rule != nil {
		rule = *in.Rule
	}
	target := in.Target
	target.Keys = nil
	source := in.Source
	return mps.ThumbnailTask{
		TaskID: id, Status: &status, ErrorCode: &zero, CreatedTime: &created, LastUpdatedTime: &created,
		Source: &source,
		Target: &mps.ThumbnailTarget{
			DestBucket:    target.DestBucket,
			DestKeyPrefix: orDefault(target.DestKeyPrefix, deref(in.Source.Key)),
			Format:        orDefault(target.Format, "jpg"),
			WidthInPixel:  orDefault(target.WidthInPixel, 0),
			HeightInPixel: orDefault(target.HeightInPixel, 0),
		},
		Rule: &mps.ThumbnailRule{
			Mode:              orDefault(rule.Mode, "single"),
			Count:             orDefault(rule.Count, 1),
			StartTimeInSecond: orDefault(rule.StartTimeInSecond, 0),
			EndTimeInSecond:   orDefault(rule.EndTimeInSecond, -1),
			KeyFrame:          orDefault(rule.KeyFrame, true),
		},
	}
}

// screenshotKeys are the keys a task writes: {prefix}-{taskID}-%04d.{format}.
func screenshotKeys(task mps.ThumbnailTask) []string {
	count := int64(1)
	if *task.Rule.Mode != "single" {
		count = max(*task.Rule.Count, 1)
	}
	keys := make([]string, count)
	for i := range keys {
		keys[i] = fmt.Sprintf("%s-%s-%04d.%s", *task.Target.DestKeyPrefix, task.TaskID, i+1, *task.Target.Format)
	}
	return keys
}

func orDefault[T any](value *T, fallback T) *T {
	if value != nil {
		return value
	}
	return &fallback
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(tasks []mps.ThumbnailTask) []mps.ThumbnailTask {
	if tasks == nil {
		return []mps.ThumbnailTask{}
	}
	return tasks
}
