package mps

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

// taskReadErrorDiagnostic turns a failed read into one error that names the
// task, the region, what the API said and what to do about it.
func taskReadErrorDiagnostic(taskID, region string, err error) diag.Diagnostic {
	var apiErr *jdcloud.APIError
	if !errors.As(err, &apiErr) {
		return diag.NewErrorDiagnostic("Unable to read MPS thumbnail task",
			fmt.Sprintf("Task: %s\nRegion: %s\nError: %s\n\nThe request did not get an answer from the MPS API. "+
				"Check the network path to the endpoint (endpoints.mps or JDCLOUD_MPS_ENDPOINT).", taskID, region, err))
	}

	summary, hint := "Unable to read MPS thumbnail task", ""
	switch {
	case apiErr.HTTPStatus == http.StatusNotFound:
		summary = "MPS thumbnail task not found"
		hint = fmt.Sprintf("No thumbnail task %q exists in region %q. Check task_id, and the region "+
			"(this data source's region argument, else the provider's).", taskID, region)
	case jdcloud.IsAuthFailure(err):
		summary = "JD Cloud rejected the request's credentials"
		hint = "Check access_key and secret_key (or JDCLOUD_ACCESS_KEY and JDCLOUD_SECRET_KEY), that this machine's clock " +
			"is right (signatures are valid for 15 minutes), and that the key pair may use MPS in region " + region + "."
	case apiErr.HTTPStatus == http.StatusTooManyRequests || apiErr.HTTPStatus >= 500:
		hint = "The MPS API is throttling or failing. Try again later."
	case apiErr.HTTPStatus >= 200 && apiErr.HTTPStatus < 300:
		hint = "The endpoint answered with something that is not a JD Cloud API response; " +
			"check endpoints.mps (or JDCLOUD_MPS_ENDPOINT) and any proxy in between."
	}

	var detail strings.Builder
	fmt.Fprintf(&detail, "Task: %s\nRegion: %s\nHTTP status: %d\n", taskID, region, apiErr.HTTPStatus)
	if apiErr.Status != "" || apiErr.Message != "" {
		fmt.Fprintf(&detail, "JD Cloud error: %s: %s\n", orDash(apiErr.Status), orDash(apiErr.Message))
	}
	if apiErr.BodyExcerpt != "" {
		fmt.Fprintf(&detail, "Response body: %q\n", apiErr.BodyExcerpt)
	}
	fmt.Fprintf(&detail, "Request ID: %s\n", orDash(apiErr.RequestID))
	if hint != "" {
		fmt.Fprintf(&detail, "\n%s", hint)
	}
	return diag.NewErrorDiagnostic(summary, detail.String())
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
