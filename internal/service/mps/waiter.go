package mps

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// Polling while waiting for a task: the first poll after pollFirst, each
// later one 1.5 times later, at most pollMax apart.
const (
	pollFirst = 1 * time.Second
	pollMax   = 10 * time.Second
)

// taskFailedError is a task that finished in a failed status.
type taskFailedError struct {
	task *mps.ThumbnailTask
}

func (e *taskFailedError) Error() string {
	return fmt.Sprintf("thumbnail task %s failed with status %s and error code %s",
		e.task.TaskID, derefOr(e.task.Status, "(none)"), errorCodeText(e.task.ErrorCode))
}

// waitTimeoutError is a wait that ran out of time before the task finished.
type waitTimeoutError struct {
	lastStatus string
	polls      int
	waited     time.Duration
}

func (e *waitTimeoutError) Error() string {
	return fmt.Sprintf("the task was still %s after %s (%d polls)", e.lastStatus, e.waited.Round(time.Second), e.polls)
}

// waitForTask polls the task until it is done or failed, or ctx ends. It
// returns the last task read and how many reads it took.
func waitForTask(ctx context.Context, client *mps.Client, region, taskID string) (*mps.ThumbnailTask, int, error) {
	start := time.Now()
	interval := pollFirst
	lastStatus := "not read yet"
	for polls := 1; ; polls++ {
		task, err := client.GetThumbnailTask(ctx, region, taskID)
		if err != nil {
			if ctx.Err() != nil {
				return nil, polls, &waitTimeoutError{lastStatus: lastStatus, polls: polls, waited: time.Since(start)}
			}
			return nil, polls, err
		}
		lastStatus = derefOr(task.Status, "(no status)")
		switch mps.PhaseOf(lastStatus) {
		case mps.PhaseDone:
			return task, polls, nil
		case mps.PhaseFailed:
			return task, polls, &taskFailedError{task: task}
		}
		tflog.Debug(ctx, "waiting for MPS thumbnail task", map[string]any{"status": lastStatus, "poll": polls, "next_poll_in": interval.String()})

		timer := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			timer.Stop()
			return task, polls, &waitTimeoutError{lastStatus: lastStatus, polls: polls, waited: time.Since(start)}
		case <-timer.C:
		}
		interval = min(interval*3/2, pollMax)
	}
}

// waitErrorDiagnosticText describes a failed wait; ok is false for errors
// that are plain API failures.
func waitErrorSummary(err error) (summary string, ok bool) {
	var failed *taskFailedError
	var timedOut *waitTimeoutError
	switch {
	case errors.As(err, &failed):
		return "MPS thumbnail task failed", true
	case errors.As(err, &timedOut):
		return "Timed out waiting for MPS thumbnail task", true
	}
	return "", false
}

func derefOr(s *string, fallback string) string {
	if s == nil {
		return fallback
	}
	return *s
}

func errorCodeText(code *int64) string {
	if code == nil {
		return "(none)"
	}
	return fmt.Sprint(*code)
}
