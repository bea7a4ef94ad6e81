// Command bench generates byline's benchmark corpora and prints one table of
// measurements, each beside its baseline: the folder scan and whole-folder
// analysis against cat of the same files, analysis of a big article against
// an empty one, the body renderer against glamour rendering the same
// Markdown whole, and the real binary's time to first screen in tmux
// against its own start-up on an empty folder.
//
//	go run ./bench                 # everything, 10,000 and 100,000 articles
//	go run ./bench -n 1000         # scaled down: 1,000 and 10,000 articles
//	go run ./bench -only list,open # some rows (prefixes of the row ids)
//	go run ./bench -dir /tmp/bc -keep   # keep the corpora and reuse them next time
//
// The corpora are written by bench/corpus from a template grammar, in
// parallel. Rows that need the terminal UI run the binary (built from this
// module unless -bin is given) in a private tmux server at 200x50 and poll
// the pane until the expected text appears.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

type options struct {
	n      int      // articles in the small folder; the big one has 10×
	dir    string   // where the corpora go; "" for a temporary folder
	keep   bool     // keep the corpora (and reuse matching ones)
	only   []string // row id prefixes to run; nil for all
	bin    string   // byline binary; "" to build it
	runs   int      // repetitions of each timed run
	width  int      // terminal width for the UI rows and the render width
	height int      // terminal height
	big    bool     // also run the opt-in heavy rows (json over the big folder)
	note   string   // free text for the table's header (what was measured)
}

func main() {
	var o options
	var only string
	flag.IntVar(&o.n, "n", 10000, "articles in the small folder; the large folder has ten times as many")
	flag.StringVar(&o.dir, "dir", "", "folder for the corpora (default: a temporary folder)")
	flag.BoolVar(&o.keep, "keep", false, "keep the corpora after the run, and reuse them when -dir already holds matching ones")
	flag.StringVar(&only, "only", "", "comma-separated prefixes of the row ids to run (see -list)")
	flag.StringVar(&o.bin, "bin", "", "byline binary to measure (default: go build the module)")
	flag.IntVar(&o.runs, "runs", 5, "repetitions of each timed measurement (the median is shown)")
	flag.IntVar(&o.width, "width", 200, "terminal width for the UI rows and render width")
	flag.IntVar(&o.height, "height", 50, "terminal height for the UI rows")
	list := flag.Bool("list", false, "list the row ids and exit")
	flag.BoolVar(&o.big, "heavy", false, "also run the heavy optional rows (json-large)")
	flag.StringVar(&o.note, "note", "", "text for the table's header, e.g. what build was measured")
	flag.Parse()
	if *list {
		for _, r := range rowSpecs {
			fmt.Printf("%-16s %s\n", r.id, r.name)
		}
		return
	}
	if only != "" {
		o.only = strings.Split(only, ",")
	}
	if o.n < 10 || o.runs < 1 {
		fmt.Fprintln(os.Stderr, "bench: -n must be at least 10 and -runs at least 1")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

func run(o options) error {
	root := o.dir
	if root == "" {
		d, err := os.MkdirTemp("", "byline-bench-")
		if err != nil {
			return err
		}
		root = d
	}
	if !o.keep {
		defer os.RemoveAll(root)
	}
	env := &bench{o: o, root: root}
	start := time.Now()
	if err := env.corpora(); err != nil {
		return err
	}
	if err := env.binary(); err != nil {
		// the UI rows report it; the in-process rows still run
		env.binErr = err
		fmt.Fprintf(os.Stderr, "bench: binary: %v\n", err)
	}
	env.runRows()
	env.print(os.Stdout, time.Since(start))
	if o.keep {
		fmt.Printf("\ncorpora kept in %s\n", root)
	}
	return nil
}

// binary builds byline into the corpus folder unless -bin names one.
func (e *bench) binary() error {
	if e.o.bin != "" {
		p, err := filepath.Abs(e.o.bin)
		e.bin = p
		return err
	}
	mod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	dir := filepath.Dir(strings.TrimSpace(string(mod)))
	e.bin = filepath.Join(e.root, "byline")
	cmd := exec.Command("go", "build", "-o", e.bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v: %s", err, firstLine(string(out)))
	}
	return nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// load returns the 1-minute load average and the core count, for the table
// header and the note beside heavy figures.
func load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return fmt.Sprintf("load %s %s %s on %d cores", f[0], f[1], f[2], runtime.NumCPU())
}
