# Temporary credentials: the token travels with every request, signed.
provider "jdcloud" {
  region         = "cn-north-1"
  access_key     = var.access_key
  secret_key     = var.secret_key
  security_token = var.security_token
}

variable "access_key" {
  type      = string
  sensitive = true
}

variable "secret_key" {
  type      = string
  sensitive = true
}

variable "security_token" {
  type      = string
  sensitive = true
}
