package main

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/party"
	"byline/model"
)

// reportURL is where a crash message sends the user.
const reportURL = "https://github.com/byline-reader/byline/issues"

func runTUI(cfg config, stdin io.Reader, out *os.File, stderr io.Writer, getenv func(string) string) int {
	// The party lists take about 10 ms to load: load them while the
	// terminal is set up, not when the first article waits for them.
	go party.Preload()
	profile := tuiProfile(cfg, out, getenv)
	// No colour (NO_COLOR, --color never, a terminal without colours) still
	// gets emphasis: bold, italic, underline and reverse video keep quotes
	// and the current quote visible.
	mono := profile == termenv.Ascii
	if mono {
		profile = termenv.ANSI
	}
	dark := darkBackground(getenv)
	style := cfg.style
	switch {
	case style == "auto" && mono:
		style = "notty"
	case style == "auto":
		style = styleFor(dark)
	case style == "light":
		dark = false
	case style == "dark":
		dark = true
	}
	// Tell lipgloss what we know so that it never queries the terminal.
	lipgloss.SetColorProfile(profile)
	lipgloss.SetHasDarkBackground(dark)

	opts := model.Options{Style: style, Dark: dark, Mono: mono, Profile: profile, Width: cfg.width, MaxSize: cfg.maxSize, Now: time.Now}
	single := len(cfg.paths) == 1
	for _, p := range cfg.paths {
		switch {
		case p == "-":
			a, err := loadOne("-", cfg.maxSize, stdin)
			if err != nil {
				fmt.Fprintf(stderr, "byline: %s\n", clean(err.Error()))
				return exitRead
			}
			if single {
				opts.Open = a
			} else {
				opts.Stdin = a
			}
		case single && isFile(p):
			a, err := articles.ReadFile(p, cfg.maxSize)
			if err != nil {
				fmt.Fprintf(stderr, "byline: %s\n", clean(err.Error()))
				return exitRead
			}
			// The model analyses it in the background, so that its first
			// screen shows before the analysis (and the party lists it
			// needs, about 10 ms to load) is done; the highlights follow.
			opts.Open, opts.Analyze = a, true
		default:
			opts.Paths = append(opts.Paths, p)
		}
	}
	if single && opts.Open == nil {
		// One path that is a folder (or does not exist): fail before the UI
		// when it cannot be read at all.
		if _, err := os.Stat(cfg.paths[0]); err != nil {
			fmt.Fprintf(stderr, "byline: read %s: %s\n", clean(cfg.paths[0]), clean(unwrapErr(err).Error()))
			return exitRead
		}
	}

	crash := &crashReport{}
	// 120 frames a second, bubbletea's most: a key's answer waits at most
	// 8 ms for the next frame instead of 17.
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithOutput(out), tea.WithFPS(120)}
	if stdinUsed(cfg.paths) {
		// The pipe is drained; keys come from the terminal.
		popts = append(popts, tea.WithInputTTY())
	}
	p := newSafeProgram(model.New(opts), crash, popts...)
	final, err := runProgram(p, crash)
	if crash.crashed() {
		return crash.exit(stderr, getenv)
	}
	if err != nil {
		fmt.Fprintf(stderr, "byline: %s\n", clean(err.Error()))
		return exitRead
	}
	if f, ok := final.(safeModel); ok {
		if e, ok := f.inner.(interface{ ExitError() error }); ok && e.ExitError() != nil {
			fmt.Fprintf(stderr, "byline: %s\n", clean(e.ExitError().Error()))
			return exitRead
		}
	}
	return exitOK
}

// newSafeProgram returns a program that runs inner inside safeModel with
// bubbletea's own panic handler off (it prints the trace over the screen and
// cannot see panics in commands), and crash wired to quit the program from
// wherever a panic is caught.
func newSafeProgram(inner tea.Model, crash *crashReport, opts ...tea.ProgramOption) *tea.Program {
	opts = append(opts[:len(opts):len(opts)], tea.WithoutCatchPanics())
	p := tea.NewProgram(safeModel{inner: inner, crash: crash}, opts...)
	crash.setQuit(p.Quit)
	return p
}

// runProgram runs p; a panic that escapes the model wrapper (one inside
// bubbletea itself) still restores the terminal and is reported.
func runProgram(p *tea.Program, crash *crashReport) (final tea.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			_ = p.ReleaseTerminal()
			crash.record(r)
		}
	}()
	return p.Run()
}

