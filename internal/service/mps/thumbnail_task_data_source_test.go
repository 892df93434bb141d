package mps_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/acctest"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

const dataSourceAddress = "data.jdcloud_mps_thumbnail_task.test"

// finishedTaskJSON is a complete task as the API reference documents it.
const finishedTaskJSON = `{
  "taskID": "f1b6a7c0e2",
  "status": "SUCCESS",
  "errorCode": 0,
  "createdTime": "2026-12-04T10:15:00.000Z",
  "lastUpdatedTime": "2026-12-04T10:15:42.518Z",
  "source": {"bucket": "videos", "key": "launch/intro.mp4"},
  "target": {
    "destBucket": "screenshots", "destKeyPrefix": "launch/intro", "format": "jpg",
    "widthInPixel": 1280, "heightInPixel": 720,
    "keys": ["launch/intro-f1b6a7c0e2-0001.jpg", "launch/intro-f1b6a7c0e2-0002.jpg"]
  },
  "rule": {"mode": "average", "count": 2, "startTimeInSecond": 0, "endTimeInSecond": -1, "keyFrame": true}
}`

func taskConfig(fake *fakemps.Server, taskID string) string {
	return acctest.ProviderConfig(fake) + fmt.Sprintf(`
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = %q
}
`, taskID)
}

func expect(path tfjsonpath.Path, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(dataSourceAddress, path, value)
}

func attr(name string) tfjsonpath.Path { return tfjsonpath.New(name) }

// finishedTaskChecks assert every attribute of finishedTaskJSON.
func finishedTaskChecks(region string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		expect(attr("id"), knownvalue.StringExact("f1b6a7c0e2")),
		expect(attr("task_id"), knownvalue.StringExact("f1b6a7c0e2")),
		expect(attr("region"), knownvalue.StringExact(region)),
		expect(attr("status"), knownvalue.StringExact("SUCCESS")),
		expect(attr("error_code"), knownvalue.Int64Exact(0)),
		expect(attr("created_time"), knownvalue.StringExact("2026-12-04T10:15:00.000Z")),
		expect(attr("last_updated_time"), knownvalue.StringExact("2026-12-04T10:15:42.518Z")),
		expect(attr("rule"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"mode":                 knownvalue.StringExact("average"),
			"count":                knownvalue.Int64Exact(2),
			"start_time_in_second": knownvalue.Int64Exact(0),
			"end_time_in_second":   knownvalue.Int64Exact(-1),
			"key_frame":            knownvalue.Bool(true),
		})),
		expect(attr("source"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"bucket": knownvalue.StringExact("videos"),
			"key":    knownvalue.StringExact("launch/intro.mp4"),
		})),
		expect(attr("target"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"dest_bucket":     knownvalue.StringExact("screenshots"),
			"dest_key_prefix": knownvalue.StringExact("launch/intro"),
			"format":          knownvalue.StringExact("jpg"),
			"width_in_pixel":  knownvalue.Int64Exact(1280),
			"height_in_pixel": knownvalue.Int64Exact(720),
			"keys": knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact("launch/intro-f1b6a7c0e2-0001.jpg"),
				knownvalue.StringExact("launch/intro-f1b6a7c0e2-0002.jpg"),
			}),
		})),
	}
}

func TestAccThumbnailTaskDataSource_nestedShape(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            taskConfig(fake, "f1b6a7c0e2"),
			ConfigStateChecks: finishedTaskChecks("cn-north-1"),
			Check: func(*terraform.State) error {
				for _, r := range fake.Requests() {
					if !strings.Contains(r.UserAgent, "terraform-provider-jdcloud/acctest") || !strings.Contains(r.UserAgent, "Terraform/1.") {
						return fmt.Errorf("user agent %q names neither the provider nor Terraform", r.UserAgent)
					}
				}
				return nil
			},
		}},
	})
}

func TestAccThumbnailTaskDataSource_flatShape(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeFlat, finishedTaskJSON))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            taskConfig(fake, "f1b6a7c0e2"),
			ConfigStateChecks: finishedTaskChecks("cn-north-1"),
		}},
	})
}

