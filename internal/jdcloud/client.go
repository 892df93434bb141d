// Package jdcloud is the provider's own JD Cloud API client core: request
// signing, transport, response envelope and errors. It has no Terraform
// dependencies; service packages such as mps build typed calls on it.
package jdcloud

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
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
	// Transport under the signer; nil means a keep-alive transport of our own.
	Transport http.RoundTripper
	// Now and NewNonce replace the clock and nonce source in tests.
	Now      func() time.Time
	NewNonce func() string
}

// Client sends signed requests to JD Cloud APIs. It is safe for concurrent
// use and keeps one connection pool for all of them.
type Client struct {
	httpClient *http.Client
	endpoints  map[string]*url.URL
	userAgent  string
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
	base := cfg.Transport
	if base == nil {
		base = newPooledTransport()
	}
	return &Client{
		httpClient: &http.Client{Transport: &SigningTransport{
			Base:        base,
			Credentials: cfg.Credentials,
			Now:         cfg.Now,
			NewNonce:    cfg.NewNonce,
		}},
		endpoints: endpoints,
		userAgent: cfg.UserAgent,
	}, nil
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

// Do sends req and decodes the "result" of a successful answer into result.
// Any failure from the API is an *APIError.
func (c *Client) Do(ctx context.Context, req Request, result any) error {
	httpReq, err := c.newHTTPRequest(ctx, req)
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(httpReq)
	if err != nil {
		return fmt.Errorf("%s %s: %w", req.Method, httpReq.URL.Redacted(), err)
	}
	defer resp.Body.Close()
	body, err := readLimited(resp.Body)
	if err != nil {
		return fmt.Errorf("reading response of %s %s: %w", req.Method, httpReq.URL.Redacted(), err)
	}
	return decodeResponse(resp, body, result)
}

func (c *Client) newHTTPRequest(ctx context.Context, req Request) (*http.Request, error) {
	var body io.Reader
	if req.Body != nil {
		payload, err := json.Marshal(req.Body)
		if err != nil {
			return nil, fmt.Errorf("encoding request body: %w", err)
		}
		body = bytes.NewReader(payload)
	}
	ctx = withSigningScope(ctx, req.Region, req.Service)
	httpReq, err := http.NewRequestWithContext(ctx, req.Method, c.URL(req), body)
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

// envelope is the JSON every JD Cloud API answers with.
type envelope struct {
	RequestID string          `json:"requestId"`
	Result    json.RawMessage `json:"result"`
	Error     *struct {
		Code    int    `json:"code"`
		Status  string `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func decodeResponse(resp *http.Response, body []byte, result any) error {
	headerRequestID := resp.Header.Get(HeaderRequestID)
	var env envelope
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
	if jsonErr != nil || len(env.Result) == 0 || string(env.Result) == "null" {
		return &APIError{
			HTTPStatus:  resp.StatusCode,
			RequestID:   firstNonEmpty(env.RequestID, headerRequestID),
			Message:     "the response is not a JD Cloud API answer with a result",
			BodyExcerpt: excerpt(body),
		}
	}
	if err := json.Unmarshal(env.Result, result); err != nil {
		return fmt.Errorf("decoding result (request id: %s): %w", orUnknown(firstNonEmpty(env.RequestID, headerRequestID)), err)
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
