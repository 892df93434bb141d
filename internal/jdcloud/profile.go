package jdcloud

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/ini.v1"
)

// DefaultProfileName is the jdc CLI's profile when ~/.jdc/current names none.
const DefaultProfileName = "default"

// Profile is one section of the jdc CLI's config file (~/.jdc/config).
type Profile struct {
	Name      string
	File      string
	AccessKey string
	SecretKey string
	RegionID  string
}

// DefaultConfigDir is where the jdc CLI keeps its files: ~/.jdc.
func DefaultConfigDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home directory for ~/.jdc: %w", err)
	}
	return filepath.Join(home, ".jdc"), nil
}

// CurrentProfileName reads dir/current, the jdc CLI's current profile;
// without that file it is "default".
func CurrentProfileName(dir string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "current"))
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultProfileName, nil
	}
	if err != nil {
		return "", fmt.Errorf("reading the jdc CLI's current profile: %w", err)
	}
	name := strings.TrimSpace(string(raw))
	if name == "" {
		return DefaultProfileName, nil
	}
	return name, nil
}

// ErrNoConfigFile means dir/config does not exist.
var ErrNoConfigFile = errors.New("no jdc CLI config file")

// LoadProfile reads profile name from dir/config. A missing file is
// ErrNoConfigFile; a missing section, or one without both keys, is an
// error naming the file and the profile.
func LoadProfile(dir, name string) (Profile, error) {
	path := filepath.Join(dir, "config")
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Profile{}, fmt.Errorf("%w at %s", ErrNoConfigFile, path)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("reading %s: %w", path, err)
	}
	file, err := ini.Load(raw)
	if err != nil {
		return Profile{}, fmt.Errorf("parsing %s: %w", path, err)
	}
	section, err := file.GetSection(name)
	if err != nil {
		return Profile{}, fmt.Errorf("profile %q is not in %s (profiles there: %s)", name, path, strings.Join(profileNames(file), ", "))
	}
	profile := Profile{
		Name:      name,
		File:      path,
		AccessKey: strings.TrimSpace(section.Key("access_key").String()),
		SecretKey: strings.TrimSpace(section.Key("secret_key").String()),
		RegionID:  strings.TrimSpace(section.Key("region_id").String()),
	}
	if profile.AccessKey == "" || profile.SecretKey == "" {
		return Profile{}, fmt.Errorf("profile %q in %s has no access_key or no secret_key", name, path)
	}
	return profile, nil
}

func profileNames(file *ini.File) []string {
	var names []string
	for _, section := range file.Sections() {
		if section.Name() != ini.DefaultSection {
			names = append(names, section.Name())
		}
	}
	if len(names) == 0 {
		return []string{"none"}
	}
	return names
}