// A running task has no keys yet and the API leaves optional fields out:
// keys is an empty list and the rest is null, not a made-up zero.
func TestAccThumbnailTaskDataSource_running(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, `{
	  "taskID": "run-1", "status": "PENDDING",
	  "source": {"bucket": "videos", "key": "a.mp4"},
	  "target": {"destBucket": "shots"},
	  "rule": {"mode": "single"}
	}`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: taskConfig(fake, "run-1"),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(attr("status"), knownvalue.StringExact("PENDDING")),
				expect(attr("error_code"), knownvalue.Null()),
				expect(attr("created_time"), knownvalue.Null()),
				expect(attr("target").AtMapKey("keys"), knownvalue.ListSizeExact(0)),
				expect(attr("target").AtMapKey("dest_bucket"), knownvalue.StringExact("shots")),
				expect(attr("target").AtMapKey("format"), knownvalue.Null()),
				expect(attr("target").AtMapKey("width_in_pixel"), knownvalue.Null()),
				expect(attr("rule").AtMapKey("count"), knownvalue.Null()),
				expect(attr("rule").AtMapKey("key_frame"), knownvalue.Null()),
			},
		}},
	})
}

// A task the API returns without target at all still has an empty keys list.
func TestAccThumbnailTaskDataSource_noTargetYet(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeFlat, `{"taskID": "new-1", "status": "PENDING"}`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: taskConfig(fake, "new-1"),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(attr("rule"), knownvalue.Null()),
				expect(attr("source"), knownvalue.Null()),
				expect(attr("target").AtMapKey("keys"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

// A failed task is read, not turned into an error.
func TestAccThumbnailTaskDataSource_failedTaskIsNotAnError(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, `{"taskID": "bad-1", "status": "ERROR", "errorCode": 30012}`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: taskConfig(fake, "bad-1"),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(attr("status"), knownvalue.StringExact("ERROR")),
				expect(attr("error_code"), knownvalue.Int64Exact(30012)),
			},
		}},
	})
}

// The data source's region overrides the provider's: the request path and
// the signature scope both use it (the fake rejects a mismatch).
func TestAccThumbnailTaskDataSource_regionOverride(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-east-2", fakemps.ShapeNested, finishedTaskJSON))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfig(fake) + `
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "f1b6a7c0e2"
  region  = "cn-east-2"
}
`,
			ConfigStateChecks: finishedTaskChecks("cn-east-2"),
			Check:             acctest.CheckRequestedPath(fake, "/v1/regions/cn-east-2/thumbnail/f1b6a7c0e2"),
		}},
	})
}

// A task id with a slash and a space is one escaped path segment.
func TestAccThumbnailTaskDataSource_escapedTaskID(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, `{"taskID": "a/b c", "status": "SUCCESS"}`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: taskConfig(fake, "a/b c"),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(attr("id"), knownvalue.StringExact("a/b c")),
				expect(attr("status"), knownvalue.StringExact("SUCCESS")),
			},
			Check: acctest.CheckRequestedPath(fake, "/v1/regions/cn-north-1/thumbnail/a%2Fb%20c"),
		}},
	})
}

// The screenshot keys drive for_each of another resource in the same run.
func TestAccThumbnailTaskDataSource_keysFeedForEach(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: taskConfig(fake, "f1b6a7c0e2") + `
resource "terraform_data" "per_screenshot" {
  for_each = toset(data.jdcloud_mps_thumbnail_task.test.target.keys)
  input    = "${data.jdcloud_mps_thumbnail_task.test.target.dest_bucket}/${each.value}"
}

output "screenshot_objects" {
  value = { for key, shot in terraform_data.per_screenshot : key => shot.output }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("screenshot_objects", knownvalue.MapExact(map[string]knownvalue.Check{
					"launch/intro-f1b6a7c0e2-0001.jpg": knownvalue.StringExact("screenshots/launch/intro-f1b6a7c0e2-0001.jpg"),
					"launch/intro-f1b6a7c0e2-0002.jpg": knownvalue.StringExact("screenshots/launch/intro-f1b6a7c0e2-0002.jpg"),
				})),
			},
		}, {
			// terraform-plugin-testing's end-of-test state shim cannot read
			// for_each instances with string keys, so the last step drops them.
			Config: taskConfig(fake, "f1b6a7c0e2"),
		}},
	})
}

