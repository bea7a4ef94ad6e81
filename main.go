// Command byline is a terminal reader for news articles: it lists a folder
// of articles, renders one with every quoted passage highlighted and
// attributed, lists the named parties, and jumps between quotes.
//
// Without a terminal it prints the rendered articles, or JSON with --json.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit statuses.
const (
	exitOK       = 0
	exitRead     = 1  // an article or path could not be read
	exitUsage    = 2  // bad flags or arguments
	exitInternal = 70 // a bug: a panic was caught (EX_SOFTWARE)
)

// config is the parsed command line.
type config struct {
	json    bool
	style   string // glamour style; "auto" picks dark or light
	width   int    // wrap width; 0 for the terminal's
	color   string // auto, always or never
	maxSize int64  // largest article read, in bytes
	paths   []string
}

func main() {
	stop := startProfile(os.Getenv)
	status := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(status)
}

// run is byline without the process: it returns the exit status. A panic
// (in run itself or in a worker reading an article) ends it with a short
// message and exitInternal, never a stack trace.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (status int) {
	crash := &crashReport{}
	defer func() {
		if r := recover(); r != nil {
			crash.record(r)
		}
		if crash.crashed() {
			status = crash.exit(stderr, getenv)
		}
	}()
	cfg, status, done := parseFlags(args, stdout, stderr)
	if done {
		return status
	}
	out, _ := stdout.(*os.File)
	tty := out != nil && isatty.IsTerminal(out.Fd())
	if cfg.json || !tty {
		// Batch output keeps at most loadWindow articles per core alive:
		// a heap several times that, collected less often, spends the
		// time on the articles instead (GC was 8% of --json's CPU).
		debug.SetGCPercent(400)
	}
	switch {
	case cfg.json:
		return runJSON(cfg, crash, stdin, stdout, stderr)
	case !tty:
		return runPlain(cfg, crash, stdin, stdout, stderr, getenv)
	}
	return runTUI(cfg, stdin, out, stderr, getenv)
}

func parseFlags(args []string, stdout, stderr io.Writer) (cfg config, status int, done bool) {
	fs := flag.NewFlagSet("byline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&cfg.json, "json", false, "print one JSON object per article, one per line, and exit")
	fs.StringVar(&cfg.style, "style", "auto", "glamour style: auto, dark, light, notty, ascii, dracula, tokyo-night, pink, or a JSON style file")
	fs.IntVar(&cfg.width, "width", 0, "wrap width in columns (default: the terminal's, or 80)")
	fs.StringVar(&cfg.color, "color", "auto", "colour: auto, always or never")
	maxMiB := fs.Int64("max-size", articles.DefaultMaxSize>>20, "largest article to read, in MiB")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: byline [flags] [PATH ...]\n\nPATH is a file, a folder (searched recursively) or - for standard input; default \".\".\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, exitOK, true
		}
		return cfg, exitUsage, true
	}
	if *showVersion {
		fmt.Fprintf(stdout, "byline %s\n", version)
		return cfg, exitOK, true
	}
	switch cfg.color {
	case "auto", "always", "never":
	default:
		fmt.Fprintf(stderr, "byline: --color must be auto, always or never, not %q\n", cfg.color)
		return cfg, exitUsage, true
	}
	if cfg.width < 0 || *maxMiB <= 0 {
		fmt.Fprintln(stderr, "byline: --width and --max-size must be positive")
		return cfg, exitUsage, true
	}
	cfg.maxSize = *maxMiB << 20
	cfg.paths = fs.Args()
	if len(cfg.paths) == 0 {
		cfg.paths = []string{"."}
	}
	stdins := 0
	for _, p := range cfg.paths {
		if p == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		fmt.Fprintln(stderr, "byline: - (standard input) can be given once")
		return cfg, exitUsage, true
	}
	return cfg, exitOK, false
}

// loadWindow is how many articles per core loadAll lets be read ahead of
// the one it is waiting to emit: enough to keep every core busy behind a
// slow article, few enough that memory stays bounded however big the
// folder.
const loadWindow = 64

// loadAll reads every article named by paths (stdin for "-") with a worker
// per core, turns each into its output with produce on that worker, and
// calls emit with the outputs in path order. The folders are walked while
// the first articles are read, and at most loadWindow articles per core
// are read ahead of the next one to emit. Errors (a path that cannot be
// walked, an article that cannot be read or produced) are written to
// stderr in the same order; the result says whether any occurred. A panic
// while reading or producing one article is recorded in crash and that
// article reported as failed.
func loadAll(cfg config, crash *crashReport, stdin io.Reader, stderr io.Writer,
	produce func(*articles.Article) (string, error), emit func(string)) (failed bool) {
	type result struct {
		out  string
		errs []error // a failed read, or the errors of walking a path
	}
	type job struct {
		path string
		out  chan<- result
	}
	workers := runtime.NumCPU()
	order := make(chan chan result, loadWindow*workers) // results to emit, in path order
	jobs := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				var r result
				a, err := loadSafe(j.path, cfg.maxSize, stdin, crash)
				if err == nil {
					r.out, err = produceSafe(produce, a, crash)
				}
				if err != nil {
					r.errs = []error{err}
				}
				j.out <- r
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		report := func(errs ...error) {
			out := make(chan result, 1)
			out <- result{errs: errs}
			order <- out
		}
		defer func() {
			if r := recover(); r != nil {
				crash.record(r)
				report(fmt.Errorf("walk: internal error"))
			}
		}()
		send := func(path string) {
			out := make(chan result, 1)
			order <- out // waits while the window is full
			jobs <- job{path, out}
		}
		for _, p := range cfg.paths {
			if p == "-" {
				send("-")
				continue
			}
			errs := articles.Walk([]string{p}, func(batch []string) {
				for _, f := range batch {
					send(f)
				}
			})
			if len(errs) > 0 {
				report(errs...)
			}
		}
	}()
	for out := range order {
		r := <-out
		for _, err := range r.errs {
			fmt.Fprintf(stderr, "byline: %s\n", clean(err.Error()))
			failed = true
		}
		if len(r.errs) == 0 {
			emit(r.out)
		}
	}
	wg.Wait()
	return failed
}

