package mps_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

const (
	accessKey = "FAKEMPSTESTKEY"
	secretKey = "fake-mps-test-secret"
)

func newFake(t *testing.T, taskIDs ...string) *fakemps.Server {
	t.Helper()
	status := "SUCCESS"
	seed := fakemps.Seed{Credentials: []fakemps.SeedCredential{{AccessKey: accessKey, SecretKey: secretKey}}}
	for _, id := range taskIDs {
		seed.Tasks = append(seed.Tasks, fakemps.SeedTask{Region: "cn-north-1", Task: mps.ThumbnailTask{TaskID: id, Status: &status}})
	}
	fake, err := fakemps.New(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := fake.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = fake.Close() })
	return fake
}

func newClient(t *testing.T, endpoint string, cfg jdcloud.Config) *mps.Client {
	t.Helper()
	cfg.Credentials = jdcloud.Credentials{AccessKey: accessKey, SecretKey: secretKey}
	cfg.Endpoints = map[string]string{mps.ServiceName: endpoint}
	api, err := jdcloud.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return mps.New(api)
}

// 200 concurrent reads through one client against a fake that allows 50
// requests per second: the 429s it answers are absorbed by the retries.
func TestConcurrentReadsSurviveServerRateLimit(t *testing.T) {
	const reads = 200
	var ids []string // one task per read: reads of one task would share a call
	for i := range reads {
		ids = append(ids, fmt.Sprintf("task-%03d", i))
	}
	fake := newFake(t, ids...)
	fake.SetRateLimit(50, 50)
	client := newClient(t, fake.URL(), jdcloud.Config{MaxRetries: 8, RequestsPerSecond: 0})

	var wg sync.WaitGroup
	errs := make(chan error, reads)
	for i := range reads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := ids[i]
			task, err := client.GetThumbnailTask(context.Background(), "cn-north-1", id)
			if err == nil && task.TaskID != id {
				err = fmt.Errorf("asked for %s, got %s", id, task.TaskID)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	throttled := 0
	for _, r := range fake.Requests() {
		if r.Status == 429 {
			throttled++
		}
	}
	if throttled == 0 {
		t.Error("the fake never throttled: the test did not exercise the retries")
	}
	t.Logf("%d reads succeeded; the fake answered 429 %d times", reads, throttled)
}

// The client-side limit keeps the same load under the server's limit, so
// the server never has to throttle.
func TestClientRateLimitAvoidsThrottling(t *testing.T) {
	const reads = 60
	var ids []string
	for i := range reads {
		ids = append(ids, fmt.Sprintf("t-%02d", i))
	}
	fake := newFake(t, ids...)
	fake.SetRateLimit(50, 10)
	client := newClient(t, fake.URL(), jdcloud.Config{MaxRetries: 0, RequestsPerSecond: 40})
	var wg sync.WaitGroup
	errs := make(chan error, reads)
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := client.GetThumbnailTask(context.Background(), "cn-north-1", id)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a read failed although the client stayed under the limit: %v", err)
		}
	}
	if n := len(fake.Requests()); n != reads {
		t.Errorf("the fake saw %d requests, want %d", n, reads)
	}
}

// hungEndpoint accepts connections and never answers.
func hungEndpoint(t *testing.T) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			conn, err := listener.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, conn)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = listener.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return "http://" + listener.Addr().String()
}

