// Command fake-mps serves the in-memory fake of JD Cloud's MPS API on
// loopback, for the demo and for trying the provider without an account.
//
//	go run ./internal/cmd/fake-mps -listen 127.0.0.1:0 -url-file /tmp/fake-mps.url
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "loopback address to listen on (port 0 picks a free one)")
	seedPath := flag.String("seed", "", "JSON seed file with credentials and tasks (default: the embedded sample)")
	urlFile := flag.String("url-file", "", "write the base URL here once listening")
	flag.Parse()

	if err := run(*listen, *seedPath, *urlFile); err != nil {
		log.Fatalf("fake-mps: %v", err)
	}
}

func run(listen, seedPath, urlFile string) error {
	seed, err := loadSeed(seedPath)
	if err != nil {
		return err
	}
	server, err := fakemps.New(seed)
	if err != nil {
		return err
	}
	if err := server.Start(listen); err != nil {
		return err
	}
	defer server.Close()

	if urlFile != "" {
		if err := os.WriteFile(urlFile, []byte(server.URL()+"\n"), 0o600); err != nil {
			return fmt.Errorf("writing URL file: %w", err)
		}
	}
	log.Printf("fake MPS API listening on %s (%d tasks); stop with Ctrl-C", server.URL(), len(seed.Tasks))

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	return nil
}

func loadSeed(path string) (fakemps.Seed, error) {
	if path == "" {
		return fakemps.DefaultSeed()
	}
	return fakemps.LoadSeed(path)
}
