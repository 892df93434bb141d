package mps

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

const benchTask = `{"taskID":"f1b6a7c0e2","status":"SUCCESS","errorCode":0,"createdTime":"2026-12-04T10:15:00.000Z",
"lastUpdatedTime":"2026-12-04T10:15:42.518Z","source":{"bucket":"videos","key":"launch/intro.mp4"},
"target":{"destBucket":"screenshots","destKeyPrefix":"launch/intro","format":"jpg","widthInPixel":1280,"heightInPixel":720,
"keys":["launch/intro-f1b6a7c0e2-0001.jpg","launch/intro-f1b6a7c0e2-0002.jpg","launch/intro-f1b6a7c0e2-0003.jpg"]},
"rule":{"mode":"average","count":3,"startTimeInSecond":0,"endTimeInSecond":-1,"keyFrame":true}}`

// BenchmarkDecodeThumbnailTask decodes a getThumbnailTask result in each shape.
func BenchmarkDecodeThumbnailTask(b *testing.B) {
	for name, raw := range map[string]string{"nested": `{"thumbnailTask":` + benchTask + `}`, "flat": benchTask} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DecodeThumbnailTaskResult([]byte(raw)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// cannedTransport answers every request with the same body, without a network.
type cannedTransport struct{ body string }

func (c cannedTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(c.body)),
	}, nil
}

// BenchmarkGetThumbnailTask is one read through the client without the
// network: signing, the retry machinery, envelope and task decoding.
func BenchmarkGetThumbnailTask(b *testing.B) {
	api, err := jdcloud.NewClient(jdcloud.Config{
		Credentials: jdcloud.Credentials{AccessKey: "AKIDEXAMPLE0000000000", SecretKey: "SECRETEXAMPLE0000000000000000000"},
		Transport:   cannedTransport{body: `{"requestId":"r","result":{"thumbnailTask":` + benchTask + `}}`},
	})
	if err != nil {
		b.Fatal(err)
	}
	client := New(api)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.GetThumbnailTask(ctx, "cn-north-1", "f1b6a7c0e2"); err != nil {
			b.Fatal(err)
		}
	}
}
