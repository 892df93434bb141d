package mps_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/acctest"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
)

const resourceAddress = "jdcloud_mps_thumbnail_task.shots"

func resourceConfig(fake *fakemps.Server, count int, extra string) string {
	return acctest.ProviderConfig(fake) + fmt.Sprintf(`
resource "jdcloud_mps_thumbnail_task" "shots" {
  source = {
    bucket = "videos"
    key    = "launch/intro.mp4"
  }
  target = {
    dest_bucket = "screenshots"
  }
  rule = {
    mode  = "average"
    count = %d
  }
  %s
}
`, count, extra)
}

func resourceAttr(name string) tfjsonpath.Path { return tfjsonpath.New(name) }

// Create (waiting for completion), import by region/task id, then replace on a changed argument.
func TestAccThumbnailTaskResource_lifecycle(t *testing.T) {
	fake := acctest.StartFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(1500 * time.Millisecond)})
	sameID := statecheck.CompareValue(compare.ValuesDiffer())
	var firstID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: resourceConfig(fake, 3, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(resourceAddress, resourceAttr("region"), knownvalue.StringExact("cn-north-1")),
						plancheck.ExpectUnknownValue(resourceAddress, resourceAttr("target").AtMapKey("keys")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(resourceAddress, resourceAttr("id")),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("status"), knownvalue.StringExact("SUCCESS")),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("region"), knownvalue.StringExact("cn-north-1")),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("error_code"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("target"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"dest_bucket":     knownvalue.StringExact("screenshots"),
						"dest_key_prefix": knownvalue.StringExact("launch/intro.mp4"), // the API's default: the source key
						"format":          knownvalue.StringExact("jpg"),
						"width_in_pixel":  knownvalue.Int64Exact(0),
						"height_in_pixel": knownvalue.Int64Exact(0),
						"keys": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.StringRegexp(regexp.MustCompile(`^launch/intro\.mp4-[0-9a-f]{10}-0001\.jpg$`)),
							knownvalue.StringRegexp(regexp.MustCompile(`^launch/intro\.mp4-[0-9a-f]{10}-0002\.jpg$`)),
							knownvalue.StringRegexp(regexp.MustCompile(`^launch/intro\.mp4-[0-9a-f]{10}-0003\.jpg$`)),
						}),
					})),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("rule"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"mode":                 knownvalue.StringExact("average"),
						"count":                knownvalue.Int64Exact(3),
						"start_time_in_second": knownvalue.Int64Exact(0),
						"end_time_in_second":   knownvalue.Int64Exact(-1),
						"key_frame":            knownvalue.Bool(true),
					})),
				},
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[resourceAddress].Primary.ID
					return nil
				},
			},
			{
				ResourceName:      resourceAddress,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return "cn-north-1/" + firstID, nil },
			},
			{
				ResourceName:      resourceAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Waiting or not touches no task: an in-place update that keeps the keys.
				Config: resourceConfig(fake, 3, "wait_for_completion = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("wait_for_completion"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("target").AtMapKey("keys"), knownvalue.ListSizeExact(3)),
				},
			},
			{
				Config: resourceConfig(fake, 2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceAddress, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(resourceAddress, resourceAttr("id")),
					statecheck.ExpectKnownValue(resourceAddress, resourceAttr("target").AtMapKey("keys"), knownvalue.ListSizeExact(2)),
				},
			},
		},
	})
}

