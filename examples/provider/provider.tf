# Region and keys from the provider block...
provider "jdcloud" {
  region     = "cn-north-1"
  access_key = var.jdcloud_access_key
  secret_key = var.jdcloud_secret_key
}

variable "jdcloud_access_key" {
  type      = string
  sensitive = true
}

variable "jdcloud_secret_key" {
  type      = string
  sensitive = true
}

# ...or all of them from JDCLOUD_REGION, JDCLOUD_ACCESS_KEY and
# JDCLOUD_SECRET_KEY, with an empty block:
#
# provider "jdcloud" {}
