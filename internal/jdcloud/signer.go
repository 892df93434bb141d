package jdcloud

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Names and formats of the JDCLOUD2-HMAC-SHA256 signature.
const (
	SigningAlgorithm = "JDCLOUD2-HMAC-SHA256"

	HeaderAuthorization = "Authorization"
	HeaderDate          = "X-Jdcloud-Date"
	HeaderNonce         = "X-Jdcloud-Nonce"
	HeaderSecurityToken = "X-Jdcloud-Security-Token" //nolint:gosec // a header name, not a token
	HeaderRequestID     = "X-Jdcloud-Request-Id"

	// DateFormat is the layout of the x-jdcloud-date header.
	DateFormat = "20060102T150405Z"

	scopeDateFormat = "20060102"
	scopeTerminator = "jdcloud2_request"
	secretKeyPrefix = "JDCLOUD2"
)

// emptyBodySHA256 is the hex SHA-256 of an empty payload, used by every GET.
const emptyBodySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// unsignedHeaders are never part of the signature, as in the official signers.
var unsignedHeaders = map[string]bool{
	"authorization":        true,
	"user-agent":           true,
	"x-jdcloud-request-id": true,
}

// Signature is every intermediate product of signing one request, kept so
// that tests and the fake service can compare each step.
type Signature struct {
	CanonicalRequest string
	StringToSign     string
	SignedHeaders    string
	Scope            string
	Signature        string
	Authorization    string
}

// SigningInput is what a signature covers. Header must already hold
// x-jdcloud-date and x-jdcloud-nonce; Host is the host[:port] as sent.
type SigningInput struct {
	Method   string
	Host     string
	URL      *url.URL
	Header   http.Header
	BodyHash string // lower-case hex SHA-256 of the body; empty means no body
	Region   string
	Service  string
	// SignedHeaders, when set, restricts signing to these lower-case names
	// (the server side uses the list from the Authorization header).
	SignedHeaders []string
}

// Sign computes the JDCLOUD2-HMAC-SHA256 signature of in with the given keys.
func Sign(in SigningInput, accessKey, secretKey string) (Signature, error) {
	return sign(in, accessKey, func(day string) []byte { return signingKey(secretKey, day, in.Region, in.Service) })
}

// sign computes the signature with the signing key keyFor returns for the
// request's day, so that a caller may cache keys.
func sign(in SigningInput, accessKey string, keyFor func(day string) []byte) (Signature, error) {
	dateValue := in.Header.Get(HeaderDate)
	date, err := time.Parse(DateFormat, dateValue)
	if err != nil {
		return Signature{}, fmt.Errorf("parsing %s header %q: %w", strings.ToLower(HeaderDate), dateValue, err)
	}
	headers := headersToSign(in.Host, in.Header, in.SignedHeaders)
	canonicalHeaders, signedHeaders := canonicalizeHeaders(headers)

	bodyHash := in.BodyHash
	if bodyHash == "" {
		bodyHash = emptyBodySHA256
	}
	canonicalRequest := strings.Join([]string{
		in.Method,
		CanonicalPath(in.URL),
		CanonicalQuery(in.URL.RawQuery),
		canonicalHeaders,
		signedHeaders,
		bodyHash,
	}, "\n")

	scope := strings.Join([]string{date.Format(scopeDateFormat), in.Region, in.Service, scopeTerminator}, "/")
	stringToSign := strings.Join([]string{SigningAlgorithm, dateValue, scope, hexSHA256([]byte(canonicalRequest))}, "\n")

	signature := hex.EncodeToString(hmacSHA256(keyFor(date.Format(scopeDateFormat)), stringToSign))

	return Signature{
		CanonicalRequest: canonicalRequest,
		StringToSign:     stringToSign,
		SignedHeaders:    signedHeaders,
		Scope:            scope,
		Signature:        signature,
		Authorization: SigningAlgorithm + " Credential=" + accessKey + "/" + scope +
			", SignedHeaders=" + signedHeaders + ", Signature=" + signature,
	}, nil
}

// HashBody returns the lower-case hex SHA-256 of a request body.
func HashBody(body []byte) string {
	if len(body) == 0 {
		return emptyBodySHA256
	}
	return hexSHA256(body)
}

