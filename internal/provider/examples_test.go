package provider_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccExamples_validate builds the provider and runs `validate` of the
// Terraform CLI under test on every directory of examples/, plus
// `fmt -check`, so the documented examples cannot rot.
func TestAccExamples_validate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("validating examples runs the Terraform CLI; set TF_ACC=1 (make testacc does)")
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set; make testacc points it at the pinned Terraform CLI")
	}
	root := repositoryRoot(t)
	pluginDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "terraform-provider-jdcloud"), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(t.TempDir(), "cli.tfrc")
	writeDevOverrides(t, cliConfig, pluginDir)

	run := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command(cli, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s %s in %s: %v\n%s", filepath.Base(cli), strings.Join(args, " "), dir, err, out)
		}
	}

	examples := filepath.Join(root, "examples")
	run(examples, "fmt", "-check", "-recursive", "-diff")
	dirs := exampleDirs(t, examples)
	if len(dirs) < 3 {
		t.Fatalf("found only %d example directories: %v", len(dirs), dirs)
	}
	for _, dir := range dirs {
		t.Run(strings.TrimPrefix(dir, examples+string(filepath.Separator)), func(t *testing.T) {
			run(dir, "validate", "-no-color")
		})
	}
}

func repositoryRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// writeDevOverrides points every address the examples may resolve the
// provider to (Terraform's and OpenTofu's registries, with or without a
// required_providers block) at the fresh build.
func writeDevOverrides(t *testing.T, path, pluginDir string) {
	t.Helper()
	var overrides strings.Builder
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		for _, namespace := range []string{"jdcloud-api", "hashicorp"} {
			fmt.Fprintf(&overrides, "    %q = %q\n", host+"/"+namespace+"/jdcloud", pluginDir)
		}
	}
	config := "provider_installation {\n  dev_overrides {\n" + overrides.String() + "  }\n  direct {}\n}\n"
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
}

func exampleDirs(t *testing.T, examples string) []string {
	t.Helper()
	seen := map[string]bool{}
	var dirs []string
	err := filepath.WalkDir(examples, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".tf") && !seen[filepath.Dir(path)] {
			seen[filepath.Dir(path)] = true
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}
