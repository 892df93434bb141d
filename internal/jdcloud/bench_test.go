package jdcloud

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

// BenchmarkSign signs one getThumbnailTask request as the client does.
func BenchmarkSign(b *testing.B) {
	u, err := url.Parse("https://mps.jdcloud-api.com/v1/regions/cn-north-1/thumbnail/a1b2c3d4e5")
	if err != nil {
		b.Fatal(err)
	}
	header := http.Header{}
	header.Set("Accept", "application/json")
	header.Set("Content-Type", "application/json")
	header.Set("User-Agent", "terraform-provider-jdcloud/bench")
	header.Set(HeaderDate, "20261204T101500Z")
	header.Set(HeaderNonce, "ebf8b26d-c3be-402f-9f10-f8b6573fd823")
	in := SigningInput{Method: http.MethodGet, Host: u.Host, URL: u, Header: header, Region: "cn-north-1", Service: "mps"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sign(in, "AKIDEXAMPLE0000000000", "SECRETEXAMPLE0000000000000000000"); err != nil {
			b.Fatal(err)
		}
	}
}

// noopTransport answers every request at once without a network.
type noopTransport struct{}

func (noopTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Header: http.Header{}}, nil
}

// BenchmarkSigningTransport signs one request the way every attempt of the
// client is signed: clone, fresh date and nonce, cached signing key.
func BenchmarkSigningTransport(b *testing.B) {
	transport := &SigningTransport{Base: noopTransport{}, Credentials: Credentials{AccessKey: "AKIDEXAMPLE0000000000", SecretKey: "SECRETEXAMPLE0000000000000000000"}}
	ctx := withSigningScope(context.Background(), "cn-north-1", "mps")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://mps.jdcloud-api.com/v1/regions/cn-north-1/thumbnail/a1b2c3d4e5", nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "terraform-provider-jdcloud/bench")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := transport.RoundTrip(req); err != nil {
			b.Fatal(err)
		}
	}
}
