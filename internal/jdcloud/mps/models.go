// Package mps holds the typed calls and models of JD Cloud's Media
// Processing Service (MPS).
package mps

// ThumbnailTask is a screenshot task as the API returns it. Pointer fields
// stay nil when the API leaves them out, so callers can tell "absent" from zero.
type ThumbnailTask struct {
	TaskID          string           `json:"taskID"`
	Status          *string          `json:"status,omitempty"`
	ErrorCode       *int64           `json:"errorCode,omitempty"`
	CreatedTime     *string          `json:"createdTime,omitempty"`
	LastUpdatedTime *string          `json:"lastUpdatedTime,omitempty"`
	Source          *ThumbnailSource `json:"source,omitempty"`
	Target          *ThumbnailTarget `json:"target,omitempty"`
	Rule            *ThumbnailRule   `json:"rule,omitempty"`
}

// ThumbnailSource is the video a task takes screenshots of.
type ThumbnailSource struct {
	Bucket *string `json:"bucket,omitempty"`
	Key    *string `json:"key,omitempty"`
}

// ThumbnailTarget is where the screenshots go, and the keys they were written to.
type ThumbnailTarget struct {
	DestBucket    *string  `json:"destBucket,omitempty"`
	DestKeyPrefix *string  `json:"destKeyPrefix,omitempty"`
	Format        *string  `json:"format,omitempty"`
	WidthInPixel  *int64   `json:"widthInPixel,omitempty"`
	HeightInPixel *int64   `json:"heightInPixel,omitempty"`
	Keys          []string `json:"keys,omitempty"`
}

// ThumbnailRule says which frames become screenshots.
type ThumbnailRule struct {
	Mode              *string `json:"mode,omitempty"`
	Count             *int64  `json:"count,omitempty"`
	StartTimeInSecond *int64  `json:"startTimeInSecond,omitempty"`
	EndTimeInSecond   *int64  `json:"endTimeInSecond,omitempty"`
	KeyFrame          *bool   `json:"keyFrame,omitempty"`
}

// Status spellings seen in JD Cloud's public docs and SDK models. The API's
// own string is kept as it is; these only classify it.
const (
	StatusSuccess         = "SUCCESS"
	StatusSuccessMisspelt = "SUCESS"
	StatusError           = "ERROR"
	StatusFailed          = "FAILED"
	StatusPendingMisspelt = "PENDDING"
	StatusPending         = "PENDING"
	StatusRunning         = "RUNNING"
)

// StatusPhase classifies a task status.
type StatusPhase int

// Phases of a task.
const (
	PhaseUnknown StatusPhase = iota
	PhaseInProgress
	PhaseDone
	PhaseFailed
)

// PhaseOf classifies a status string in any of its known spellings.
func PhaseOf(status string) StatusPhase {
	switch status {
	case StatusSuccess, StatusSuccessMisspelt:
		return PhaseDone
	case StatusError, StatusFailed:
		return PhaseFailed
	case StatusPending, StatusPendingMisspelt, StatusRunning:
		return PhaseInProgress
	default:
		return PhaseUnknown
	}
}