func TestAccThumbnailTaskDataSource_notFound(t *testing.T) {
	fake := acctest.StartFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: taskConfig(fake, "does-not-exist"),
			ExpectError: regexp.MustCompile(`(?s)MPS thumbnail task not found.*Task: does-not-exist.*Region: cn-north-1.*` +
				`HTTP status: 404.*NOT_FOUND.*Request ID: fake-[0-9a-f-]+.*Attempts: 1.*Check\s+task_id`),
		}},
	})
	// 404 is final: the read was not retried.
	if n := len(acctest.RequestsFor(fake, "does-not-exist")); n != 1 {
		t.Errorf("the fake saw %d requests for the missing task, want 1", n)
	}
}

func TestAccThumbnailTaskDataSource_wrongSecretKey(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfigWithKeys(fake, acctest.FakeAccessKey, "wrong-secret-key") + `
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "f1b6a7c0e2"
}
`,
			ExpectError: regexp.MustCompile(`(?s)JD Cloud rejected the request's credentials.*HTTP status: 401.*` +
				`APIGW_SIGN_RESULT_NOT_SAME.*Request ID: fake-.*Attempts: 1.*Check\s+access_key\s+and\s+secret_key`),
		}},
	})
	if n := len(acctest.RequestsFor(fake, "f1b6a7c0e2")); n != 1 {
		t.Errorf("the fake saw %d requests with the wrong key, want 1 (401 is not retried)", n)
	}
}

