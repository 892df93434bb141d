package jdcloud

import (
	"errors"
	"fmt"
	"strings"
)

// Authorization is a parsed JDCLOUD2-HMAC-SHA256 Authorization header.
type Authorization struct {
	AccessKey     string
	Date          string // yyyymmdd of the scope
	Region        string
	Service       string
	SignedHeaders []string
	Signature     string
}

// ParseAuthorization reads an Authorization header as the gateway does.
func ParseAuthorization(header string) (Authorization, error) {
	algorithm, rest, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || algorithm != SigningAlgorithm {
		return Authorization{}, fmt.Errorf("authorization does not start with %s", SigningAlgorithm)
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return Authorization{}, fmt.Errorf("malformed authorization field %q", part)
		}
		fields[name] = value
	}
	credential := strings.Split(fields["Credential"], "/")
	if len(credential) != 5 || credential[4] != scopeTerminator {
		return Authorization{}, errors.New("authorization Credential is not {accessKey}/{date}/{region}/{service}/jdcloud2_request")
	}
	if fields["SignedHeaders"] == "" || fields["Signature"] == "" {
		return Authorization{}, errors.New("authorization lacks SignedHeaders or Signature")
	}
	return Authorization{
		AccessKey:     credential[0],
		Date:          credential[1],
		Region:        credential[2],
		Service:       credential[3],
		SignedHeaders: strings.Split(fields["SignedHeaders"], ";"),
		Signature:     fields["Signature"],
	}, nil
}
