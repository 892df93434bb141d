package jdcloud

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzEscapeSegment: an escaped segment never contains a path separator or
// a character that ends the path, and unescapes to exactly the input.
func FuzzEscapeSegment(f *testing.F) {
	for _, seed := range []string{"a1b2c3", "a/b c", "..", "x?y#z", "%2F", "中文", "\x00\xff", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, segment string) {
		escaped := EscapeSegment(segment)
		if strings.ContainsAny(escaped, "/?# ") {
			t.Fatalf("EscapeSegment(%q) = %q keeps a path-changing byte", segment, escaped)
		}
		back, err := url.PathUnescape(escaped)
		if err != nil || back != segment {
			t.Fatalf("EscapeSegment(%q) = %q unescapes to %q (%v)", segment, escaped, back, err)
		}
	})
}

// FuzzCanonicalQuery: the canonical form is stable (canonicalizing it again
// changes nothing), sorted, and made only of escaped pairs.
func FuzzCanonicalQuery(f *testing.F) {
	for _, seed := range []string{"", "status=SUCCESS&limit=50&marker=abc", "a=1&a=0", "q=a+b%20c", "k", "=v", "%zz=1", "a=%E4%B8%AD&&b"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		canonical := CanonicalQuery(raw)
		if again := CanonicalQuery(canonical); again != canonical {
			t.Fatalf("CanonicalQuery not idempotent: %q -> %q -> %q", raw, canonical, again)
		}
		if canonical == "" {
			return
		}
		previous := ""
		for _, pair := range strings.Split(canonical, "&") {
			key, value, ok := strings.Cut(pair, "=")
			if !ok || strings.ContainsAny(key+value, "+ /?#&=") {
				t.Fatalf("CanonicalQuery(%q) = %q has a malformed pair %q", raw, canonical, pair)
			}
			if key < previous {
				t.Fatalf("CanonicalQuery(%q) = %q is not sorted", raw, canonical)
			}
			previous = key
		}
	})
}
