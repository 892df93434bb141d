package jdcloud

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Defaults of the retry and time settings. With them, a read against an
// endpoint that never answers gives up after at most
// (DefaultMaxRetries+1) × DefaultRequestTimeout + the backoff waits
// (0.25+0.5+1+2+4 s) ≈ 56 s.
const (
	DefaultMaxRetries     = 5
	DefaultRequestTimeout = 8 * time.Second
	DefaultRetryWaitMin   = 250 * time.Millisecond
	DefaultRetryWaitMax   = 4 * time.Second
	// MaxRetryAfter caps how long a Retry-After header can make a retry wait.
	MaxRetryAfter = 30 * time.Second
)

// retryableStatuses are the answers worth another attempt.
var retryableStatuses = map[int]bool{
	http.StatusTooManyRequests:     true,
	http.StatusInternalServerError: true,
	http.StatusBadGateway:          true,
	http.StatusServiceUnavailable:  true,
	http.StatusGatewayTimeout:      true,
}

// permanentError marks a failure inside our own transport that no retry can mend.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// checkRetry retries the statuses above and transport failures (reset
// connections, EOF, timeouts), never other 4xx, and never once the
// caller's context is done.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if !isIdempotent(ctx) {
		// A create that failed or timed out may still have happened:
		// only a throttled one certainly did not.
		return err == nil && resp.StatusCode == http.StatusTooManyRequests, nil
	}
	if err != nil {
		var permanent *permanentError
		if errors.As(err, &permanent) {
			return false, err
		}
		// The library's policy knows which transport errors are permanent
		// (bad scheme, TLS verification, redirect loops).
		return retryablehttp.DefaultRetryPolicy(ctx, nil, err)
	}
	return retryableStatuses[resp.StatusCode], nil
}

// backoff waits exponentially longer with jitter, or as long as the
// server's Retry-After asks (capped at MaxRetryAfter).
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if wait, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return min(wait, MaxRetryAfter)
		}
	}
	wait := maxWait
	if attempt < 30 {
		wait = min(minWait<<attempt, maxWait)
	}
	// Equal jitter: half fixed, half random, so concurrent readers spread out.
	half := wait / 2
	return half + rand.N(half+1) //nolint:gosec // jitter needs no cryptographic randomness
}

// parseRetryAfter reads delay-seconds or an HTTP date.
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.Atoi(value); err == nil {
		if seconds < 0 {
			return 0, false
		}
		return time.Duration(seconds) * time.Second, true
	}
	if at, err := http.ParseTime(value); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

type nonIdempotentKey struct{}

// withIdempotency marks a call whose repetition could change more than
// once (POST), so that it is retried only when throttled.
func withIdempotency(ctx context.Context, method string) context.Context {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return ctx
	}
	return context.WithValue(ctx, nonIdempotentKey{}, true)
}

func isIdempotent(ctx context.Context) bool {
	return ctx.Value(nonIdempotentKey{}) == nil
}
