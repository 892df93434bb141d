// Package jdcloud is the provider's own JD Cloud API client core: request
// signing, transport, response envelope and errors. It has no Terraform
// dependencies; service packages such as mps build typed calls on it.
package jdcloud

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// APIVersion is the version segment every request path starts with.
const APIVersion = "v1"

// MaxResponseBytes caps how much of a response body the client reads.
const MaxResponseBytes = 8 << 20

const bodyExcerptBytes = 200

// Config is what a Client is built from.
type Config struct {
	Credentials Credentials
	// Endpoints maps a service name ("mps") to its base URL; services not
	// listed use DefaultEndpoint.
	Endpoints map[string]string
	UserAgent string

	// MaxRetries is how many times a failed attempt is retried (0: never).
	MaxRetries int
	// RequestTimeout bounds one attempt; 0 means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the backoff between attempts;
	// zero means the defaults.
	RetryWaitMin, RetryWaitMax time.Duration
	// RequestsPerSecond limits all requests of the client together; 0 means no limit.
	RequestsPerSecond float64

	Logger Logger
	// Transport under the signer; nil means a keep-alive transport of our own.
	Transport http.RoundTripper
	// Now and NewNonce replace the clock and nonce source in tests.
	Now      func() time.Time
	NewNonce func() string
}

// Client sends signed requests to JD Cloud APIs. It is safe for concurrent
// use: one connection pool, one rate limiter and one retry policy serve
// every call made through it.
type Client struct {
	retrying  *retryablehttp.Client
	endpoints map[string]*url.URL
	userAgent string
	logger    Logger
}

// Request describes one API call.
type Request struct {
	Method  string
	Service string
	Region  string
	// PathSegments follow /v1 and are escaped one by one, so a value such as
	// a task id can never change which path is requested.
	PathSegments []string
	Query        url.Values
	Body         any
}

// DefaultEndpoint is the public base URL of a JD Cloud service.
func DefaultEndpoint(service string) string {
	return "https://" + service + ".jdcloud-api.com"
}

// NewClient builds a Client; it fails only on an unusable endpoint.
func NewClient(cfg Config) (*Client, error) {
	endpoints := make(map[string]*url.URL, len(cfg.Endpoints))
	for service, raw := range cfg.Endpoints {
		u, err := ParseEndpoint(raw)
		if err != nil {
			return nil, fmt.Errorf("endpoint for %s: %w", service, err)
		}
		endpoints[service] = u
	}
	return &Client{
		retrying:  newRetryingClient(cfg),
		endpoints: endpoints,
		userAgent: cfg.UserAgent,
		logger:    cfg.Logger,
	}, nil
}

// newRetryingClient stacks the transports: each attempt is counted and
// throttled, then signed with a fresh date and nonce, then logged.
func newRetryingClient(cfg Config) *retryablehttp.Client {
	transport := cfg.Transport
	if transport == nil {
		transport = newPooledTransport()
	}
	if cfg.Logger != nil {
		transport = &loggingTransport{next: transport, logger: cfg.Logger}
	}
	transport = &SigningTransport{Base: transport, Credentials: cfg.Credentials, Now: cfg.Now, NewNonce: cfg.NewNonce}
	var limiter *rate.Limiter
	if cfg.RequestsPerSecond > 0 {
		// A burst of one paces requests evenly, so no window of any length
		// sees more than the configured rate.
		limiter = rate.NewLimiter(rate.Limit(cfg.RequestsPerSecond), 1)
	}
	transport = &throttleTransport{next: transport, limiter: limiter}

	return &retryablehttp.Client{
		HTTPClient:   &http.Client{Transport: transport, Timeout: orDefault(cfg.RequestTimeout, DefaultRequestTimeout)},
		RetryMax:     max(cfg.MaxRetries, 0),
		RetryWaitMin: orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin),
		RetryWaitMax: orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax),
		CheckRetry:   checkRetry,
		Backoff:      backoff,
		// Hand the last answer back as it is, so its envelope becomes the error.
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
}

func orDefault(d, fallback time.Duration) time.Duration {
	if d <= 0 {
		return fallback
	}
	return d
}

// ParseEndpoint checks that raw is an absolute http(s) URL without query or
// fragment and returns it without a trailing slash or /v1 suffix (the client
// adds /v1 itself, so both spellings of the base URL work).
func ParseEndpoint(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q must start with https:// (or http:// for a local endpoint)", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q has no host", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("%q must not carry credentials, a query or a fragment", raw)
	}
	u.Path = strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/"+APIVersion)
	u.RawPath = ""
	return u, nil
}

func newPooledTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   10 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}

