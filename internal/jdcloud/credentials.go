package jdcloud

import "fmt"

// Credentials are the keys a request is signed with.
type Credentials struct {
	AccessKey string
	SecretKey string
	// SecurityToken is set for temporary credentials only.
	SecurityToken string
}

// String never shows the secret key or the token, so credentials can be
// logged or printed by mistake without leaking.
func (c Credentials) String() string {
	return fmt.Sprintf("Credentials{AccessKey: %s, SecretKey: %s}", MaskAccessKey(c.AccessKey), mask(c.SecretKey))
}

// GoString hides secrets from %#v as well.
func (c Credentials) GoString() string { return c.String() }

// MaskAccessKey keeps the first four characters of an access key, enough to
// tell keys apart in a diagnostic.
func MaskAccessKey(accessKey string) string {
	if len(accessKey) <= 4 {
		return mask(accessKey)
	}
	return accessKey[:4] + "****"
}

func mask(secret string) string {
	if secret == "" {
		return "(empty)"
	}
	return "****"
}
