package fakemps

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
)

// Seed is the fake's starting state, as read from a JSON file.
type Seed struct {
	Credentials []SeedCredential `json:"credentials"`
	Tasks       []SeedTask       `json:"tasks"`
	RateLimit   *RateLimit       `json:"rate_limit,omitempty"`
}

// RateLimit is the fake's global request rate limit.
type RateLimit struct {
	PerSecond float64 `json:"per_second"`
	Burst     int     `json:"burst"`
}

// SeedCredential is a key pair the fake accepts.
type SeedCredential struct {
	AccessKey string `json:"access_key"`
	SecretKey string `json:"secret_key"`
	// SecurityToken, when set, makes these temporary credentials: every
	// request must carry the token.
	SecurityToken string `json:"security_token,omitempty"`
}

// SeedTask is a task as the API returns it, with the region it lives in and
// the response shape ("nested" or "flat") to answer with.
type SeedTask struct {
	Region string            `json:"region"`
	Shape  Shape             `json:"shape,omitempty"`
	Task   mps.ThumbnailTask `json:"task"`
	// Faults are played, in order, on the requests about this task.
	Faults []Fault `json:"faults,omitempty"`
	// Timeline changes the task's status as time passes.
	Timeline []TimelineStep `json:"timeline,omitempty"`
}

//go:embed default_seed.json
var defaultSeedJSON []byte

// DefaultSeed is the embedded sample state the demo and `make demo` use.
func DefaultSeed() (Seed, error) {
	return parseSeed(defaultSeedJSON, "embedded default seed")
}

// LoadSeed reads a seed file.
func LoadSeed(path string) (Seed, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Seed{}, fmt.Errorf("reading seed: %w", err)
	}
	return parseSeed(raw, path)
}

func parseSeed(raw []byte, name string) (Seed, error) {
	var seed Seed
	if err := json.Unmarshal(raw, &seed); err != nil {
		return Seed{}, fmt.Errorf("decoding seed %s: %w", name, err)
	}
	return seed, nil
}
