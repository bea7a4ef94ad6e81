package main

// Crash handling: a panic anywhere in the reader (Init, Update, View, a
// command, a command inside tea.Batch or tea.Sequence), in plain or --json
// output, or in a worker reading an article, ends byline with a short
// message and exit status 70, never a stack trace; the trace goes to
// BYLINE_DEBUG's file when it is set.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// boomModel panics where it is told to, once the program is running: Init
// sends start, and the panic follows from there.
type boomModel struct {
	where   string // init, first-view, update, view, cmd, batch, nested-batch, sequence
	started bool   // start came: View panics from now on when where is "view"
}

type startMsg struct{}

type okMsg struct{}

func (m boomModel) boom() { panic("boom in " + m.where) }

func (m boomModel) Init() tea.Cmd {
	if m.where == "init" {
		m.boom()
	}
	return func() tea.Msg { return startMsg{} }
}

func (m boomModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(startMsg); !ok {
		return m, nil
	}
	m.started = true
	bad := func() tea.Msg { m.boom(); return nil }
	ok := func() tea.Msg { return okMsg{} }
	switch m.where {
	case "update":
		m.boom()
	case "cmd":
		return m, bad
	case "batch":
		return m, tea.Batch(ok, bad)
	case "nested-batch":
		return m, tea.Batch(ok, tea.Batch(ok, bad))
	case "sequence":
		return m, tea.Sequence(ok, bad)
	}
	return m, nil
}

func (m boomModel) View() string {
	if m.where == "first-view" || (m.where == "view" && m.started) {
		m.boom()
	}
	return "all is well\n"
}

// runSafe runs inner the way runTUI does (newSafeProgram, runProgram), with
// no terminal, and returns the final model and the crash report.
func runSafe(t *testing.T, inner tea.Model) (tea.Model, *crashReport) {
	t.Helper()
	crash := &crashReport{}
	var out bytes.Buffer
	p := newSafeProgram(inner, crash, tea.WithInput(nil), tea.WithOutput(&out), tea.WithoutSignalHandler())
	type result struct {
		m   tea.Model
		err error
	}
	done := make(chan result, 1)
	go func() {
		m, err := runProgram(p, crash)
		done <- result{m, err}
	}()
	select {
	case r := <-done:
		if r.err != nil && !errors.Is(r.err, tea.ErrProgramKilled) {
			t.Errorf("program: %v", r.err)
		}
		if strings.Contains(out.String(), "goroutine ") {
			t.Errorf("a stack trace reached the screen: %q", clip(out.String(), 500))
		}
		return r.m, crash
	case <-time.After(30 * time.Second):
		hung("the program after a panic in "+fmt.Sprint(inner), 30*time.Second)
		return nil, nil
	}
}

func TestSafeModelRecordsPanicAndQuits(t *testing.T) {
	for _, where := range []string{"init", "first-view", "update", "view", "cmd", "batch", "nested-batch", "sequence"} {
		t.Run(where, func(t *testing.T) {
			final, crash := runSafe(t, boomModel{where: where})
			if !crash.crashed() {
				t.Fatalf("the panic was not recorded")
			}
			if got, want := fmt.Sprint(crash.value), "boom in "+where; got != want {
				t.Errorf("recorded %q, want %q", got, want)
			}
			if _, ok := final.(safeModel); final != nil && !ok {
				t.Errorf("final model is %T, want safeModel", final)
			}
			if !strings.Contains(string(crash.stack), "tui_test.go") {
				t.Errorf("the stack does not reach the panic in tui_test.go:\n%s", crash.stack)
			}
			if v := final.View(); v != "" && final != nil {
				t.Errorf("View after the crash = %q, want nothing", v)
			}
		})
	}
}

func TestSafeModelWithoutPanic(t *testing.T) {
	crash := &crashReport{}
	var out bytes.Buffer
	m := quitter{}
	p := newSafeProgram(m, crash, tea.WithInput(nil), tea.WithOutput(&out), tea.WithoutSignalHandler())
	if _, err := runProgram(p, crash); err != nil {
		t.Fatal(err)
	}
	if crash.crashed() {
		t.Errorf("a crash was recorded: %v", crash.value)
	}
	if !strings.Contains(out.String(), "fine") {
		t.Errorf("output %q does not show the model", out.String())
	}
}

// quitter shows one screen and quits through a batch and a sequence, so
// that the wrapping of commands is seen to keep their messages.
type quitter struct{ n int }

type stepMsg struct{}

func (q quitter) Init() tea.Cmd {
	return tea.Batch(func() tea.Msg { return stepMsg{} }, nil)
}

