package jdcloud

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Logger receives the client's request and response logs. The provider
// routes them to a tflog subsystem; nil discards them. Nothing passed to a
// Logger carries a secret key, a token or a signature.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Trace(ctx context.Context, msg string, fields map[string]any)
}

type attemptsKey struct{}

func withAttemptCounter(ctx context.Context, counter *atomic.Int32) context.Context {
	return context.WithValue(ctx, attemptsKey{}, counter)
}

func attemptNumber(ctx context.Context) int32 {
	if counter, ok := ctx.Value(attemptsKey{}).(*atomic.Int32); ok {
		return counter.Load()
	}
	return 0
}

// throttleTransport counts each attempt of a call and makes it wait for the
// rate limiter shared by every request of the client.
type throttleTransport struct {
	next    http.RoundTripper
	limiter *rate.Limiter // nil: unlimited
}

func (t *throttleTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if counter, ok := req.Context().Value(attemptsKey{}).(*atomic.Int32); ok {
		counter.Add(1)
	}
	if t.limiter != nil {
		if err := t.limiter.Wait(req.Context()); err != nil {
			return nil, err
		}
	}
	return t.next.RoundTrip(req)
}

// loggingTransport logs each signed attempt and its answer, with the
// Authorization and security-token headers redacted.
type loggingTransport struct {
	next   http.RoundTripper
	logger Logger
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"method":  req.Method,
		"url":     req.URL.Redacted(),
		"attempt": attemptNumber(ctx),
	}
	t.logger.Debug(ctx, "JD Cloud API request", fields)
	t.logger.Trace(ctx, "JD Cloud API request headers", map[string]any{"headers": redactHeaders(req.Header)})

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = err.Error()
		t.logger.Debug(ctx, "JD Cloud API request failed", fields)
		return nil, err
	}
	fields["status"] = resp.StatusCode
	fields["request_id"] = resp.Header.Get(HeaderRequestID)
	t.logger.Debug(ctx, "JD Cloud API response", fields)
	t.logger.Trace(ctx, "JD Cloud API response headers", map[string]any{"headers": redactHeaders(resp.Header)})
	return resp, nil
}

// redactHeaders flattens headers for a log line, hiding credentials. The
// Authorization header keeps its scope and signed-header list, which help
// to debug signature mismatches, but loses the access key's tail and the signature.
func redactHeaders(header http.Header) map[string]string {
	out := make(map[string]string, len(header))
	for name, values := range header {
		value := strings.Join(values, ",")
		switch strings.ToLower(name) {
		case "authorization":
			value = redactAuthorization(value)
		case "x-jdcloud-security-token", "cookie", "set-cookie":
			value = "(redacted)"
		}
		out[strings.ToLower(name)] = value
	}
	return out
}

func redactAuthorization(value string) string {
	auth, err := ParseAuthorization(value)
	if err != nil {
		return "(redacted)"
	}
	return SigningAlgorithm + " Credential=" + MaskAccessKey(auth.AccessKey) + "/" +
		strings.Join([]string{auth.Date, auth.Region, auth.Service, scopeTerminator}, "/") +
		", SignedHeaders=" + strings.Join(auth.SignedHeaders, ";") + ", Signature=(redacted)"
}
