package mps

import (
	"strings"
	"testing"
)

func TestDecodeThumbnailTaskResultAcceptsBothShapes(t *testing.T) {
	const task = `{"taskID":"t1","status":"SUCESS","errorCode":0,"createdTime":"2026-12-04T10:15:00.000Z",
		"target":{"destBucket":"b","keys":["k1","k2"]},"rule":{"mode":"multi","count":2,"keyFrame":false}}`
	shapes := map[string]string{
		"API reference: result.thumbnailTask": `{"thumbnailTask":` + task + `}`,
		"SDK models: flat result":             task,
	}
	for name, raw := range shapes {
		t.Run(name, func(t *testing.T) {
			got, err := DecodeThumbnailTaskResult([]byte(raw))
			if err != nil {
				t.Fatal(err)
			}
			if got.TaskID != "t1" || *got.Status != "SUCESS" || *got.ErrorCode != 0 {
				t.Errorf("task = %+v", got)
			}
			if got.Target == nil || strings.Join(got.Target.Keys, ",") != "k1,k2" || *got.Target.DestBucket != "b" {
				t.Errorf("target = %+v", got.Target)
			}
			if got.Rule == nil || *got.Rule.Mode != "multi" || *got.Rule.Count != 2 || *got.Rule.KeyFrame {
				t.Errorf("rule = %+v", got.Rule)
			}
			// Fields the API left out stay nil rather than becoming zero.
			if got.LastUpdatedTime != nil || got.Source != nil || got.Target.Format != nil || got.Rule.EndTimeInSecond != nil {
				t.Errorf("absent fields were filled in: %+v", got)
			}
		})
	}
}

func TestDecodeThumbnailTaskResultKeepsNullsAndIgnoresUnknownFields(t *testing.T) {
	got, err := DecodeThumbnailTaskResult([]byte(`{"taskID":"t1","status":null,"futureField":{"x":1},"target":{"keys":null}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != nil || got.Target.Keys != nil {
		t.Errorf("nulls not kept: %+v", got)
	}
}

func TestDecodeThumbnailTaskResultRejectsEmptyResult(t *testing.T) {
	for _, raw := range []string{`{}`, `{"thumbnailTask":null}`, `{"thumbnailTask":{}}`, `{"unrelated":true}`} {
		if _, err := DecodeThumbnailTaskResult([]byte(raw)); err == nil || !strings.Contains(err.Error(), "holds no thumbnail task") {
			t.Errorf("%s: error = %v", raw, err)
		}
	}
	if _, err := DecodeThumbnailTaskResult([]byte(`[1,2]`)); err == nil {
		t.Error("a JSON array decoded as a task")
	}
}

func TestPhaseOfKnowsEverySpelling(t *testing.T) {
	tests := map[string]StatusPhase{
		"SUCCESS": PhaseDone, "SUCESS": PhaseDone,
		"ERROR": PhaseFailed, "FAILED": PhaseFailed,
		"PENDDING": PhaseInProgress, "PENDING": PhaseInProgress, "RUNNING": PhaseInProgress,
		"": PhaseUnknown, "success": PhaseUnknown, "CANCELLED": PhaseUnknown,
	}
	for status, want := range tests {
		if got := PhaseOf(status); got != want {
			t.Errorf("PhaseOf(%q) = %v, want %v", status, got, want)
		}
	}
}