// With real credentials and a task id in the environment, the same read
// runs against the real MPS API.
func TestAccThumbnailTaskDataSource_realAPI(t *testing.T) {
	acctest.RealAPIPreCheck(t)
	taskID := os.Getenv(acctest.EnvRealTaskID)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "jdcloud" {}

data "jdcloud_mps_thumbnail_task" "test" {
  task_id = %q
}
`, taskID),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(attr("id"), knownvalue.StringExact(taskID)),
				expect(attr("status"), knownvalue.NotNull()),
				expect(attr("target").AtMapKey("keys"), knownvalue.NotNull()),
			},
		}},
	})
}

// faultCase is one scripted misbehaviour of the API and what a user sees.
type faultCase struct {
	name     string
	faults   []fakemps.Fault
	provider []string // extra provider arguments
	// wantStatuses are the fake's answers to the first read's attempts.
	wantStatuses []int
	wantError    string // empty: the read succeeds
}

// TestAccThumbnailTaskDataSource_faults drives each fault through Terraform
// and checks the outcome, the attempts the fake saw and that every attempt
// was signed anew.
func TestAccThumbnailTaskDataSource_faults(t *testing.T) {
	html := "<html><head><title>Sign in to the network</title></head><body>captive portal</body></html>"
	cases := []faultCase{
		{
			name:         "503 then success",
			faults:       []fakemps.Fault{{Status: 503, ErrorStatus: "UNAVAILABLE", Message: "try again"}},
			wantStatuses: []int{503, 200},
		},
		{
			name:         "429 with Retry-After then success",
			faults:       []fakemps.Fault{{Status: 429, ErrorStatus: "RATE_LIMIT_EXCEEDED", Message: "slow down", RetryAfter: "1"}},
			wantStatuses: []int{429, 200},
		},
		{
			name:         "dropped connection then success",
			faults:       []fakemps.Fault{{Drop: true}},
			wantStatuses: []int{0, 200},
		},
		{
			name:         "persistent 500",
			faults:       []fakemps.Fault{{Status: 500, ErrorStatus: "INTERNAL", Message: "backend exploded", Sticky: true}},
			provider:     []string{"max_retries = 2"},
			wantStatuses: []int{500, 500, 500},
			wantError: `(?s)MPS API failed to read the task.*Task: f1b6a7c0e2.*Region: cn-north-1.*HTTP status: 500.*` +
				`JD Cloud error: INTERNAL: backend exploded.*Request ID: fake-[0-9a-f-]+.*Attempts: 3.*max_retries`,
		},
		{
			name:         "persistent 429",
			faults:       []fakemps.Fault{{Status: 429, ErrorStatus: "QUOTA_EXCEEDED", Message: "quota", Sticky: true}},
			provider:     []string{"max_retries = 1"},
			wantStatuses: []int{429, 429},
			wantError:    `(?s)MPS API throttled the read.*HTTP status: 429.*QUOTA_EXCEEDED.*Attempts: 2.*requests_per_second`,
		},
		{
			name:         "200 with an HTML page",
			faults:       []fakemps.Fault{{RawBody: html, Sticky: true}},
			wantStatuses: []int{200},
			wantError: `(?s)Unable to read MPS thumbnail task.*Task: f1b6a7c0e2.*HTTP status: 200.*` +
				`Problem: the response is not a JD Cloud API answer.*Response body: "<html><head><title>Sign in to the\s+network.*Attempts: 1.*not a JD Cloud API response`,
		},
		{
			name:         "502 with a non-JSON body, then success",
			faults:       []fakemps.Fault{{Status: 502, RawBody: "Bad Gateway", ContentType: "text/plain"}},
			wantStatuses: []int{502, 200},
		},
		{
			name:         "slow answers time out",
			faults:       []fakemps.Fault{{Delay: fakemps.Duration(3 * time.Second), Sticky: true}},
			provider:     []string{`request_timeout = "500ms"`, "max_retries = 1"},
			wantStatuses: []int{0, 0},
			wantError:    `(?s)Unable to reach the MPS API.*Task: f1b6a7c0e2.*Attempts: 2.*The read timed out: no attempt got an answer within\s+request_timeout`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
			fake.InjectFaults("f1b6a7c0e2", tc.faults...)
			step := resource.TestStep{
				Config: acctest.ProviderConfig(fake, tc.provider...) + `
data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "f1b6a7c0e2"
}
`,
			}
			if tc.wantError != "" {
				step.ExpectError = regexp.MustCompile(tc.wantError)
			} else {
				step.ConfigStateChecks = finishedTaskChecks("cn-north-1")
			}
			start := time.Now()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{step},
			})
			if err := acctest.CheckAttempts(fake, "f1b6a7c0e2", tc.wantStatuses...); err != nil {
				t.Error(err)
			}
			requests := acctest.RequestsFor(fake, "f1b6a7c0e2")
			firstRead := requests[:len(tc.wantStatuses)]
			t.Logf("fault %q: the first read took %d attempts over %s; the test took %s",
				tc.name, len(firstRead), firstRead[len(firstRead)-1].At.Sub(firstRead[0].At).Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
			if tc.wantError != "" && len(requests) != len(tc.wantStatuses) {
				t.Errorf("a failed read was followed by %d more requests", len(requests)-len(tc.wantStatuses))
			}
		})
	}
}

// Retry-After is honoured: the retry waits at least as long as the server asked.
func TestAccThumbnailTaskDataSource_retryAfterIsHonoured(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
	fake.InjectFaults("f1b6a7c0e2", fakemps.Fault{Status: 429, ErrorStatus: "RATE_LIMIT_EXCEEDED", RetryAfter: "2"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            taskConfig(fake, "f1b6a7c0e2"),
			ConfigStateChecks: finishedTaskChecks("cn-north-1"),
		}},
	})
	requests := acctest.RequestsFor(fake, "f1b6a7c0e2")
	if gap := requests[1].At.Sub(requests[0].At); gap < 2*time.Second {
		t.Errorf("retried %s after a 429 asking for 2s", gap)
	}
}