// Keys of a task created in the same apply feed a for_each keyed by
// screenshot number, known at plan time.
func TestAccThumbnailTaskResource_keysFeedForEachInOneApply(t *testing.T) {
	fake := acctest.StartFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(time.Second)})
	consumers := `
resource "terraform_data" "per_screenshot" {
  for_each = toset([for n in range(3) : format("%04d", n + 1)])
  input    = "${jdcloud_mps_thumbnail_task.shots.target.dest_bucket}/${jdcloud_mps_thumbnail_task.shots.target.keys[tonumber(each.key) - 1]}"
}

output "objects" {
  value = [for n, shot in terraform_data.per_screenshot : shot.output]
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: resourceConfig(fake, 3, "") + consumers,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("objects", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringRegexp(regexp.MustCompile(`^screenshots/launch/intro\.mp4-[0-9a-f]{10}-0001\.jpg$`)),
						knownvalue.StringRegexp(regexp.MustCompile(`^screenshots/launch/intro\.mp4-[0-9a-f]{10}-0002\.jpg$`)),
						knownvalue.StringRegexp(regexp.MustCompile(`^screenshots/launch/intro\.mp4-[0-9a-f]{10}-0003\.jpg$`)),
					})),
				},
			},
			// terraform-plugin-testing's end-of-test state shim cannot read
			// for_each instances with string keys, so the last step drops them.
			{Config: resourceConfig(fake, 3, "")},
		},
	})
}

func TestAccThumbnailTaskResource_noWait(t *testing.T) {
	fake := acctest.StartFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(time.Hour)})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: resourceConfig(fake, 3, "wait_for_completion = false"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(resourceAddress, resourceAttr("status"), knownvalue.StringExact("PENDDING")),
				statecheck.ExpectKnownValue(resourceAddress, resourceAttr("target").AtMapKey("keys"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

func TestAccThumbnailTaskResource_failedTask(t *testing.T) {
	fake := acctest.StartFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(time.Second), FailWithCode: 40001})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      resourceConfig(fake, 3, ""),
			ExpectError: regexp.MustCompile(`(?s)MPS thumbnail task failed.*Task: [0-9a-f]{10}.*Region: cn-north-1.*failed with status ERROR\s+and\s+error\s+code\s+40001`),
		}},
	})
}

func TestAccThumbnailTaskResource_createTimesOut(t *testing.T) {
	fake := acctest.StartFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(time.Hour)})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      resourceConfig(fake, 3, `timeouts { create = "2s" }`),
			ExpectError: regexp.MustCompile(`(?s)Timed out waiting for MPS thumbnail task.*The task was still (PENDDING|RUNNING)`),
		}},
	})
}

// A task that disappears from the API leaves the state, and the next plan creates it again.
func TestAccThumbnailTaskResource_goneTaskIsRecreated(t *testing.T) {
	fake := acctest.StartFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(500 * time.Millisecond)})
	var taskID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: resourceConfig(fake, 1, ""),
				Check: func(s *terraform.State) error {
					taskID = s.RootModule().Resources[resourceAddress].Primary.ID
					return nil
				},
			},
			{
				PreConfig:          func() { fake.RemoveTask("cn-north-1", taskID) },
				Config:             resourceConfig(fake, 1, ""),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccThumbnailTaskResource_badInput(t *testing.T) {
	fake := acctest.StartFake(t)
	tests := map[string]struct{ rule, target, want string }{
		"end before start":   {rule: `{ start_time_in_second = 30, end_time_in_second = 10 }`, want: `(?s)End time before start time.*rule.end_time_in_second is 10, before\s+rule.start_time_in_second \(30\)`},
		"unknown mode":       {rule: `{ mode = "every" }`, want: `(?s)Attribute rule.mode value must be one of`},
		"width out of range": {target: `{ dest_bucket = "s", width_in_pixel = 5 }`, want: `(?s)Attribute target.width_in_pixel.*8 and 4096`},
		"count below 1":      {rule: `{ mode = "multi", count = 0 }`, want: `(?s)Attribute rule.count value must be at least 1`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			target := tt.target
			if target == "" {
				target = `{ dest_bucket = "s" }`
			}
			rule := tt.rule
			if rule == "" {
				rule = "null"
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderConfig(fake) + fmt.Sprintf(`
resource "jdcloud_mps_thumbnail_task" "shots" {
  source = { bucket = "videos", key = "a.mp4" }
  target = %s
  rule   = %s
}
`, target, rule),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
