data "jdcloud_mps_thumbnail_task" "intro" {
  task_id = "f1b6a7c0e2"
}

# A task in another region than the provider's.
data "jdcloud_mps_thumbnail_task" "promo" {
  task_id = "e7a2c5f019"
  region  = "cn-east-2"
}

# One resource per screenshot: target.keys is always a list, empty while the
# task has produced nothing, so for_each over it always works.
resource "terraform_data" "per_screenshot" {
  for_each = toset(data.jdcloud_mps_thumbnail_task.intro.target.keys)
  input    = "${data.jdcloud_mps_thumbnail_task.intro.target.dest_bucket}/${each.value}"
}

output "intro_status" {
  value = data.jdcloud_mps_thumbnail_task.intro.status
}

# Wait until a task that may still be running is done; a failed task or one
# still running after 10 minutes is an error.
data "jdcloud_mps_thumbnail_task" "keynote" {
  task_id             = "9c0d7e41b3"
  wait_for_completion = true

  timeouts {
    read = "10m"
  }
}