// With the default request timeout, an endpoint that never answers fails a
// read within the documented bounds: 30 s with max_retries = 2, about a
// minute with the default retries.
func TestDeadEndpointFailsWithinBound(t *testing.T) {
	tests := []struct {
		maxRetries int
		bound      time.Duration
		slow       bool
	}{
		{maxRetries: 2, bound: 30 * time.Second},
		{maxRetries: jdcloud.DefaultMaxRetries, bound: 65 * time.Second, slow: true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("max_retries=%d", tt.maxRetries), func(t *testing.T) {
			if tt.slow && os.Getenv("JDCLOUD_TEST_SLOW") == "" {
				t.Skipf("takes about a minute; set JDCLOUD_TEST_SLOW=1 to run it")
			}
			t.Parallel()
			client := newClient(t, hungEndpoint(t), jdcloud.Config{MaxRetries: tt.maxRetries})
			start := time.Now()
			_, err := client.GetThumbnailTask(context.Background(), "cn-north-1", "t")
			elapsed := time.Since(start)
			var transportErr *jdcloud.TransportError
			if !errors.As(err, &transportErr) || !transportErr.TimedOut || transportErr.Attempts != tt.maxRetries+1 {
				t.Fatalf("error = %#v, want a timed-out TransportError after %d attempts", err, tt.maxRetries+1)
			}
			if elapsed > tt.bound {
				t.Errorf("gave up after %s, want within %s", elapsed, tt.bound)
			}
			t.Logf("max_retries=%d: gave up after %d attempts in %s", tt.maxRetries, transportErr.Attempts, elapsed.Round(100*time.Millisecond))
		})
	}
}

// A read never outlives its context, even in the middle of backoff.
func TestReadStopsAtContextDeadline(t *testing.T) {
	fake := newFake(t, "t")
	fake.InjectFaults("t", fakemps.Fault{Status: 503, ErrorStatus: "UNAVAILABLE", RetryAfter: "20", Sticky: true})
	client := newClient(t, fake.URL(), jdcloud.Config{MaxRetries: 5})
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := client.GetThumbnailTask(ctx, "cn-north-1", "t")
	if err == nil || time.Since(start) > 5*time.Second {
		t.Fatalf("err = %v after %s; want a failure at the 500ms deadline", err, time.Since(start))
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not say the deadline passed", err)
	}
}

func TestListFollowsMarkersAcrossPages(t *testing.T) {
	fake := newFake(t)
	base := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := range 7 {
		status := []string{"SUCCESS", "ERROR"}[i%2]
		created := base.Add(time.Duration(i) * time.Hour).Format(mps.TimeFormat)
		task := mps.ThumbnailTask{TaskID: fmt.Sprintf("t%d", i), Status: &status, CreatedTime: &created}
		if err := fake.PutTask("cn-north-1", fakemps.ShapeNested, task); err != nil {
			t.Fatal(err)
		}
	}
	fake.SetListPageSize(2)
	client := newClient(t, fake.URL(), jdcloud.Config{})

	tests := []struct {
		name      string
		filter    mps.ListFilter
		limit     int
		wantIDs   string
		wantPages int
	}{
		{name: "everything", wantIDs: "t0 t1 t2 t3 t4 t5 t6", wantPages: 4},
		{name: "status filter", filter: mps.ListFilter{Status: "SUCCESS"}, wantIDs: "t0 t2 t4 t6", wantPages: 2},
		{name: "time window", filter: mps.ListFilter{Begin: base.Add(2 * time.Hour), End: base.Add(4 * time.Hour)}, wantIDs: "t2 t3 t4", wantPages: 2},
		{name: "limit stops paging", limit: 3, wantIDs: "t0 t1 t2", wantPages: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(fake.Requests())
			tasks, err := client.ListAllThumbnailTasks(context.Background(), "cn-north-1", tt.filter, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, task := range tasks {
				ids = append(ids, task.TaskID)
			}
			if got := strings.Join(ids, " "); got != tt.wantIDs {
				t.Errorf("listed %q, want %q", got, tt.wantIDs)
			}
			if pages := len(fake.Requests()) - before; pages != tt.wantPages {
				t.Errorf("read %d pages, want %d", pages, tt.wantPages)
			}
		})
	}
}

