package mps

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

// TimeFormat is how MPS writes and reads times: UTC with milliseconds.
const TimeFormat = "2006-01-02T15:04:05.000Z"

// MaxListPageSize is the largest page listThumbnailTask returns.
const MaxListPageSize = 1000

// ListFilter narrows listThumbnailTask; zero fields are left out.
type ListFilter struct {
	Status string
	Begin  time.Time
	End    time.Time
}

// ThumbnailTaskPage is one page of listThumbnailTask.
type ThumbnailTaskPage struct {
	TaskList   []ThumbnailTask `json:"taskList"`
	NextMarker string          `json:"nextMarker"`
	Truncated  bool            `json:"truncated"`
}

// ListThumbnailTasks reads one page (GET /v1/regions/{regionId}/thumbnail).
func (c *Client) ListThumbnailTasks(ctx context.Context, region string, filter ListFilter, marker string, pageSize int) (*ThumbnailTaskPage, error) {
	query := url.Values{}
	if filter.Status != "" {
		query.Set("status", filter.Status)
	}
	if !filter.Begin.IsZero() {
		query.Set("begin", filter.Begin.UTC().Format(TimeFormat))
	}
	if !filter.End.IsZero() {
		query.Set("end", filter.End.UTC().Format(TimeFormat))
	}
	if marker != "" {
		query.Set("marker", marker)
	}
	if pageSize > 0 {
		query.Set("limit", strconv.Itoa(min(pageSize, MaxListPageSize)))
	}
	var page ThumbnailTaskPage
	err := c.api.Do(ctx, jdcloud.Request{
		Method:       http.MethodGet,
		Service:      ServiceName,
		Region:       region,
		PathSegments: []string{"regions", region, "thumbnail"},
		Query:        query,
	}, &page)
	if err != nil {
		return nil, fmt.Errorf("listing thumbnail tasks in region %q: %w", region, err)
	}
	return &page, nil
}

// ListAllThumbnailTasks follows nextMarker through every page, stopping
// once it has limit tasks (limit <= 0: all of them).
func (c *Client) ListAllThumbnailTasks(ctx context.Context, region string, filter ListFilter, limit int) ([]ThumbnailTask, error) {
	var tasks []ThumbnailTask
	marker := ""
	for {
		pageSize := MaxListPageSize
		if limit > 0 {
			pageSize = min(limit-len(tasks), MaxListPageSize)
		}
		page, err := c.ListThumbnailTasks(ctx, region, filter, marker, pageSize)
		if err != nil {
			return nil, err
		}
		tasks = append(tasks, page.TaskList...)
		if limit > 0 && len(tasks) >= limit {
			return tasks[:limit], nil
		}
		if !page.Truncated || page.NextMarker == "" {
			return tasks, nil
		}
		if page.NextMarker == marker {
			return nil, fmt.Errorf("listing thumbnail tasks in region %q: the API returned the same marker %q twice", region, marker)
		}
		marker = page.NextMarker
	}
}

// CreateThumbnailTaskInput is the body of createThumbnailTask; Source and
// Target are required, Rule may be nil (the API's defaults apply).
type CreateThumbnailTaskInput struct {
	Source ThumbnailSource `json:"source"`
	Target ThumbnailTarget `json:"target"`
	Rule   *ThumbnailRule  `json:"rule,omitempty"`
}

// CreateThumbnailTask starts a task (POST /v1/regions/{regionId}/thumbnail)
// and returns its id.
func (c *Client) CreateThumbnailTask(ctx context.Context, region string, input CreateThumbnailTaskInput) (string, error) {
	var result struct {
		TaskID string `json:"taskID"`
	}
	err := c.api.Do(ctx, jdcloud.Request{
		Method:       http.MethodPost,
		Service:      ServiceName,
		Region:       region,
		PathSegments: []string{"regions", region, "thumbnail"},
		Body:         input,
	}, &result)
	if err != nil {
		return "", fmt.Errorf("creating a thumbnail task in region %q: %w", region, err)
	}
	if result.TaskID == "" {
		return "", fmt.Errorf("creating a thumbnail task in region %q: the API answered without a taskID", region)
	}
	return result.TaskID, nil
}
