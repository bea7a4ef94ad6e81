package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole run to the file named by
// BYLINE_CPUPROFILE, for `go tool pprof`; the returned function ends it.
// It is for developers measuring byline on real folders, where a
// benchmark's single article hides what a run spends on walking, reading
// and writing.
func startProfile(getenv func(string) string) (stop func()) {
	path := getenv("BYLINE_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "byline: cpu profile: %s\n", clean(err.Error()))
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		fmt.Fprintf(os.Stderr, "byline: cpu profile: %s\n", clean(err.Error()))
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
