package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// print writes the table in Markdown, with the conditions of the run above
// it and the errors and notes below.
func (e *bench) print(w io.Writer, took time.Duration) {
	host, _ := os.Hostname()
	fmt.Fprintf(w, "\nbyline bench — %s, %s, %s/%s, %s, %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), host, runtime.GOOS, runtime.GOARCH, runtime.Version(), load())
	rev := "unknown"
	if out, err := exec.Command("git", "describe", "--always", "--dirty").Output(); err == nil {
		rev = strings.TrimSpace(string(out))
	}
	fmt.Fprintf(w, "build: %s (git describe of the working directory)", rev)
	if e.o.note != "" {
		fmt.Fprintf(w, "; %s", e.o.note)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "corpora: small %d files (%.1f MB), large %d files (%.1f MB), 3 KB/1 MB/10 MB articles; %s; warm page cache\n",
		e.small.n, float64(e.small.bytes)/1e6, e.large.n, float64(e.large.bytes)/1e6, e.genNote)
	fmt.Fprintf(w, "UI rows: tmux %dx%d, TERM=tmux-256color, pane polled every %s; median of %d runs (whole-folder loads: 3 runs small, 1 large; 10 MB article: 3); took %s\n\n",
		e.o.width, e.o.height, pollEvery, e.o.runs, ms(took))
	fmt.Fprintln(w, "| row | measured | figure | baseline | base | ratio | target | verdict | note |")
	fmt.Fprintln(w, "| --- | --- | ---: | --- | ---: | ---: | --- | --- | --- |")
	var errs []string
	for _, id := range e.order {
		r := e.results[id]
		verdict := ""
		if r.check != nil {
			verdict = r.check(r)
		}
		fig := r.fig.String()
		if r.err != nil {
			fig = "error"
			errs = append(errs, fmt.Sprintf("%s: %v", r.id, r.err))
		}
		base := ""
		if r.baseName != "" {
			base = r.base.String()
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.id, cell(r.name), fig, cell(r.baseName), base, r.ratio(), cell(r.target), cell(verdict), cell(r.note))
	}
	for _, e := range errs {
		fmt.Fprintf(w, "\n%s", e)
	}
	if len(errs) > 0 {
		fmt.Fprintln(w)
	}
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
