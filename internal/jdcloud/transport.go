package jdcloud

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/google/uuid"
)

type scopeKey struct{}

// signingScope is the region and service a request's signature is scoped to.
type signingScope struct {
	region  string
	service string
}

// withSigningScope tells the SigningTransport how to scope the signature.
func withSigningScope(ctx context.Context, region, service string) context.Context {
	return context.WithValue(ctx, scopeKey{}, signingScope{region: region, service: service})
}

// SigningTransport signs every request it sends, with a fresh date and
// nonce each time, so that a retried request is signed anew.
type SigningTransport struct {
	Base        http.RoundTripper
	Credentials Credentials
	// Now and NewNonce may be replaced in tests.
	Now      func() time.Time
	NewNonce func() string

	keys signingKeyCache
}

// signingKeyCache keeps the derived signing key of each day, region and
// service: deriving takes four HMACs, and every request of a day reuses it.
type signingKeyCache struct {
	mu   sync.Mutex
	keys map[string][]byte
}

func (c *signingKeyCache) get(secretKey, day, region, service string) []byte {
	id := day + "/" + region + "/" + service
	c.mu.Lock()
	defer c.mu.Unlock()
	if key, ok := c.keys[id]; ok {
		return key
	}
	if c.keys == nil || len(c.keys) > 64 {
		c.keys = map[string][]byte{} // days go by; start afresh rather than grow
	}
	key := signingKey(secretKey, day, region, service)
	c.keys[id] = key
	return key
}

// RoundTrip implements http.RoundTripper.
func (t *SigningTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	scope, ok := req.Context().Value(scopeKey{}).(signingScope)
	if !ok {
		return nil, &permanentError{errors.New("jdcloud: request has no signing scope (region and service)")}
	}
	bodyHash, err := hashRequestBody(req)
	if err != nil {
		return nil, &permanentError{err}
	}

	signed := req.Clone(req.Context())
	signed.Header.Set(HeaderDate, t.now().UTC().Format(DateFormat))
	signed.Header.Set(HeaderNonce, t.newNonce())
	if t.Credentials.SecurityToken != "" {
		signed.Header.Set(HeaderSecurityToken, base64.StdEncoding.EncodeToString([]byte(t.Credentials.SecurityToken)))
	}
	signed.Header.Del(HeaderAuthorization)

	signature, err := sign(SigningInput{
		Method:   signed.Method,
		Host:     hostAsSent(signed),
		URL:      signed.URL,
		Header:   signed.Header,
		BodyHash: bodyHash,
		Region:   scope.region,
		Service:  scope.service,
	}, t.Credentials.AccessKey, func(day string) []byte {
		return t.keys.get(t.Credentials.SecretKey, day, scope.region, scope.service)
	})
	if err != nil {
		return nil, &permanentError{fmt.Errorf("signing request: %w", err)}
	}
	signed.Header.Set(HeaderAuthorization, signature.Authorization)
	return t.base().RoundTrip(signed)
}

func (t *SigningTransport) base() http.RoundTripper {
	if t.Base != nil {
		return t.Base
	}
	return http.DefaultTransport
}

func (t *SigningTransport) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

func (t *SigningTransport) newNonce() string {
	if t.NewNonce != nil {
		return t.NewNonce()
	}
	return uuid.NewString()
}

func hostAsSent(req *http.Request) string {
	if req.Host != "" {
		return req.Host
	}
	return req.URL.Host
}

// hashRequestBody hashes a copy of the body, leaving the request's own body unread.
func hashRequestBody(req *http.Request) (string, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return HashBody(nil), nil
	}
	if req.GetBody == nil {
		return "", errors.New("jdcloud: request body cannot be re-read for signing")
	}
	body, err := req.GetBody()
	if err != nil {
		return "", fmt.Errorf("reading request body for signing: %w", err)
	}
	defer body.Close()
	payload, err := io.ReadAll(body)
	if err != nil {
		return "", fmt.Errorf("reading request body for signing: %w", err)
	}
	return HashBody(payload), nil
}
