package mps

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

// operation is what the provider was doing when a call failed: a verb for
// summaries ("read the task") and the subject lines of the detail.
type operation struct {
	verb   string // "read", "list", "create"
	taskID string // empty for list and create
	region string
}

func (op operation) subject() string {
	var b strings.Builder
	if op.taskID != "" {
		fmt.Fprintf(&b, "Task: %s\n", op.taskID)
	}
	fmt.Fprintf(&b, "Region: %s\n", op.region)
	return b.String()
}

// taskReadErrorDiagnostic turns a failed read into one error that names the
// task, the region, what the API said and what to do about it.
func taskReadErrorDiagnostic(taskID, region string, err error) diag.Diagnostic {
	return apiErrorDiagnostic(operation{verb: "read", taskID: taskID, region: region}, err)
}

// apiErrorDiagnostic describes any failed MPS call.
func apiErrorDiagnostic(op operation, err error) diag.Diagnostic {
	if summary, ok := waitErrorSummary(err); ok {
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf("%s%s.\n\n%s", op.subject(), capitalize(err.Error()), waitHint(err)))
	}
	var apiErr *jdcloud.APIError
	if !errors.As(err, &apiErr) {
		return diag.NewErrorDiagnostic("Unable to reach the MPS API",
			fmt.Sprintf("%sAttempts: %d\nError: %s\n\n%s", op.subject(), jdcloud.Attempts(err), err, transportHint(err)))
	}

	summary, hint := fmt.Sprintf("Unable to %s MPS thumbnail tasks", op.verb), ""
	if op.taskID != "" {
		summary = fmt.Sprintf("Unable to %s MPS thumbnail task", op.verb)
	}
	switch {
	case apiErr.HTTPStatus == http.StatusNotFound && op.taskID != "":
		summary = "MPS thumbnail task not found"
		hint = fmt.Sprintf("No thumbnail task %q exists in region %q. Check task_id, and the region "+
			"(the region argument, else the provider's).", op.taskID, op.region)
	case apiErr.HTTPStatus == http.StatusBadRequest:
		hint = "The API refused the request's arguments; the JD Cloud error above says which."
	case jdcloud.IsAuthFailure(err):
		summary = "JD Cloud rejected the request's credentials"
		hint = "Check access_key and secret_key (or JDCLOUD_ACCESS_KEY and JDCLOUD_SECRET_KEY, or the jdc CLI profile), that this machine's clock " +
			"is right (signatures are valid for 15 minutes), and that the key pair may use MPS in region " + op.region + "."
	case apiErr.HTTPStatus == http.StatusTooManyRequests:
		summary = "MPS API throttled the " + op.verb
		hint = retrySettingsHint("The API kept answering 429 (too many requests).")
	case apiErr.HTTPStatus >= 500:
		summary = fmt.Sprintf("MPS API failed to %s the task", op.verb)
		hint = retrySettingsHint("The API kept failing on its side.")
	case apiErr.HTTPStatus >= 200 && apiErr.HTTPStatus < 300:
		hint = "The endpoint answered with something that is not a JD Cloud API response; " +
			"check endpoints.mps (or JDCLOUD_MPS_ENDPOINT) and any proxy in between."
	}

	var detail strings.Builder
	fmt.Fprintf(&detail, "%sHTTP status: %d\n", op.subject(), apiErr.HTTPStatus)
	switch {
	case apiErr.Status != "":
		fmt.Fprintf(&detail, "JD Cloud error: %s: %s\n", apiErr.Status, orDash(apiErr.Message))
	case apiErr.Message != "":
		fmt.Fprintf(&detail, "Problem: %s\n", apiErr.Message)
	}
	if apiErr.BodyExcerpt != "" {
		fmt.Fprintf(&detail, "Response body: %q\n", apiErr.BodyExcerpt)
	}
	fmt.Fprintf(&detail, "Request ID: %s\nAttempts: %d\n", orDash(apiErr.RequestID), apiErr.Attempts)
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

func retrySettingsHint(what string) string {
	return what + " The provider retried with backoff; raise max_retries (or JDCLOUD_MAX_RETRIES), " +
		"lower requests_per_second to send fewer requests at once, or try again later."
}

func transportHint(err error) string {
	var transportErr *jdcloud.TransportError
	if errors.As(err, &transportErr) && transportErr.TimedOut {
		return "The read timed out: no attempt got an answer within request_timeout. " +
			"Check that the endpoint answers, or raise request_timeout or max_retries."
	}
	if errors.Is(err, context.Canceled) {
		return "The read was cancelled before the MPS API answered."
	}
	return "No attempt got an answer from the MPS API. Check the endpoint (endpoints.mps or JDCLOUD_MPS_ENDPOINT), " +
		"the network path to it and any proxy; request_timeout and max_retries bound how long the provider tries."
}

func waitHint(err error) string {
	var timedOut *waitTimeoutError
	if errors.As(err, &timedOut) {
		return "Raise the read (data source) or create (resource) value of the timeouts block, or set wait_for_completion = false to take the task as it is."
	}
	return "The task's error_code says why MPS could not take the screenshots; check the source video and the target bucket."
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
