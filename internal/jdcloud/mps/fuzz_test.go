package mps

import (
	"encoding/json"
	"testing"
)

// FuzzDecodeThumbnailTaskResult: any input either decodes to a task or is
// an error; it never panics, and a decoded task survives a JSON round trip.
func FuzzDecodeThumbnailTaskResult(f *testing.F) {
	for _, seed := range []string{
		`{"thumbnailTask":{"taskID":"t","status":"SUCCESS","target":{"keys":["a","b"]}}}`,
		`{"taskID":"t","status":"SUCESS","errorCode":0,"rule":{"mode":"multi","count":3,"keyFrame":true}}`,
		`{"taskID":"t","status":null,"target":null}`,
		`{"thumbnailTask":null}`,
		`{}`, `[]`, `null`, `"x"`, `{"taskID":1}`, `{"errorCode":"12"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		task, err := DecodeThumbnailTaskResult(raw)
		if err != nil {
			if task != nil {
				t.Fatal("returned a task with an error")
			}
			return
		}
		if task == nil {
			t.Fatal("nil task without an error")
		}
		encoded, err := json.Marshal(task)
		if err != nil {
			t.Fatal(err)
		}
		again, err := DecodeThumbnailTaskResult(encoded)
		if err != nil {
			t.Fatalf("a decoded task does not decode again: %v (%s)", err, encoded)
		}
		if reencoded, _ := json.Marshal(again); string(reencoded) != string(encoded) {
			t.Fatalf("round trip changed the task: %s -> %s", encoded, reencoded)
		}
	})
}
