package mps

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"golang.org/x/sync/singleflight"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

// ServiceName is MPS's name in endpoints and signature scopes.
const ServiceName = "mps"

// Client makes typed MPS calls through a shared JD Cloud API client.
type Client struct {
	api *jdcloud.Client
	// reads lets concurrent reads of the same task share one API call.
	reads singleflight.Group
}

// New returns an MPS client on top of api.
func New(api *jdcloud.Client) *Client {
	return &Client{api: api}
}

// getThumbnailTaskResult accepts both shapes public sources give the result:
// the API reference nests the task under "thumbnailTask", the Go and Java
// SDK models put its fields directly under "result".
type getThumbnailTaskResult struct {
	Nested *ThumbnailTask `json:"thumbnailTask"`
	ThumbnailTask
}

// GetThumbnailTask reads one thumbnail task (GET /v1/regions/{regionId}/thumbnail/{taskId}).
// Concurrent reads of the same task share one API call and its answer,
// which callers must not modify; each caller still stops at its own context.
func (c *Client) GetThumbnailTask(ctx context.Context, region, taskID string) (*ThumbnailTask, error) {
	shared := c.reads.DoChan(region+"\x00"+taskID, func() (any, error) {
		// The call outlives a caller that gives up, for the others waiting on it;
		// the client's request timeout and retries still bound it.
		return c.getThumbnailTask(context.WithoutCancel(ctx), region, taskID)
	})
	select {
	case <-ctx.Done():
		return nil, fmt.Errorf("getting thumbnail task %q in region %q: %w", taskID, region, ctx.Err())
	case result := <-shared:
		if result.Err != nil {
			return nil, result.Err
		}
		return result.Val.(*ThumbnailTask), nil //nolint:forcetypeassert // the function above returns only this type
	}
}

func (c *Client) getThumbnailTask(ctx context.Context, region, taskID string) (*ThumbnailTask, error) {
	var result getThumbnailTaskResult
	err := c.api.Do(ctx, jdcloud.Request{
		Method:       http.MethodGet,
		Service:      ServiceName,
		Region:       region,
		PathSegments: []string{"regions", region, "thumbnail", taskID},
	}, &result)
	if err == nil {
		var task *ThumbnailTask
		if task, err = result.task(); err == nil {
			return task, nil
		}
	}
	return nil, fmt.Errorf("getting thumbnail task %q in region %q: %w", taskID, region, err)
}

// DecodeThumbnailTaskResult decodes a getThumbnailTask result in either shape.
func DecodeThumbnailTaskResult(raw []byte) (*ThumbnailTask, error) {
	var result getThumbnailTaskResult
	if err := json.Unmarshal(raw, &result); err != nil {
		return nil, fmt.Errorf("decoding thumbnail task: %w", err)
	}
	return result.task()
}

// task is the task of a result in either shape.
func (r *getThumbnailTaskResult) task() (*ThumbnailTask, error) {
	task := &r.ThumbnailTask
	if r.Nested != nil {
		task = r.Nested
	}
	if *task == (ThumbnailTask{}) {
		return nil, errors.New("the result holds no thumbnail task (neither result.thumbnailTask nor the task's fields)")
	}
	return task, nil
}
