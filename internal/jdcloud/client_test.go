package jdcloud

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// recordingServer answers every request with a fixed response and keeps
// what it received.
type recordingServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
}

func newRecordingServer(t *testing.T, status int, header map[string]string, body string) *recordingServer {
	t.Helper()
	rs := &recordingServer{}
	rs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.requests = append(rs.requests, r.Clone(context.Background()))
		rs.mu.Unlock()
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(rs.Close)
	return rs
}

func newTestClient(t *testing.T, endpoint string) *Client {
	t.Helper()
	c, err := NewClient(Config{
		Credentials: Credentials{AccessKey: "AKTEST", SecretKey: "not-a-real-secret"},
		Endpoints:   map[string]string{"mps": endpoint},
		UserAgent:   "terraform-provider-jdcloud/test Terraform/1.8.5",
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClientEscapesEveryPathSegment(t *testing.T) {
	tests := []struct{ taskID, wantPath string }{
		{"a1b2c3d4e5", "/v1/regions/cn-north-1/thumbnail/a1b2c3d4e5"},
		{"a/b c", "/v1/regions/cn-north-1/thumbnail/a%2Fb%20c"},
		{"../../other", "/v1/regions/cn-north-1/thumbnail/..%2F..%2Fother"},
		{"x?y=1#z", "/v1/regions/cn-north-1/thumbnail/x%3Fy%3D1%23z"},
	}
	for _, tt := range tests {
		t.Run(tt.taskID, func(t *testing.T) {
			server := newRecordingServer(t, 200, nil, `{"requestId":"r","result":{}}`)
			client := newTestClient(t, server.URL)
			var out map[string]any
			err := client.Do(context.Background(), Request{
				Method: "GET", Service: "mps", Region: "cn-north-1",
				PathSegments: []string{"regions", "cn-north-1", "thumbnail", tt.taskID},
			}, &out)
			if err != nil {
				t.Fatal(err)
			}
			got := server.requests[0]
			if got.URL.EscapedPath() != tt.wantPath || got.URL.RawQuery != "" {
				t.Errorf("requested %q (query %q), want %q", got.URL.EscapedPath(), got.URL.RawQuery, tt.wantPath)
			}
		})
	}
}

func TestClientSignsEachRequestWithFreshNonce(t *testing.T) {
	server := newRecordingServer(t, 200, nil, `{"requestId":"r","result":{}}`)
	client := newTestClient(t, server.URL+"/v1/")
	for range 3 {
		var out map[string]any
		if err := client.Do(context.Background(), Request{Method: "GET", Service: "mps", Region: "cn-east-2", PathSegments: []string{"regions", "cn-east-2", "thumbnail", "t"}}, &out); err != nil {
			t.Fatal(err)
		}
	}
	nonces := map[string]bool{}
	for _, r := range server.requests {
		if r.URL.Path != "/v1/regions/cn-east-2/thumbnail/t" {
			t.Errorf("endpoint with /v1 suffix requested %q", r.URL.Path)
		}
		auth, err := ParseAuthorization(r.Header.Get("Authorization"))
		if err != nil {
			t.Fatal(err)
		}
		if auth.AccessKey != "AKTEST" || auth.Region != "cn-east-2" || auth.Service != "mps" {
			t.Errorf("scope = %+v", auth)
		}
		if r.Header.Get("X-Jdcloud-Date") == "" {
			t.Error("no x-jdcloud-date")
		}
		if ua := r.Header.Get("User-Agent"); ua != "terraform-provider-jdcloud/test Terraform/1.8.5" {
			t.Errorf("user agent = %q", ua)
		}
		nonces[r.Header.Get("X-Jdcloud-Nonce")] = true
	}
	if len(nonces) != 3 {
		t.Errorf("3 requests carried %d distinct nonces", len(nonces))
	}
}

func TestClientTurnsFailuresIntoAPIErrors(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		header  map[string]string
		body    string
		want    APIError
		message string // substring of Error()
	}{
		{
			name:   "error envelope",
			status: 404,
			body:   `{"requestId":"req-404","error":{"code":404,"status":"NOT_FOUND","message":"thumbnail task x not found"}}`,
			want:   APIError{Attempts: 1, HTTPStatus: 404, Code: 404, Status: "NOT_FOUND", Message: "thumbnail task x not found", RequestID: "req-404"},
		},
		{
			name:   "empty body takes the request id from the header",
			status: 502,
			header: map[string]string{"X-Jdcloud-Request-Id": "req-hdr"},
			want:   APIError{Attempts: 1, HTTPStatus: 502, RequestID: "req-hdr"},
		},
		{
			name:    "non-JSON error body is quoted",
			status:  500,
			body:    "upstream exploded",
			want:    APIError{Attempts: 1, HTTPStatus: 500, BodyExcerpt: "upstream exploded"},
			message: `body: "upstream exploded"`,
		},
		{
			name:   "HTML answered with 200 is not a task",
			status: 200,
			header: map[string]string{"X-Jdcloud-Request-Id": "req-html"},
			body:   "<html><body>Please log in to the Wi-Fi</body></html>",
			want:   APIError{Attempts: 1, HTTPStatus: 200, RequestID: "req-html", Message: "the response is not a JD Cloud API answer with a result", BodyExcerpt: "<html><body>Please log in to the Wi-Fi</body></html>"},
		},
		{
			name:   "200 carrying an error envelope",
			status: 200,
			body:   `{"requestId":"req-e","error":{"code":400,"status":"INVALID_ARGUMENT","message":"bad"}}`,
			want:   APIError{Attempts: 1, HTTPStatus: 200, Code: 400, Status: "INVALID_ARGUMENT", Message: "bad", RequestID: "req-e"},
		},
		{
			name:   "200 without result",
			status: 200,
			body:   `{"requestId":"req-n","result":null}`,
			want:   APIError{Attempts: 1, HTTPStatus: 200, RequestID: "req-n", Message: "the response is not a JD Cloud API answer with a result", BodyExcerpt: `{"requestId":"req-n","result":null}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			server := newRecordingServer(t, tt.status, tt.header, tt.body)
			client := newTestClient(t, server.URL)
			var out map[string]any
			err := client.Do(context.Background(), Request{Method: "GET", Service: "mps", Region: "r", PathSegments: []string{"x"}}, &out)
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v is not an *APIError", err)
			}
			if *apiErr != tt.want {
				t.Errorf("got  %+v\nwant %+v", *apiErr, tt.want)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("%q does not contain %q", err.Error(), tt.message)
			}
		})
	}
}

func TestAPIErrorMessageNamesEverything(t *testing.T) {
	err := &APIError{HTTPStatus: 401, Code: 401, Status: "APIGW_SIGN_RESULT_NOT_SAME", Message: "signature mismatch", RequestID: "req-1"}
	want := "HTTP 401 Unauthorized, JD Cloud status APIGW_SIGN_RESULT_NOT_SAME: signature mismatch (request id: req-1)"
	if err.Error() != want {
		t.Errorf("got %q\nwant %q", err.Error(), want)
	}
	if !IsAuthFailure(err) || IsNotFound(err) {
		t.Error("401 misclassified")
	}
}

func TestParseEndpoint(t *testing.T) {
	tests := []struct {
		raw, want, wantErr string
	}{
		{raw: "https://mps.jdcloud-api.com", want: "https://mps.jdcloud-api.com"},
		{raw: "https://mps.jdcloud-api.com/v1/", want: "https://mps.jdcloud-api.com"},
		{raw: "http://127.0.0.1:8080/base/", want: "http://127.0.0.1:8080/base"},
		{raw: "mps.jdcloud-api.com", wantErr: "must start with https://"},
		{raw: "ftp://host", wantErr: "must start with https://"},
		{raw: "https://", wantErr: "has no host"},
		{raw: "https://host/?a=b", wantErr: "query"},
		{raw: "https://user:pw@host", wantErr: "credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			u, err := ParseEndpoint(tt.raw)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || u.String() != tt.want {
				t.Fatalf("got %v, %v; want %s", u, err, tt.want)
			}
		})
	}
}

func TestCredentialsNeverPrintSecrets(t *testing.T) {
	c := Credentials{AccessKey: "AKIDEXAMPLE123", SecretKey: "supersecretvalue", SecurityToken: "tokenvalue"}
	for _, s := range []string{c.String(), c.GoString()} {
		if strings.Contains(s, "supersecretvalue") || strings.Contains(s, "tokenvalue") || strings.Contains(s, "AKIDEXAMPLE123") {
			t.Errorf("credentials printed a secret: %s", s)
		}
	}
}

func TestClientDecodesResultInPlace(t *testing.T) {
	server := newRecordingServer(t, 200, nil, `{"requestId":"req-ok","result":{"taskID":"t1","count":3}}`)
	client := newTestClient(t, server.URL)
	var out struct {
		TaskID string `json:"taskID"`
		Count  int    `json:"count"`
	}
	if err := client.Do(context.Background(), Request{Method: "GET", Service: "mps", Region: "r", PathSegments: []string{"x"}}, &out); err != nil {
		t.Fatal(err)
	}
	if out.TaskID != "t1" || out.Count != 3 {
		t.Errorf("decoded %+v", out)
	}

	server = newRecordingServer(t, 200, nil, `{"requestId":"req-bad","result":{"taskID":42}}`)
	client = newTestClient(t, server.URL)
	err := client.Do(context.Background(), Request{Method: "GET", Service: "mps", Region: "r", PathSegments: []string{"x"}}, &out)
	var apiErr *APIError
	if err == nil || errors.As(err, &apiErr) || !strings.Contains(err.Error(), "decoding result (request id: req-bad)") {
		t.Errorf("a result of the wrong shape gave %v, want a decoding error naming the request id", err)
	}
}
