package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestPlainOutputGolden pins what a user gets from `byline --width 80 FILE |
// cat` for one example of each format: the header (title, byline, source,
// date, reading time) and the rendered body, with each quote's speaker
// after it. Regenerate with `go test -run TestPlainOutputGolden -update .`
// and read the diff before committing.
func TestPlainOutputGolden(t *testing.T) {
	for _, tc := range []struct{ name, path string }{
		{"text", "examples/world/danube-ministers.txt"},
		{"markdown", "examples/culture/orsay-exhibition.md"},
		{"html", "examples/world/eu-peace-plan.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			env := func(string) string { return "" }
			if code := run([]string{"--width", "80", tc.path}, strings.NewReader(""), &out, &errb, env); code != 0 {
				t.Fatalf("run %s: exit %d, stderr %q", tc.path, code, errb.String())
			}
			if strings.ContainsRune(out.String(), '\x1b') {
				t.Errorf("plain output of %s has escape sequences", tc.path)
			}
			golden.RequireEqual(t, out.Bytes())
		})
	}
}
