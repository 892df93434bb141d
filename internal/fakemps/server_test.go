package fakemps

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

const (
	testAccessKey = "FAKEUNITACCESSKEY"
	testSecretKey = "fake-unit-secret"
)

func startTestFake(t *testing.T) *Server {
	t.Helper()
	status := "SUCCESS"
	fake, err := New(Seed{
		Credentials: []SeedCredential{{AccessKey: testAccessKey, SecretKey: testSecretKey}},
		Tasks: []SeedTask{
			{Region: "cn-north-1", Shape: ShapeNested, Task: mps.ThumbnailTask{TaskID: "nested", Status: &status}},
			{Region: "cn-north-1", Shape: ShapeFlat, Task: mps.ThumbnailTask{TaskID: "flat", Status: &status}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := fake.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = fake.Close() })
	return fake
}

// clientFor builds an MPS client; opts adjust the signing clock, nonce or keys.
func clientFor(t *testing.T, fake *Server, cfg jdcloud.Config) *mps.Client {
	t.Helper()
	if cfg.Credentials == (jdcloud.Credentials{}) {
		cfg.Credentials = jdcloud.Credentials{AccessKey: testAccessKey, SecretKey: testSecretKey}
	}
	cfg.Endpoints = map[string]string{mps.ServiceName: fake.URL()}
	api, err := jdcloud.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return mps.New(api)
}

func TestFakeServesBothShapes(t *testing.T) {
	fake := startTestFake(t)
	client := clientFor(t, fake, jdcloud.Config{})
	for _, id := range []string{"nested", "flat"} {
		task, err := client.GetThumbnailTask(context.Background(), "cn-north-1", id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if task.TaskID != id || *task.Status != "SUCCESS" {
			t.Errorf("%s: got %+v", id, task)
		}
	}
}

func TestFakeRejects(t *testing.T) {
	fixedNonce := func() string { return "the-same-nonce" }
	tests := []struct {
		name       string
		cfg        jdcloud.Config
		region     string
		taskID     string
		calls      int // the last call is checked
		wantStatus int
		wantJD     string
	}{
		{name: "unknown task", taskID: "missing", wantStatus: 404, wantJD: "NOT_FOUND"},
		{name: "task in another region", region: "cn-east-2", taskID: "nested", wantStatus: 404, wantJD: "NOT_FOUND"},
		{name: "wrong secret", cfg: jdcloud.Config{Credentials: jdcloud.Credentials{AccessKey: testAccessKey, SecretKey: "wrong"}}, wantStatus: 401, wantJD: "APIGW_SIGN_RESULT_NOT_SAME"},
		{name: "unknown access key", cfg: jdcloud.Config{Credentials: jdcloud.Credentials{AccessKey: "OTHER", SecretKey: testSecretKey}}, wantStatus: 401, wantJD: "UNAUTHENTICATED"},
		{name: "reused nonce", cfg: jdcloud.Config{NewNonce: fixedNonce}, calls: 2, wantStatus: 403, wantJD: "APIGW_NONCE_CONFLICT"},
		{name: "date 16 minutes slow", cfg: jdcloud.Config{Now: func() time.Time { return time.Now().Add(-16 * time.Minute) }}, wantStatus: 401, wantJD: "UNAUTHENTICATED"},
		{name: "date 16 minutes fast", cfg: jdcloud.Config{Now: func() time.Time { return time.Now().Add(16 * time.Minute) }}, wantStatus: 401, wantJD: "UNAUTHENTICATED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := startTestFake(t)
			client := clientFor(t, fake, tt.cfg)
			region, taskID := tt.region, tt.taskID
			if region == "" {
				region = "cn-north-1"
			}
			if taskID == "" {
				taskID = "nested"
			}
			var err error
			for range max(tt.calls, 1) {
				_, err = client.GetThumbnailTask(context.Background(), region, taskID)
			}
			var apiErr *jdcloud.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v is not an API error", err)
			}
			if apiErr.HTTPStatus != tt.wantStatus || apiErr.Status != tt.wantJD || apiErr.Code != tt.wantStatus || apiErr.RequestID == "" {
				t.Errorf("got %+v, want HTTP %d %s with a request id", apiErr, tt.wantStatus, tt.wantJD)
			}
		})
	}
}

func TestFakeAcceptsSkewWithinLimit(t *testing.T) {
	fake := startTestFake(t)
	client := clientFor(t, fake, jdcloud.Config{Now: func() time.Time { return time.Now().Add(-14 * time.Minute) }})
	if _, err := client.GetThumbnailTask(context.Background(), "cn-north-1", "nested"); err != nil {
		t.Fatal(err)
	}
}

// A signature scoped to one region cannot be replayed against another region's path.
func TestFakeRejectsScopeRegionMismatch(t *testing.T) {
	fake := startTestFake(t)
	req := httptest.NewRequest(http.MethodGet, fake.URL()+"/v1/regions/cn-north-1/thumbnail/nested", nil)
	req.Header.Set(jdcloud.HeaderDate, time.Now().UTC().Format(jdcloud.DateFormat))
	req.Header.Set(jdcloud.HeaderNonce, "n-1")
	sig, err := jdcloud.Sign(jdcloud.SigningInput{Method: "GET", Host: req.Host, URL: req.URL, Header: req.Header, Region: "cn-east-2", Service: "mps"}, testAccessKey, testSecretKey)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(jdcloud.HeaderAuthorization, sig.Authorization)
	rec := httptest.NewRecorder()
	fake.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestFakeRecordsRequests(t *testing.T) {
	fake := startTestFake(t)
	client := clientFor(t, fake, jdcloud.Config{UserAgent: "ua-test"})
	_, _ = client.GetThumbnailTask(context.Background(), "cn-north-1", "a/b")
	reqs := fake.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v1/regions/cn-north-1/thumbnail/a%2Fb" || reqs[0].Status != 404 || reqs[0].UserAgent != "ua-test" || reqs[0].Nonce == "" {
		t.Fatalf("recorded %+v", reqs)
	}
}

func TestStartRefusesNonLoopback(t *testing.T) {
	fake, err := New(Seed{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fake.Start("0.0.0.0:0"); err == nil {
		_ = fake.Close()
		t.Fatal("listened on all interfaces")
	}
}

func TestDefaultSeedLoads(t *testing.T) {
	seed, err := DefaultSeed()
	if err != nil {
		t.Fatal(err)
	}
	if len(seed.Credentials) == 0 || len(seed.Tasks) < 3 {
		t.Fatalf("default seed = %+v", seed)
	}
	if _, err := New(seed); err != nil {
		t.Fatal(err)
	}
}
