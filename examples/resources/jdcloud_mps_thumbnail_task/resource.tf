# Three screenshots spread over the video, written next to it in "screenshots".
resource "jdcloud_mps_thumbnail_task" "intro" {
  source = {
    bucket = "videos"
    key    = "launch/intro.mp4"
  }

  target = {
    dest_bucket     = "screenshots"
    dest_key_prefix = "launch/intro"
    format          = "jpg"
    width_in_pixel  = 1280
    height_in_pixel = 720
  }

  rule = {
    mode  = "average"
    count = 3
  }

  # The default: wait until MPS has written every screenshot, so that
  # target.keys is complete for the resources below.
  wait_for_completion = true

  timeouts {
    create = "30m"
  }
}

# The keys are known only after apply, but their number is known now:
# key the consumers by screenshot number.
resource "terraform_data" "per_screenshot" {
  for_each = toset([for n in range(3) : format("%04d", n + 1)])
  input    = "${jdcloud_mps_thumbnail_task.intro.target.dest_bucket}/${jdcloud_mps_thumbnail_task.intro.target.keys[tonumber(each.key) - 1]}"
}
