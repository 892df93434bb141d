package mps

import "testing"

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
