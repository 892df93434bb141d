package jdcloud

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestCheckRetry(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		status int
		err    error
		want   bool
	}{
		{name: "429", status: 429, want: true},
		{name: "500", status: 500, want: true},
		{name: "502", status: 502, want: true},
		{name: "503", status: 503, want: true},
		{name: "504", status: 504, want: true},
		{name: "501 is not transient", status: 501},
		{name: "400", status: 400},
		{name: "401 signature", status: 401},
		{name: "403 nonce", status: 403},
		{name: "404", status: 404},
		{name: "200", status: 200},
		{name: "connection reset", err: &url.Error{Op: "Get", URL: "http://x", Err: errors.New("read: connection reset by peer")}, want: true},
		{name: "EOF", err: &url.Error{Op: "Get", URL: "http://x", Err: errors.New("EOF")}, want: true},
		{name: "bad scheme", err: &url.Error{Op: "Get", URL: "x", Err: errors.New("unsupported protocol scheme \"\"")}},
		{name: "our own permanent failure", err: &permanentError{errors.New("cannot sign")}},
		{name: "caller gave up", ctx: canceled, status: 503},
		{name: "POST throttled", ctx: withIdempotency(context.Background(), http.MethodPost), status: 429, want: true},
		{name: "POST failed on the server may have happened", ctx: withIdempotency(context.Background(), http.MethodPost), status: 503},
		{name: "POST lost its connection may have happened", ctx: withIdempotency(context.Background(), http.MethodPost), err: errors.New("EOF")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			var resp *http.Response
			if tt.err == nil {
				resp = &http.Response{StatusCode: tt.status, Header: http.Header{}}
			}
			got, _ := checkRetry(ctx, resp, tt.err)
			if got != tt.want {
				t.Errorf("retry = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBackoffGrowsWithJitterAndHonoursRetryAfter(t *testing.T) {
	minWait, maxWait := 250*time.Millisecond, 4*time.Second
	for attempt := range 8 {
		ceiling := min(minWait<<attempt, maxWait)
		for range 50 {
			wait := backoff(minWait, maxWait, attempt, nil)
			if wait < ceiling/2 || wait > ceiling {
				t.Fatalf("attempt %d waited %s, want within [%s, %s]", attempt, wait, ceiling/2, ceiling)
			}
		}
	}
	withRetryAfter := func(v string) *http.Response {
		return &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {v}}}
	}
	if wait := backoff(minWait, maxWait, 0, withRetryAfter("3")); wait != 3*time.Second {
		t.Errorf("Retry-After: 3 waited %s", wait)
	}
	if wait := backoff(minWait, maxWait, 0, withRetryAfter("3600")); wait != MaxRetryAfter {
		t.Errorf("Retry-After: 3600 waited %s, want the cap %s", wait, MaxRetryAfter)
	}
	if wait := backoff(minWait, maxWait, 0, withRetryAfter("soon")); wait > minWait {
		t.Errorf("an unreadable Retry-After waited %s", wait)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		value  string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"7", 7 * time.Second, true},
		{"-1", 0, false},
		{"Fri, 04 Dec 2026 10:00:05 GMT", 5 * time.Second, true},
		{"Fri, 04 Dec 2026 09:00:00 GMT", 0, true},
		{"later", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.value, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("parseRetryAfter(%q) = %s, %v; want %s, %v", tt.value, got, ok, tt.want, tt.wantOK)
		}
	}
}
