# The demo configuration `make demo` applies against the local fake MPS
# service. Region, keys and endpoint come from the JDCLOUD_* environment
# variables the demo script sets.
terraform {
  required_providers {
    jdcloud = {
      source = "jdcloud-api/jdcloud"
    }
  }
}

provider "jdcloud" {}

variable "task_id" {
  description = "Id of the screenshot task to read."
  type        = string
  default     = "f1b6a7c0e2"
}

data "jdcloud_mps_thumbnail_task" "intro" {
  task_id = var.task_id
}

# One object per screenshot, keyed by its object key.
resource "terraform_data" "per_screenshot" {
  for_each = toset(data.jdcloud_mps_thumbnail_task.intro.target.keys)
  input    = "${data.jdcloud_mps_thumbnail_task.intro.target.dest_bucket}/${each.value}"
}

output "status" {
  value = data.jdcloud_mps_thumbnail_task.intro.status
}

output "screenshot_keys" {
  value = data.jdcloud_mps_thumbnail_task.intro.target.keys
}

output "screenshot_objects" {
  value = [for shot in terraform_data.per_screenshot : shot.output]
}