func signingKey(secretKey, day, region, service string) []byte {
	kDate := hmacSHA256([]byte(secretKeyPrefix+secretKey), day)
	kRegion := hmacSHA256(kDate, region)
	kService := hmacSHA256(kRegion, service)
	return hmacSHA256(kService, scopeTerminator)
}

// signedHeader is one header of the signature: lower-case name, values as sent.
type signedHeader struct {
	name   string
	values []string
}

// headersToSign lists the headers a signature covers, sorted by name: the
// given names (as the server reads them from the Authorization header), or
// host and every header but the unsigned ones (as the client signs).
func headersToSign(host string, header http.Header, names []string) []signedHeader {
	headers := make([]signedHeader, 0, len(header)+1)
	if names != nil {
		for _, name := range names {
			if name == "host" {
				headers = append(headers, signedHeader{name, []string{host}})
			} else {
				headers = append(headers, signedHeader{name, header.Values(name)})
			}
		}
	} else {
		headers = append(headers, signedHeader{"host", []string{host}})
		for name, values := range header {
			lower := strings.ToLower(name)
			if !unsignedHeaders[lower] && lower != "host" {
				headers = append(headers, signedHeader{lower, values})
			}
		}
	}
	sort.Slice(headers, func(i, j int) bool { return headers[i].name < headers[j].name })
	return headers
}

// canonicalizeHeaders returns the canonical header block (each line ending in
// "\n", as the canonical request's blank line follows it) and the signed list.
func canonicalizeHeaders(headers []signedHeader) (block, signed string) {
	var b, list strings.Builder
	b.Grow(256)
	list.Grow(64)
	for i, h := range headers {
		b.WriteString(h.name)
		b.WriteByte(':')
		for j, value := range h.values {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(foldSpaces(value))
		}
		b.WriteByte('\n')
		if i > 0 {
			list.WriteByte(';')
		}
		list.WriteString(h.name)
	}
	return b.String(), list.String()
}

// foldSpaces trims a header value and folds inner runs of spaces to one.
func foldSpaces(value string) string {
	if !needsFolding(value) {
		return value
	}
	return strings.Join(strings.Fields(value), " ")
}

// needsFolding reports whether value has outer white space or an inner
// run of it, which is rare, so that the common case allocates nothing.
func needsFolding(value string) bool {
	previousSpace := true // a leading space needs trimming
	for i := 0; i < len(value); i++ {
		c := value[i]
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80
		if space && previousSpace {
			return true
		}
		previousSpace = space
	}
	return previousSpace && len(value) > 0
}

// CanonicalPath is the request path exactly as sent on the wire.
func CanonicalPath(u *url.URL) string {
	path := u.EscapedPath()
	if path == "" {
		return "/"
	}
	return path
}

// CanonicalQuery re-encodes a raw query string with keys sorted and every
// key and value escaped byte-wise (spaces as %20).
func CanonicalQuery(rawQuery string) string {
	if rawQuery == "" {
		return ""
	}
	type pair struct{ key, value string }
	var pairs []pair
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		pairs = append(pairs, pair{EscapeSegment(unescapeQueryPart(key)), EscapeSegment(unescapeQueryPart(value))})
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].key != pairs[j].key {
			return pairs[i].key < pairs[j].key
		}
		return pairs[i].value < pairs[j].value
	})
	encoded := make([]string, len(pairs))
	for i, p := range pairs {
		encoded[i] = p.key + "=" + p.value
	}
	return strings.Join(encoded, "&")
}

func unescapeQueryPart(s string) string {
	unescaped, err := url.QueryUnescape(s)
	if err != nil {
		return s
	}
	return unescaped
}

// EncodeQuery is the query string the client sends; it is already canonical,
// so the URL and the signature carry the same string.
func EncodeQuery(values url.Values) string {
	if len(values) == 0 {
		return ""
	}
	var parts []string
	for key, vs := range values {
		for _, v := range vs {
			parts = append(parts, url.QueryEscape(key)+"="+url.QueryEscape(v))
		}
	}
	return CanonicalQuery(strings.Join(parts, "&"))
}

// EscapeSegment escapes one path segment or query component byte-wise: only
// A-Z a-z 0-9 - . _ ~ stay as they are, everything else becomes %XX.
func EscapeSegment(s string) string {
	const upperHex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&0x0f])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func hmacSHA256(key []byte, data string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(data))
	return mac.Sum(nil)
}

func hexSHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
