package mps_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/acctest"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// seedListedTasks stores nine tasks created an hour apart from 2026-12-01
// 00:00 UTC; every third one (list-2, list-5, list-8) failed.
func seedListedTasks(t *testing.T, fake *fakemps.Server) {
	t.Helper()
	base := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := range 9 {
		status := "SUCCESS"
		if i%3 == 2 {
			status = "ERROR"
		}
		created := base.Add(time.Duration(i) * time.Hour).Format(mps.TimeFormat)
		bucket := "shots"
		task := mps.ThumbnailTask{
			TaskID: fmt.Sprintf("list-%d", i), Status: &status, CreatedTime: &created,
			Target: &mps.ThumbnailTarget{DestBucket: &bucket, Keys: []string{fmt.Sprintf("k-list-%d-0001.jpg", i)}},
		}
		if err := fake.PutTask("cn-north-1", fakemps.ShapeFlat, task); err != nil {
			t.Fatal(err)
		}
	}
}

func stringList(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

const listAddress = "data.jdcloud_mps_thumbnail_tasks.test"

// Six successful tasks, two per page: the data source follows nextMarker
// across three pages with the status filter on every one.
func TestAccThumbnailTasksDataSource_pagesWithStatusFilter(t *testing.T) {
	fake := acctest.StartFake(t)
	seedListedTasks(t, fake)
	fake.SetListPageSize(2)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfig(fake) + `
data "jdcloud_mps_thumbnail_tasks" "test" {
  status = "SUCCESS"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(listAddress, tfjsonpath.New("ids"), stringList("list-0", "list-1", "list-3", "list-4", "list-6", "list-7")),
				statecheck.ExpectKnownValue(listAddress, tfjsonpath.New("region"), knownvalue.StringExact("cn-north-1")),
				statecheck.ExpectKnownValue(listAddress, tfjsonpath.New("tasks").AtSliceIndex(2), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"task_id":      knownvalue.StringExact("list-3"),
					"status":       knownvalue.StringExact("SUCCESS"),
					"created_time": knownvalue.StringExact("2026-12-01T03:00:00.000Z"),
					"target": knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"keys": stringList("k-list-3-0001.jpg"),
					}),
				})),
			},
		}},
	})
	var queries []string
	for _, r := range fake.Requests() {
		if strings.HasSuffix(r.Path, "/thumbnail") {
			queries = append(queries, r.Query)
		}
	}
	want := []string{"limit=1000&status=SUCCESS", "limit=1000&marker=list-3&status=SUCCESS", "limit=1000&marker=list-6&status=SUCCESS"}
	if len(queries) < 3 || strings.Join(queries[:3], " ") != strings.Join(want, " ") {
		t.Errorf("the first read asked for pages %q, want %q", queries, want)
	}
}

func TestAccThumbnailTasksDataSource_timeWindowAndLimit(t *testing.T) {
	fake := acctest.StartFake(t)
	seedListedTasks(t, fake)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfig(fake) + `
data "jdcloud_mps_thumbnail_tasks" "test" {
  begin = "2026-12-01T10:00:00+08:00"
  end   = "2026-12-01T06:00:00Z"
  limit = 3
}

data "jdcloud_mps_thumbnail_tasks" "none" {
  status = "RUNNING"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				// 10:00 in UTC+8 is 02:00 UTC: tasks 2 to 6, of which the oldest 3.
				statecheck.ExpectKnownValue(listAddress, tfjsonpath.New("ids"), stringList("list-2", "list-3", "list-4")),
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_tasks.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.jdcloud_mps_thumbnail_tasks.none", tfjsonpath.New("tasks"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

func TestAccThumbnailTasksDataSource_badInput(t *testing.T) {
	fake := acctest.StartFake(t)
	tests := map[string]struct{ config, want string }{
		"begin not RFC 3339": {`begin = "2026-12-01 10:00"`, `(?s)Invalid RFC3339 String Value.*begin`},
		"limit below 1":      {`limit = 0`, `Attribute limit value must be at least 1, got: 0`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      acctest.ProviderConfig(fake) + "data \"jdcloud_mps_thumbnail_tasks\" \"test\" {\n  " + tt.config + "\n}\n",
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
