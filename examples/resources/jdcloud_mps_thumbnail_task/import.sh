# By task id, in the provider's region:
terraform import jdcloud_mps_thumbnail_task.intro f1b6a7c0e2

# By region and task id:
terraform import jdcloud_mps_thumbnail_task.intro cn-east-2/e7a2c5f019