// URL returns the full URL of a request, with each path segment escaped.
func (c *Client) URL(req Request) string {
	base, ok := c.endpoints[req.Service]
	if !ok {
		base, _ = url.Parse(DefaultEndpoint(req.Service))
	}
	var path strings.Builder
	path.WriteString(base.EscapedPath())
	path.WriteString("/" + APIVersion)
	for _, segment := range req.PathSegments {
		path.WriteByte('/')
		path.WriteString(EscapeSegment(segment))
	}
	full := base.Scheme + "://" + base.Host + path.String()
	if query := EncodeQuery(req.Query); query != "" {
		full += "?" + query
	}
	return full
}

// Do sends req, retrying as configured, and decodes the "result" of a
// successful answer into result. A failure the API answered is an
// *APIError; one it did not answer is a *TransportError.
func (c *Client) Do(ctx context.Context, req Request, result any) error {
	attempts := new(atomic.Int32)
	ctx = withAttemptCounter(withSigningScope(ctx, req.Region, req.Service), attempts)
	ctx = withIdempotency(ctx, req.Method)
	httpReq, err := c.newHTTPRequest(ctx, req)
	if err != nil {
		return err
	}
	resp, err := c.retrying.Do(httpReq)
	if err != nil {
		return newTransportError(req.Method, httpReq.URL.Redacted(), int(attempts.Load()), err)
	}
	defer resp.Body.Close()
	body, err := readLimited(resp.Body)
	if err != nil {
		return newTransportError(req.Method, httpReq.URL.Redacted(), int(attempts.Load()),
			fmt.Errorf("reading the response (HTTP %d, request id %s): %w", resp.StatusCode, orUnknown(resp.Header.Get(HeaderRequestID)), err))
	}
	if c.logger != nil {
		c.logger.Trace(ctx, "JD Cloud API response body", map[string]any{"body": excerpt(body)})
	}
	if err := decodeResponse(resp, body, result); err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			apiErr.Attempts = int(attempts.Load())
		}
		return err
	}
	return nil
}

func (c *Client) newHTTPRequest(ctx context.Context, req Request) (*retryablehttp.Request, error) {
	var body any
	if req.Body != nil {
		payload, err := json.Marshal(req.Body)
		if err != nil {
			return nil, fmt.Errorf("encoding request body: %w", err)
		}
		body = payload
	}
	httpReq, err := retryablehttp.NewRequestWithContext(ctx, req.Method, c.URL(req), body)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	httpReq.Header.Set("Content-Type", "application/json")
	httpReq.Header.Set("Accept", "application/json")
	if c.userAgent != "" {
		httpReq.Header.Set("User-Agent", c.userAgent)
	}
	return httpReq, nil
}

func readLimited(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, MaxResponseBytes+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxResponseBytes {
		return nil, fmt.Errorf("response body is larger than %d bytes", MaxResponseBytes)
	}
	return body, nil
}

// envelope is the JSON every JD Cloud API answers with. The result is
// decoded straight into the caller's value, in the same pass.
type envelope struct {
	RequestID string     `json:"requestId"`
	Result    resultSlot `json:"result"`
	Error     *struct {
		Code    int    `json:"code"`
		Status  string `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// resultSlot decodes "result" into target and remembers whether there was
// one, and whether it fitted, without stopping the envelope's decoding.
type resultSlot struct {
	target  any
	present bool
	err     error
}

func (s *resultSlot) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	s.present = true
	s.err = json.Unmarshal(data, s.target)
	return nil
}

func decodeResponse(resp *http.Response, body []byte, result any) error {
	headerRequestID := resp.Header.Get(HeaderRequestID)
	env := envelope{Result: resultSlot{target: result}}
	jsonErr := json.Unmarshal(body, &env)

	if resp.StatusCode < 200 || resp.StatusCode > 299 || (jsonErr == nil && env.Error != nil) {
		apiErr := &APIError{HTTPStatus: resp.StatusCode, RequestID: firstNonEmpty(env.RequestID, headerRequestID)}
		if jsonErr == nil && env.Error != nil {
			apiErr.Code, apiErr.Status, apiErr.Message = env.Error.Code, env.Error.Status, env.Error.Message
		} else {
			apiErr.BodyExcerpt = excerpt(body)
		}
		return apiErr
	}
	if jsonErr != nil || !env.Result.present {
		return &APIError{
			HTTPStatus:  resp.StatusCode,
			RequestID:   firstNonEmpty(env.RequestID, headerRequestID),
			Message:     "the response is not a JD Cloud API answer with a result",
			BodyExcerpt: excerpt(body),
		}
	}
	if env.Result.err != nil {
		return fmt.Errorf("decoding result (request id: %s): %w", orUnknown(firstNonEmpty(env.RequestID, headerRequestID)), env.Result.err)
	}
	return nil
}

func excerpt(body []byte) string {
	text := strings.TrimSpace(string(body))
	if len(text) > bodyExcerptBytes {
		text = text[:bodyExcerptBytes] + "..."
	}
	return strings.ToValidUTF8(text, "?")
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