// produceSafe is produce(a) with a panic turned into an error for that
// article, after recording it in crash.
func produceSafe(produce func(*articles.Article) (string, error), a *articles.Article, crash *crashReport) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			crash.record(r)
			out, err = "", fmt.Errorf("%s: internal error", a.Path)
		}
	}()
	return produce(a)
}

// loadSafe is loadOne with a panic turned into an error for that path,
// after recording it in crash: a worker goroutine must not take the process
// down with a stack trace.
func loadSafe(path string, max int64, stdin io.Reader, crash *crashReport) (a *articles.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			crash.record(r)
			a, err = nil, fmt.Errorf("read %s: internal error", path)
		}
	}()
	return loadOne(path, max, stdin)
}

func loadOne(path string, max int64, stdin io.Reader) (*articles.Article, error) {
	if path != "-" {
		return articles.LoadLimit(path, max)
	}
	data, err := articles.ReadLimit(stdin, max)
	if err != nil {
		return nil, fmt.Errorf("read standard input: %w", err)
	}
	return articles.Parse("-", "", data)
}

func runJSON(cfg config, crash *crashReport, stdin io.Reader, stdout, stderr io.Writer) int {
	w := bufio.NewWriterSize(stdout, 64<<10)
	var werr error
	failed := loadAll(cfg, crash, stdin, stderr, func(a *articles.Article) (string, error) {
		b, err := a.JSON()
		if err != nil {
			return "", err
		}
		return string(b), nil
	}, func(line string) {
		if werr == nil {
			_, werr = w.WriteString(line)
		}
		if werr == nil {
			werr = w.WriteByte('\n')
		}
	})
	if werr == nil {
		werr = w.Flush()
	}
	if failed {
		return exitRead
	}
	return exitOK
}

func runPlain(cfg config, crash *crashReport, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	profile := plainProfile(cfg, getenv)
	width := cfg.width
	if width == 0 {
		width = 80
	}
	style := cfg.style
	if style == "auto" {
		style = "notty"
		if profile != termenv.Ascii {
			style = styleFor(darkBackground(getenv))
		}
	}
	opts := ui.BodyOptions{Width: width, Style: style, Profile: profile, Styles: ui.DefaultStyles(style != "light")}
	first := true
	var werr error
	failed := loadAll(cfg, crash, stdin, stderr, func(a *articles.Article) (string, error) {
		s, err := ui.Document(a, opts)
		if err != nil {
			return "", fmt.Errorf("render %s: %w", a.Path, err)
		}
		return s, nil
	}, func(s string) {
		if werr != nil {
			return
		}
		if !first {
			_, werr = io.WriteString(stdout, "\n"+strings.Repeat("─", min(width, 80))+"\n\n")
		}
		first = false
		_, werr = io.WriteString(stdout, s)
	})
	if failed {
		return exitRead
	}
	return exitOK
}

// plainProfile is the colour profile for output that is not a terminal:
// none, unless --color always, CLICOLOR_FORCE, or a colour style by name
// asks for colour; NO_COLOR wins over all but --color always.
func plainProfile(cfg config, getenv func(string) string) termenv.Profile {
	switch {
	case cfg.color == "always":
		return termenv.ANSI256
	case cfg.color == "never", getenv("NO_COLOR") != "":
		return termenv.Ascii
	case getenv("CLICOLOR_FORCE") != "" && getenv("CLICOLOR_FORCE") != "0":
		return termenv.ANSI256
	case cfg.style != "auto" && cfg.style != "notty" && cfg.style != "ascii":
		return termenv.ANSI256
	}
	return termenv.Ascii
}

// darkBackground guesses the terminal's background from COLORFGBG without
// asking the terminal (a query can hang for seconds on one that does not
// answer); dark when unknown.
func darkBackground(getenv func(string) string) bool {
	v := getenv("COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		switch v[i+1:] {
		case "7", "15":
			return false
		}
	}
	return true
}

func styleFor(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// clean makes text from outside (paths, error messages naming them) safe
// to print on a terminal.
func clean(s string) string { return ui.SafeOutput(strings.ReplaceAll(s, "\n", "^J")) }