// With TF_LOG=trace, the API requests are logged in the jdcloud_api
// subsystem, and the secret key appears nowhere in the log. The keys come
// from the environment, as users should pass them: the test harness logs
// the configuration it writes, so a key written there would show up.
func TestAccThumbnailTaskDataSource_secretNeverLogged(t *testing.T) {
	const secret = "s3cr3t-SHOULD-NEVER-BE-LOGGED-42"
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_LOG_PATH", logFile)
	t.Setenv("JDCLOUD_ACCESS_KEY", "FAKELOGTESTACCESSKEY")
	t.Setenv("JDCLOUD_SECRET_KEY", secret)

	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
	fake.AddCredential("FAKELOGTESTACCESSKEY", secret)
	fake.InjectFaults("f1b6a7c0e2", fakemps.Fault{Status: 503, ErrorStatus: "UNAVAILABLE"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "jdcloud" {
  region    = "cn-north-1"
  endpoints = { mps = "` + fake.URL() + `" }
}

data "jdcloud_mps_thumbnail_task" "test" {
  task_id = "f1b6a7c0e2"
}
`,
			ConfigStateChecks: finishedTaskChecks("cn-north-1"),
		}},
	})

	raw, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	log := string(raw)
	for _, want := range []string{"jdcloud.jdcloud_api: JD Cloud API request:", "Signature=(redacted)", "status=503", "attempt=2"} {
		if !strings.Contains(log, want) {
			t.Errorf("the trace log (%d bytes) lacks %q", len(raw), want)
		}
	}
	if strings.Contains(log, secret) {
		t.Errorf("the secret key appears in the trace log")
	}
	if strings.Contains(log, "FAKELOGTESTACCESSKEY") {
		t.Errorf("the full access key appears in the trace log")
	}
}

// Twenty reads of distinct tasks in one plan against an API that allows 20 requests per second
// all succeed: the provider's retries absorb the 429s. With the provider's
// own limit below the API's, the API never has to throttle.
func TestAccThumbnailTaskDataSource_manyReadsUnderRateLimit(t *testing.T) {
	tests := []struct {
		name          string
		providerRate  string
		wantThrottled bool
	}{
		{name: "no client-side limit", providerRate: "requests_per_second = 0", wantThrottled: true},
		{name: "client-side limit below the API's", providerRate: "requests_per_second = 15", wantThrottled: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.StartFake(t)
			taskIDs := make([]string, 20)
			for i := range taskIDs {
				taskIDs[i] = fmt.Sprintf("many-%02d", i)
				runningTaskWithID(t, fake, taskIDs[i])
			}
			fake.SetRateLimit(20, 5)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:            manyReadsConfig(fake, len(taskIDs), `format("many-%02d", count.index)`, tt.providerRate, "max_retries = 10"),
					ConfigStateChecks: []statecheck.StateCheck{allStatuses("RUNNING")},
				}},
			})
			throttled := 0
			for _, r := range fake.Requests() {
				if r.Status == 429 {
					throttled++
				}
			}
			t.Logf("%s: %d requests, %d answered 429", tt.name, len(fake.Requests()), throttled)
			if (throttled > 0) != tt.wantThrottled {
				t.Errorf("the fake answered 429 %d times; want throttling: %v", throttled, tt.wantThrottled)
			}
		})
	}
}

func waitConfig(fake *fakemps.Server, taskID, extra string) string {
	return acctest.ProviderConfig(fake) + fmt.Sprintf(`
data "jdcloud_mps_thumbnail_task" "test" {
  task_id             = %q
  wait_for_completion = true
  %s
}
`, taskID, extra)
}

// runningTask is task wait-1, RUNNING until its timeline says otherwise.
func runningTask(t *testing.T, fake *fakemps.Server, timeline ...fakemps.TimelineStep) {
	t.Helper()
	runningTaskWithID(t, fake, "wait-1", timeline...)
}

func runningTaskWithID(t *testing.T, fake *fakemps.Server, taskID string, timeline ...fakemps.TimelineStep) {
	t.Helper()
	status := "RUNNING"
	bucket := "shots"
	task := mps.ThumbnailTask{TaskID: taskID, Status: &status, Target: &mps.ThumbnailTarget{DestBucket: &bucket}}
	if err := fake.PutTask("cn-north-1", fakemps.ShapeNested, task, timeline...); err != nil {
		t.Fatal(err)
	}
}

func TestAccThumbnailTaskDataSource_waitSucceeds(t *testing.T) {
	fake := acctest.StartFake(t)
	runningTask(t, fake, fakemps.TimelineStep{After: fakemps.Duration(3 * time.Second), Status: "SUCCESS", Keys: []string{"shot-wait-1-0001.jpg"}})
	succeedsAt := time.Now().Add(3 * time.Second)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: waitConfig(fake, "wait-1", ""),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(attr("status"), knownvalue.StringExact("SUCCESS")),
				expect(attr("target").AtMapKey("keys"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("shot-wait-1-0001.jpg")})),
			},
		}},
	})
	// The polls that saw RUNNING, plus the one that saw SUCCESS.
	polls := 1
	for _, r := range acctest.RequestsFor(fake, "wait-1") {
		if r.At.Before(succeedsAt) {
			polls++
		}
	}
	t.Logf("the wait took %d polls", polls)
	if polls < 2 {
		t.Errorf("the read polled %d times; it should have seen the task RUNNING before it saw SUCCESS", polls)
	}
}

func TestAccThumbnailTaskDataSource_waitOnFailedTask(t *testing.T) {
	fake := acctest.StartFake(t)
	code := int64(30012)
	runningTask(t, fake, fakemps.TimelineStep{After: fakemps.Duration(1500 * time.Millisecond), Status: "ERROR", ErrorCode: &code})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      waitConfig(fake, "wait-1", ""),
			ExpectError: regexp.MustCompile(`(?s)MPS thumbnail task failed.*Task: wait-1.*Region: cn-north-1.*failed with status ERROR and\s+error code 30012`),
		}},
	})
}

func TestAccThumbnailTaskDataSource_waitTimesOut(t *testing.T) {
	fake := acctest.StartFake(t)
	runningTask(t, fake)
	start := time.Now()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: waitConfig(fake, "wait-1", `timeouts {
    read = "3s"
  }`),
			ExpectError: regexp.MustCompile(`(?s)Timed out waiting for MPS thumbnail task.*Task: wait-1.*The task was still RUNNING after 3s.*timeouts`),
		}},
	})
	t.Logf("timed out after %s", time.Since(start).Round(100*time.Millisecond))
}

// Ten data sources reading the same task at once cost one API call per
// Terraform operation, not ten.
func TestAccThumbnailTaskDataSource_sameTaskReadsShareCalls(t *testing.T) {
	fake := acctest.StartFake(t, acctest.Task(t, "cn-north-1", fakemps.ShapeNested, finishedTaskJSON))
	fake.InjectFaults("f1b6a7c0e2", fakemps.Fault{Delay: fakemps.Duration(300 * time.Millisecond), Sticky: true})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            manyReadsConfig(fake, 10, `"f1b6a7c0e2"`),
			ConfigStateChecks: []statecheck.StateCheck{allStatuses("SUCCESS")},
		}},
	})
	// The test runs several Terraform operations, each reading all ten.
	requests := len(acctest.RequestsFor(fake, "f1b6a7c0e2"))
	t.Logf("the fake saw %d requests", requests)
	if requests >= 10 {
		t.Errorf("the fake saw %d requests: concurrent reads of one task were not shared", requests)
	}
}

// manyReadsConfig reads count data sources whose task_id is the HCL
// expression taskID, and outputs their distinct statuses.
func manyReadsConfig(fake *fakemps.Server, count int, taskID string, providerArgs ...string) string {
	return acctest.ProviderConfig(fake, providerArgs...) + fmt.Sprintf(`
data "jdcloud_mps_thumbnail_task" "many" {
  count   = %d
  task_id = %s
}

output "statuses" {
  value = distinct([for task in data.jdcloud_mps_thumbnail_task.many : task.status])
}
`, count, taskID)
}

// allStatuses checks that every data source of manyReadsConfig read status.
func allStatuses(status string) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue("statuses", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(status)}))
}
