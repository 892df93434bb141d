// Package fakemps is an in-memory stand-in for JD Cloud's MPS API, served
// over real HTTP on loopback. It verifies JDCLOUD2-HMAC-SHA256 signatures
// with the provider's own signer, rejects reused nonces and stale dates, and
// answers with JD Cloud's response and error envelopes. Tests and the demo
// run against it.
package fakemps

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"golang.org/x/time/rate"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// Shape is how getThumbnailTask nests the task in its result.
type Shape string

// Response shapes seen in JD Cloud's public sources.
const (
	// ShapeNested is the API reference's result.thumbnailTask.
	ShapeNested Shape = "nested"
	// ShapeFlat is the SDK models' task fields directly under result.
	ShapeFlat Shape = "flat"
)

// MaxClockSkew is how far x-jdcloud-date may be from the server's clock.
const MaxClockSkew = 15 * time.Minute

// Server is the fake MPS API.
type Server struct {
	mu          sync.Mutex
	credentials map[string]SeedCredential // by access key
	tasks       map[taskKey]storedTask
	nonces      map[string]time.Time
	// lastNonceSweep is when expired nonces were last forgotten.
	lastNonceSweep time.Time
	requests       []RecordedRequest
	faults         map[string][]Fault // by task id
	limiter        *rate.Limiter      // nil: no rate limit
	listPageCap    int
	create         CreateBehaviour

	now     func() time.Time
	handler http.Handler

	httpServer *http.Server
	listener   net.Listener
	// connections counts the TCP connections accepted, to check reuse.
	connections atomic.Int64
	// skipSignatureChecks lets unsigned requests in (benchmark baselines only).
	skipSignatureChecks atomic.Bool
}

// Connections is how many TCP connections the started fake has accepted.
func (s *Server) Connections() int64 { return s.connections.Load() }

// SkipSignatureChecks lets requests in without checking their signature,
// date or nonce, so that a plain HTTP client can serve as a benchmark
// baseline against the same server. Tests never use it.
func (s *Server) SkipSignatureChecks() { s.skipSignatureChecks.Store(true) }

type taskKey struct{ region, id string }

// RecordedRequest is what the fake saw of one request, for assertions.
type RecordedRequest struct {
	Method    string
	Path      string // escaped, as sent
	Query     string
	Nonce     string
	UserAgent string
	Status    int // the HTTP status the fake answered with; 0 when it dropped the connection
	At        time.Time
}

// New returns a fake holding the seed's credentials and tasks.
func New(seed Seed) (*Server, error) {
	s := &Server{
		credentials: map[string]SeedCredential{},
		tasks:       map[taskKey]storedTask{},
		nonces:      map[string]time.Time{},
		faults:      map[string][]Fault{},
		listPageCap: mps.MaxListPageSize,
		create:      CreateBehaviour{RunFor: Duration(2 * time.Second)},
		now:         time.Now,
	}
	for _, c := range seed.Credentials {
		s.AddTemporaryCredential(c.AccessKey, c.SecretKey, c.SecurityToken)
	}
	for i, t := range seed.Tasks {
		if err := s.PutTask(t.Region, t.Shape, t.Task, t.Timeline...); err != nil {
			return nil, fmt.Errorf("seed task %d: %w", i, err)
		}
		s.InjectFaults(t.Task.TaskID, t.Faults...)
	}
	if seed.RateLimit != nil {
		s.SetRateLimit(seed.RateLimit.PerSecond, seed.RateLimit.Burst)
	}
	// Signatures are checked first, as at the gateway, so every attempt of
	// a retried request must be freshly signed to reach a fault or a task.
	s.handler = s.record(s.authenticate(s.rateLimit(s.routes())))
	return s, nil
}

// AddCredential lets requests signed with this key pair in.
func (s *Server) AddCredential(accessKey, secretKey string) {
	s.AddTemporaryCredential(accessKey, secretKey, "")
}

// AddTemporaryCredential lets requests in that are signed with this key pair
// and carry this security token (as the SDKs send it, base64-encoded and signed).
func (s *Server) AddTemporaryCredential(accessKey, secretKey, securityToken string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.credentials[accessKey] = SeedCredential{AccessKey: accessKey, SecretKey: secretKey, SecurityToken: securityToken}
}

// Requests returns every request the fake has seen, in order.
func (s *Server) Requests() []RecordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]RecordedRequest(nil), s.requests...)
}

// Handler serves the fake API; Start serves it on loopback.
func (s *Server) Handler() http.Handler { return s.handler }

// Start listens on addr, which must be a loopback address ("127.0.0.1:0"
// picks a free port), and serves in the background.
func (s *Server) Start(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("listen address %q is not on loopback; the fake only serves this machine", addr)
	}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	s.listener = listener
	s.httpServer = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ConnState: func(_ net.Conn, state http.ConnState) {
			if state == http.StateNew {
				s.connections.Add(1)
			}
		},
	}
	go func() { _ = s.httpServer.Serve(listener) }()
	return nil
}

// URL is the base URL of a started fake, e.g. http://127.0.0.1:38211.
func (s *Server) URL() string {
	return "http://" + s.listener.Addr().String()
}

// Close stops a started fake and its open connections.
func (s *Server) Close() error {
	if s.httpServer == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.httpServer.Shutdown(ctx)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/regions/{regionId}/thumbnail/{taskId}", s.getThumbnailTask)
	mux.HandleFunc("GET /v1/regions/{regionId}/thumbnail", s.listThumbnailTasks)
	mux.HandleFunc("POST /v1/regions/{regionId}/thumbnail", s.createThumbnailTask)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, "NOT_FOUND", fmt.Sprintf("no API at %s %s", r.Method, r.URL.EscapedPath()))
	})
	return mux
}

// requestIDKey carries the request id the fake gives each request.
type requestIDKey struct{}

func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

func writeResult(w http.ResponseWriter, r *http.Request, result any) {
	writeJSON(w, r, http.StatusOK, map[string]any{"requestId": requestID(r), "result": result})
}

// writeError answers with JD Cloud's error envelope.
func writeError(w http.ResponseWriter, r *http.Request, status int, jdStatus, message string) {
	writeJSON(w, r, status, map[string]any{
		"requestId": requestID(r),
		"error":     map[string]any{"code": status, "status": jdStatus, "message": message},
	})
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Jdcloud-Request-Id", requestID(r))
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// statusRecorder remembers the status a handler wrote (0: none, the connection was dropped).
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection, to drop it.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// record gives each request an id and logs it once answered.
func (s *Server) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, "fake-"+uuid.NewString()))
		rec := &statusRecorder{ResponseWriter: w}
		arrived := time.Now()
		defer func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.requests = append(s.requests, RecordedRequest{
				Method:    r.Method,
				Path:      r.URL.EscapedPath(),
				Query:     r.URL.RawQuery,
				Nonce:     r.Header.Get("X-Jdcloud-Nonce"),
				UserAgent: r.UserAgent(),
				Status:    rec.status,
				At:        arrived,
			})
		}()
		next.ServeHTTP(rec, r)
	})
}