func stdinUsed(paths []string) bool {
	for _, p := range paths {
		if p == "-" {
			return true
		}
	}
	return false
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

func unwrapErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// tuiProfile is the colour profile for the terminal, from the environment
// only: --color, NO_COLOR, CLICOLOR_FORCE, TERM and COLORTERM. A plain
// "xterm" is taken as 256-colour: every xterm in use has it, and glamour
// is many times slower with the 16-colour profile.
func tuiProfile(cfg config, out *os.File, getenv func(string) string) termenv.Profile {
	switch cfg.color {
	case "never":
		return termenv.Ascii
	case "always":
		if p := termenv.NewOutput(out).ColorProfile(); p > termenv.ANSI256 || p == termenv.TrueColor {
			return p
		}
		return termenv.ANSI256
	}
	p := termenv.NewOutput(out).EnvColorProfile()
	if p == termenv.ANSI && strings.HasPrefix(getenv("TERM"), "xterm") {
		p = termenv.ANSI256
	}
	return p
}

// crashReport keeps the first panic caught anywhere in the program. It is
// shared by the event loop and the command goroutines.
type crashReport struct {
	mu    sync.Mutex
	value any
	stack []byte
	quit  func() // stops the program; called once, on the first panic
}

func (c *crashReport) setQuit(quit func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.quit = quit
}

// record keeps r and the stack of the panic (call it from the deferred
// recover) unless a panic was recorded before, and asks the program to
// quit: a panic in View has no command to return, and the program would
// otherwise go on showing an empty screen.
func (c *crashReport) record(r any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stack != nil {
		return
	}
	c.value = r
	c.stack = debug.Stack()
	if c.quit != nil {
		// Not inline: Quit blocks until the event loop takes the message,
		// and View and Update run on the event loop.
		go c.quit()
	}
}

// crashed reports whether a panic was recorded.
func (c *crashReport) crashed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stack != nil
}

// maxCrashMessage is how much of a panic's value the crash message shows.
const maxCrashMessage = 200

// exit prints a short message (the trace goes to BYLINE_DEBUG's file when
// set, never over the user's screen) and returns the exit status.
func (c *crashReport) exit(stderr io.Writer, getenv func(string) string) int {
	c.mu.Lock()
	value, stack := c.value, c.stack
	c.mu.Unlock()
	msg := clean(fmt.Sprint(value))
	if len(msg) > maxCrashMessage {
		cut := maxCrashMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	fmt.Fprintf(stderr, "byline: internal error: %s\n", msg)
	if path := getenv("BYLINE_DEBUG"); path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err == nil {
			_, err = fmt.Fprintf(f, "%s panic: %v\n%s\n", time.Now().Format(time.RFC3339), value, stack)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err == nil {
			fmt.Fprintf(stderr, "byline: the trace is in %s\n", clean(path))
		} else {
			fmt.Fprintf(stderr, "byline: could not write the trace to BYLINE_DEBUG: %s\n", clean(unwrapErr(err).Error()))
		}
	} else {
		fmt.Fprintln(stderr, "byline: run again with BYLINE_DEBUG=/tmp/byline.log to keep the trace")
	}
	fmt.Fprintf(stderr, "byline: please report it at %s\n", reportURL)
	return exitInternal
}

// crashMsg tells the wrapper that a command panicked.
type crashMsg struct{}

// safeModel wraps the root model so that a panic in Init, Update, View or a
// command becomes a clean quit: the terminal is restored by bubbletea's
// normal shutdown and main prints a short message and exits with 70.
type safeModel struct {
	inner tea.Model
	crash *crashReport
}

func (s safeModel) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			s.crash.record(r)
			cmd = tea.Quit
		}
	}()
	return s.wrap(s.inner.Init())
}

func (s safeModel) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(crashMsg); ok || s.crash.crashed() {
		return s, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			s.crash.record(r)
			m, cmd = s, tea.Quit
		}
	}()
	inner, cmd := s.inner.Update(msg)
	s.inner = inner
	return s, s.wrap(cmd)
}

func (s safeModel) View() (v string) {
	defer func() {
		if r := recover(); r != nil {
			s.crash.record(r)
			v = ""
		}
	}()
	if s.crash.crashed() {
		return ""
	}
	return s.inner.View()
}

// wrap returns cmd made panic-safe, with the commands of a batch or a
// sequence it returns wrapped too.
func (s safeModel) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				s.crash.record(r)
				msg = crashMsg{}
			}
		}()
		msg = cmd()
		// tea.Batch and tea.Sequence return a slice of commands (the
		// sequence's type is unexported): wrap each in place.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < v.Len(); i++ {
				if c, ok := v.Index(i).Interface().(tea.Cmd); ok && c != nil {
					v.Index(i).Set(reflect.ValueOf(s.wrap(c)))
				}
			}
		}
		return msg
	}
}
