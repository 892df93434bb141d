package fakemps

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/time/rate"
)

// Fault is one scripted misbehaviour for requests about a task. Faults
// queued for a task are used one per request, in order; a Sticky fault
// stays and answers every later request too.
type Fault struct {
	// Status is the HTTP status to answer with; 0 answers normally after Delay.
	Status int `json:"status,omitempty"`
	// ErrorStatus and Message fill JD Cloud's error envelope.
	ErrorStatus string `json:"error_status,omitempty"`
	Message     string `json:"message,omitempty"`
	// RetryAfter is sent as the Retry-After header when set.
	RetryAfter string `json:"retry_after,omitempty"`
	// RawBody replaces the envelope with this body (HTML from a proxy, say).
	RawBody     string `json:"raw_body,omitempty"`
	ContentType string `json:"content_type,omitempty"`
	// Delay holds the answer back this long (or until the client gives up).
	Delay Duration `json:"delay,omitempty"`
	// Drop closes the connection without answering.
	Drop   bool `json:"drop,omitempty"`
	Sticky bool `json:"sticky,omitempty"`
}

// Duration is a time.Duration written as "1.5s" in seed files.
type Duration time.Duration

// UnmarshalJSON accepts "1.5s" or a number of nanoseconds.
func (d *Duration) UnmarshalJSON(raw []byte) error {
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		var nanos int64
		if err := json.Unmarshal(raw, &nanos); err != nil {
			return fmt.Errorf("duration must be a string such as \"1.5s\": %w", err)
		}
		*d = Duration(nanos)
		return nil
	}
	parsed, err := time.ParseDuration(text)
	if err != nil {
		return err
	}
	*d = Duration(parsed)
	return nil
}

// MarshalJSON writes the duration as "1.5s".
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

// InjectFaults queues faults for requests about taskID (in any region).
func (s *Server) InjectFaults(taskID string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[taskID] = append(s.faults[taskID], faults...)
}

// SetRateLimit makes the fake answer 429 RATE_LIMIT_EXCEEDED above
// perSecond requests per second (burst at once); 0 removes the limit.
func (s *Server) SetRateLimit(perSecond float64, burst int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if perSecond <= 0 {
		s.limiter = nil
		return
	}
	s.limiter = rate.NewLimiter(rate.Limit(perSecond), max(burst, 1))
}

// nextFault takes the fault for this request about taskID, if any.
func (s *Server) nextFault(taskID string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	queue := s.faults[taskID]
	if len(queue) == 0 {
		return Fault{}, false
	}
	fault := queue[0]
	if !fault.Sticky {
		s.faults[taskID] = queue[1:]
	}
	return fault, true
}

// applyFault plays the next fault for taskID and reports whether it
// answered the request (false: serve it normally).
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, taskID string) bool {
	fault, ok := s.nextFault(taskID)
	if !ok {
		return false
	}
	if fault.Delay > 0 {
		select {
		case <-time.After(time.Duration(fault.Delay)):
		case <-r.Context().Done():
			return true
		}
	}
	if fault.Drop {
		dropConnection(w)
		return true
	}
	if fault.RetryAfter != "" {
		w.Header().Set("Retry-After", fault.RetryAfter)
	}
	switch {
	case fault.RawBody != "":
		contentType := fault.ContentType
		if contentType == "" {
			contentType = "text/html; charset=utf-8"
		}
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(orStatus(fault.Status, http.StatusOK))
		_, _ = w.Write([]byte(fault.RawBody))
	case fault.Status != 0:
		writeError(w, r, fault.Status, fault.ErrorStatus, fault.Message)
	default:
		return false
	}
	return true
}

// dropConnection closes the TCP connection under a request without a byte of answer.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // the server closes the connection without logging
	}
	_ = conn.Close()
}

// rateLimit answers 429 above the global rate limit, as the gateway does.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		limiter := s.limiter
		s.mu.Unlock()
		if limiter != nil {
			if reservation := limiter.Reserve(); reservation.Delay() > 0 {
				reservation.Cancel()
				w.Header().Set("Retry-After", strconv.Itoa(1))
				writeError(w, r, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "request rate limit exceeded")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func orStatus(status, fallback int) int {
	if status == 0 {
		return fallback
	}
	return status
}