func (q quitter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(stepMsg); ok {
		q.n++
		if q.n == 2 {
			return q, tea.Sequence(func() tea.Msg { return nil }, tea.Quit)
		}
		return q, tea.Batch(func() tea.Msg { return stepMsg{} })
	}
	return q, nil
}

func (q quitter) View() string { return "fine\n" }

func TestCrashExitMessage(t *testing.T) {
	crash := &crashReport{}
	func() {
		defer func() { crash.record(recover()) }()
		panic("index out of range \x1b]0;pwned\x07\u202e\n" + strings.Repeat("x", 1000))
	}()
	var stderr bytes.Buffer
	if st := crash.exit(&stderr, noEnv); st != exitInternal {
		t.Errorf("status %d, want %d", st, exitInternal)
	}
	msg := stderr.String()
	lines := strings.Split(strings.TrimSuffix(msg, "\n"), "\n")
	if len(lines) > 3 {
		t.Errorf("%d lines, want a short message:\n%s", len(lines), msg)
	}
	if bad := unsafeIn(msg, false); bad != "" {
		t.Errorf("message has %s", bad)
	}
	if !strings.HasPrefix(lines[0], "byline: internal error: index out of range ^[]0;pwned^G") || len(lines[0]) > 300 {
		t.Errorf("first line %q, want the panic's value, sanitised and short", lines[0])
	}
	for _, want := range []string{reportURL, "BYLINE_DEBUG"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message does not mention %s:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "goroutine") || strings.Contains(msg, ".go:") {
		t.Errorf("message has a stack trace:\n%s", msg)
	}
}

func TestCrashExitDebugLog(t *testing.T) {
	_, crash := runSafe(t, boomModel{where: "cmd"})
	log := filepath.Join(t.TempDir(), "byline.log")
	env := func(k string) string {
		if k == "BYLINE_DEBUG" {
			return log
		}
		return ""
	}
	var stderr bytes.Buffer
	if st := crash.exit(&stderr, env); st != exitInternal {
		t.Errorf("status %d, want %d", st, exitInternal)
	}
	if !strings.Contains(stderr.String(), log) || strings.Contains(stderr.String(), "goroutine") {
		t.Errorf("stderr %q: want the log's path and no trace", stderr.String())
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"panic: boom in cmd", "goroutine", "tui_test.go"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the log has no %q:\n%s", want, data)
		}
	}
	if fi, err := os.Stat(log); err == nil && fi.Mode().Perm() != 0o600 {
		t.Errorf("log mode %v, want 0600 (a trace can hold article text)", fi.Mode().Perm())
	}

	// A log that cannot be written is said, and the status is still 70.
	bad := func(k string) string {
		if k == "BYLINE_DEBUG" {
			return filepath.Join(t.TempDir(), "no", "such", "dir", "log")
		}
		return ""
	}
	stderr.Reset()
	if st := crash.exit(&stderr, bad); st != exitInternal || !strings.Contains(stderr.String(), "could not write the trace") {
		t.Errorf("status %d, stderr %q; want %d and a note that the trace was not written", st, stderr.String(), exitInternal)
	}
}

// panicReader panics when byline reads standard input: the read happens in
// a worker goroutine.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom in a reader") }

// panicWriter panics when byline writes the output: the write happens on
// run's own goroutine.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("boom in a writer") }

func TestRunPanicsExit70(t *testing.T) {
	for _, args := range [][]string{{"-"}, {"--json", "-"}} {
		t.Run("worker "+strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			st := run(args, panicReader{}, &out, &errb, noEnv)
			if st != exitInternal {
				t.Errorf("status %d, want %d; stderr %q", st, exitInternal, errb.String())
			}
			checkCrashStderr(t, errb.String(), "boom in a reader")
		})
	}
	for _, args := range [][]string{{"testdata/hostile/osc-title.txt"}, {"--json", "testdata/hostile/osc-title.txt"}} {
		t.Run("output "+strings.Join(args, " "), func(t *testing.T) {
			var errb bytes.Buffer
			st := run(args, strings.NewReader(""), panicWriter{}, &errb, noEnv)
			if st != exitInternal {
				t.Errorf("status %d, want %d; stderr %q", st, exitInternal, errb.String())
			}
			checkCrashStderr(t, errb.String(), "boom in a writer")
		})
	}
}

func checkCrashStderr(t *testing.T, stderr, value string) {
	t.Helper()
	if !strings.Contains(stderr, "byline: internal error: "+value) || !strings.Contains(stderr, reportURL) {
		t.Errorf("stderr %q: want the short crash message", stderr)
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, ".go:") {
		t.Errorf("stderr has a stack trace: %q", stderr)
	}
	if n := strings.Count(stderr, "\n"); n > 4 {
		t.Errorf("stderr has %d lines, want a short message: %q", n, stderr)
	}
}