func TestCreatedTaskRunsThenSucceedsWithKeys(t *testing.T) {
	fake := newFake(t)
	fake.SetCreateBehaviour(fakemps.CreateBehaviour{RunFor: fakemps.Duration(time.Second)})
	client := newClient(t, fake.URL(), jdcloud.Config{})
	mode, count := "multi", int64(3)
	bucket, key, dest := "videos", "in/movie.mp4", "shots"
	id, err := client.CreateThumbnailTask(context.Background(), "cn-north-1", mps.CreateThumbnailTaskInput{
		Source: mps.ThumbnailSource{Bucket: &bucket, Key: &key},
		Target: mps.ThumbnailTarget{DestBucket: &dest},
		Rule:   &mps.ThumbnailRule{Mode: &mode, Count: &count},
	})
	if err != nil {
		t.Fatal(err)
	}
	task, err := client.GetThumbnailTask(context.Background(), "cn-north-1", id)
	if err != nil {
		t.Fatal(err)
	}
	if mps.PhaseOf(*task.Status) != mps.PhaseInProgress || len(task.Target.Keys) != 0 {
		t.Fatalf("a new task is %s with keys %v", *task.Status, task.Target.Keys)
	}
	if *task.Target.Format != "jpg" || *task.Target.DestKeyPrefix != key || *task.Rule.EndTimeInSecond != -1 || !*task.Rule.KeyFrame {
		t.Errorf("documented defaults not filled in: %+v %+v", *task.Target, *task.Rule)
	}
	time.Sleep(1200 * time.Millisecond)
	task, err = client.GetThumbnailTask(context.Background(), "cn-north-1", id)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{key + "-" + id + "-0001.jpg", key + "-" + id + "-0002.jpg", key + "-" + id + "-0003.jpg"}
	if *task.Status != "SUCCESS" || strings.Join(task.Target.Keys, ",") != strings.Join(want, ",") {
		t.Errorf("finished task is %s with keys %v, want SUCCESS with %v", *task.Status, task.Target.Keys, want)
	}
}

func TestCreateIsValidatedByTheFake(t *testing.T) {
	fake := newFake(t)
	client := newClient(t, fake.URL(), jdcloud.Config{MaxRetries: 3})
	bucket, key, dest := "videos", "a.mp4", "shots"
	width := int64(5)
	_, err := client.CreateThumbnailTask(context.Background(), "cn-north-1", mps.CreateThumbnailTaskInput{
		Source: mps.ThumbnailSource{Bucket: &bucket, Key: &key},
		Target: mps.ThumbnailTarget{DestBucket: &dest, WidthInPixel: &width},
	})
	var apiErr *jdcloud.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != "INVALID_ARGUMENT" || apiErr.Attempts != 1 {
		t.Fatalf("error = %v, want one INVALID_ARGUMENT attempt", err)
	}
}

// Concurrent reads of one task share a single API call.
func TestConcurrentReadsOfOneTaskShareOneCall(t *testing.T) {
	fake := newFake(t, "shared", "other")
	fake.InjectFaults("shared", fakemps.Fault{Delay: fakemps.Duration(200 * time.Millisecond), Sticky: true})
	client := newClient(t, fake.URL(), jdcloud.Config{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if task, err := client.GetThumbnailTask(context.Background(), "cn-north-1", "shared"); err != nil || task.TaskID != "shared" {
				t.Errorf("read: %v, %+v", err, task)
			}
		}()
	}
	wg.Wait()
	if n := len(fake.Requests()); n != 1 {
		t.Errorf("20 concurrent reads of one task sent %d requests, want 1", n)
	}
	// Other tasks, and later reads, are not shared.
	for _, id := range []string{"other", "shared"} {
		if _, err := client.GetThumbnailTask(context.Background(), "cn-north-1", id); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(fake.Requests()); n != 3 {
		t.Errorf("after two more reads the fake saw %d requests, want 3", n)
	}
}

// A caller whose context ends stops waiting; the others still get the answer.
func TestSharedReadRespectsEachCallersContext(t *testing.T) {
	fake := newFake(t, "slow")
	fake.InjectFaults("slow", fakemps.Fault{Delay: fakemps.Duration(500 * time.Millisecond)})
	client := newClient(t, fake.URL(), jdcloud.Config{})
	done := make(chan error, 1)
	go func() {
		_, err := client.GetThumbnailTask(context.Background(), "cn-north-1", "slow")
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := client.GetThumbnailTask(ctx, "cn-north-1", "slow"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the impatient caller got %v, want its deadline", err)
	}
	if err := <-done; err != nil {
		t.Errorf("the patient caller got %v", err)
	}
}
