# Every task that succeeded on the first of December (UTC+8), oldest first.
data "jdcloud_mps_thumbnail_tasks" "december_first" {
  status = "SUCCESS"
  begin  = "2026-12-01T00:00:00+08:00"
  end    = "2026-12-01T23:59:59+08:00"
}

# The 20 oldest tasks of another region, whatever their status.
data "jdcloud_mps_thumbnail_tasks" "east" {
  region = "cn-east-2"
  limit  = 20
}

output "december_first_keys" {
  value = flatten([for task in data.jdcloud_mps_thumbnail_tasks.december_first.tasks : task.target.keys])
}
