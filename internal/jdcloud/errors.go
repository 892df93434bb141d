package jdcloud

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// APIError is a JD Cloud API failure: the HTTP status, the JD Cloud error
// envelope when the body carried one, and the request id.
type APIError struct {
	HTTPStatus int
	// Code, Status and Message come from the body's "error" object.
	Code      int
	Status    string
	Message   string
	RequestID string
	// BodyExcerpt is the start of a body that was not a JD Cloud envelope.
	BodyExcerpt string
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d", e.HTTPStatus)
	if text := http.StatusText(e.HTTPStatus); text != "" {
		fmt.Fprintf(&b, " %s", text)
	}
	if e.Status != "" {
		fmt.Fprintf(&b, ", JD Cloud status %s", e.Status)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.BodyExcerpt != "" {
		fmt.Fprintf(&b, ", body: %q", e.BodyExcerpt)
	}
	fmt.Fprintf(&b, " (request id: %s)", orUnknown(e.RequestID))
	return b.String()
}

// IsNotFound reports whether err is an API answer that the resource does not exist.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.HTTPStatus == http.StatusNotFound
}

// IsAuthFailure reports whether err is the gateway refusing the credentials or signature.
func IsAuthFailure(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) &&
		(apiErr.HTTPStatus == http.StatusUnauthorized || apiErr.HTTPStatus == http.StatusForbidden)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
