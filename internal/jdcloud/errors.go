package jdcloud

import (
	"context"
	"errors"
	"fmt"
	"net"
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
	// Attempts is how many requests were sent, retries included.
	Attempts int
}

// TransportError is a call that got no usable answer: the connection
// failed, every attempt timed out, or the context ended.
type TransportError struct {
	Method   string
	URL      string
	Attempts int
	// TimedOut is set when the last attempt ran out of time (request
	// timeout or the caller's deadline) rather than failing outright.
	TimedOut bool
	Err      error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("%s %s: no answer after %d attempt(s): %v", e.Method, e.URL, e.Attempts, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

func newTransportError(method, url string, attempts int, err error) *TransportError {
	var netErr net.Error
	timedOut := errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout())
	return &TransportError{Method: method, URL: url, Attempts: attempts, TimedOut: timedOut, Err: err}
}

// Attempts returns how many requests a failed call sent, or 0 if unknown.
func Attempts(err error) int {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.Attempts
	}
	var transportErr *TransportError
	if errors.As(err, &transportErr) {
		return transportErr.Attempts
	}
	return 0
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
