package fakemps

import (
	"bytes"
	"crypto/hmac"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud"
)

// headersEverySignatureCovers are required in SignedHeaders, as at the gateway.
var headersEverySignatureCovers = []string{"host", "x-jdcloud-date", "x-jdcloud-nonce"}

// authenticate checks the JDCLOUD2-HMAC-SHA256 signature, the date and the
// nonce before any route sees the request.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.skipSignatureChecks.Load() {
			next.ServeHTTP(w, r)
			return
		}
		status, jdStatus, message := s.verify(r)
		if status != 0 {
			writeError(w, r, status, jdStatus, message)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// verify returns a zero status when the request may pass, else the error to answer with.
func (s *Server) verify(r *http.Request) (status int, jdStatus, message string) {
	auth, err := jdcloud.ParseAuthorization(r.Header.Get(jdcloud.HeaderAuthorization))
	if err != nil {
		return http.StatusUnauthorized, "UNAUTHENTICATED", err.Error()
	}
	for _, name := range headersEverySignatureCovers {
		if !slices.Contains(auth.SignedHeaders, name) {
			return http.StatusUnauthorized, "UNAUTHENTICATED", fmt.Sprintf("SignedHeaders must include %s", name)
		}
	}
	s.mu.Lock()
	credential, known := s.credentials[auth.AccessKey]
	s.mu.Unlock()
	if !known {
		return http.StatusUnauthorized, "UNAUTHENTICATED", "the access key is not known"
	}
	if credential.SecurityToken != "" && !hasSignedToken(r, auth, credential.SecurityToken) {
		return http.StatusUnauthorized, "UNAUTHENTICATED", "temporary credentials need their security token, signed, in x-jdcloud-security-token"
	}

	dateValue := r.Header.Get(jdcloud.HeaderDate)
	date, err := time.Parse(jdcloud.DateFormat, dateValue)
	if err != nil {
		return http.StatusUnauthorized, "UNAUTHENTICATED", fmt.Sprintf("x-jdcloud-date %q is not yyyymmddThhmmssZ", dateValue)
	}
	now := s.now()
	if skew := now.Sub(date); skew > MaxClockSkew || skew < -MaxClockSkew {
		return http.StatusUnauthorized, "UNAUTHENTICATED",
			fmt.Sprintf("x-jdcloud-date %s is more than %s away from the server time %s; check the clock", dateValue, MaxClockSkew, now.UTC().Format(jdcloud.DateFormat))
	}

	body, err := io.ReadAll(r.Body)
	if err != nil {
		return http.StatusBadRequest, "INVALID_ARGUMENT", "unreadable body"
	}
	r.Body = io.NopCloser(bytes.NewReader(body))

	expected, err := jdcloud.Sign(jdcloud.SigningInput{
		Method:        r.Method,
		Host:          r.Host,
		URL:           r.URL,
		Header:        r.Header,
		BodyHash:      jdcloud.HashBody(body),
		Region:        auth.Region,
		Service:       auth.Service,
		SignedHeaders: auth.SignedHeaders,
	}, auth.AccessKey, credential.SecretKey)
	if err != nil || expected.Scope[:8] != auth.Date || !hmac.Equal([]byte(expected.Signature), []byte(auth.Signature)) {
		return http.StatusUnauthorized, "APIGW_SIGN_RESULT_NOT_SAME", "the request signature we calculated does not match the signature you provided"
	}
	if pathRegion := regionInPath(r.URL.EscapedPath()); pathRegion != "" && pathRegion != auth.Region {
		return http.StatusUnauthorized, "UNAUTHENTICATED", fmt.Sprintf("the signature is scoped to region %s but the request is for %s", auth.Region, pathRegion)
	}

	if !s.useNonce(r.Header.Get(jdcloud.HeaderNonce), now) {
		return http.StatusForbidden, "APIGW_NONCE_CONFLICT", "the nonce has been used before"
	}
	return 0, "", ""
}

// useNonce records a nonce and reports whether it was fresh. Nonces are
// forgotten once their date could no longer pass the clock check.
func (s *Server) useNonce(nonce string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.Sub(s.lastNonceSweep) > time.Minute {
		for seen, at := range s.nonces {
			if now.Sub(at) > 2*MaxClockSkew {
				delete(s.nonces, seen)
			}
		}
		s.lastNonceSweep = now
	}
	if _, seen := s.nonces[nonce]; seen || nonce == "" {
		return false
	}
	s.nonces[nonce] = now
	return true
}

// regionInPath returns the {regionId} of a /v1/regions/{regionId}/... path.
func regionInPath(escapedPath string) string {
	segments := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	if len(segments) < 3 || segments[0] != jdcloud.APIVersion || segments[1] != "regions" {
		return ""
	}
	region, err := url.PathUnescape(segments[2])
	if err != nil {
		return segments[2]
	}
	return region
}

func hasSignedToken(r *http.Request, auth jdcloud.Authorization, token string) bool {
	sent, err := base64.StdEncoding.DecodeString(r.Header.Get(jdcloud.HeaderSecurityToken))
	return err == nil && string(sent) == token && slices.Contains(auth.SignedHeaders, "x-jdcloud-security-token")
}
