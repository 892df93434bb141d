# Keys and region from a profile of the jdc CLI (~/.jdc/config), as
# `jdc configure add --profile staging` wrote it. Leave `profile` out to use
# the CLI's current profile (~/.jdc/current, else "default").
provider "jdcloud" {
  profile = "staging"
}

# Another directory of jdc CLI files, e.g. in CI:
#
# provider "jdcloud" {
#   profile    = "ci"
#   config_dir = "/etc/jdc"
# }
