package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The end-to-end tests build the real binary and drive it in tmux as a
// person would: start it on examples/, find an article with the list's
// filter, open it, jump between quotes and quit, reading everything from
// the screen. They skip only when tmux is not installed.

// The tests open examples/science/ice-core.txt, which has more than two
// direct quotes: e2eFilter is typed into the list's filter, e2eTitle starts
// its title, e2eBodyText is from its first paragraph (on screen only once
// the article itself is).
const (
	e2eFilter   = "freezer ships"
	e2eTitle    = "Ice from 1.2"
	e2eBodyText = "insulated" // not a party name: the side pane shows those before the body is rendered
)

// e2eTitles are fragments of example titles, short enough to survive a
// narrow list row; seeing two of them means the list is on screen.
var e2eTitles = []string{
	"Danube", "bandstand", "Lumora", "Skåne derby", e2eTitle,
	"Golden Bear", "Paris laundries", "Brussels to Milan", "peace plan",
	"Valencia", "Shetland",
}

// e2eWait bounds every wait for the screen to change; generous because
// the machine running the tests may be busy.
const e2eWait = 20 * time.Second

var e2eSeq atomic.Int64

var quotePos = regexp.MustCompile(`quote (\d+)/(\d+)`)

// crashSigns are what a crash leaves on the screen: Go's own panic output
// or the reader's "internal error" message.
var crashSigns = []string{"panic:", "goroutine ", "internal error"}

func TestEndToEndTmux(t *testing.T) {
	bin := buildReader(t)
	s := startReader(t, bin, 100, 30)

	s.waitList()
	s.openArticle()

	s.keys("]")
	first := s.waitQuote(1)
	s.keys("]")
	second := s.waitQuote(2)
	if first != second {
		t.Errorf("quote count changed between jumps: %d then %d", first, second)
	}
	if second < 2 {
		t.Errorf("status bar shows quote 2/%d; want at least 2 quotes", second)
	}

	// esc goes back to the list, q quits there.
	s.keys("Escape")
	s.waitFor("the list after esc", func(screen string) bool {
		// The article's status bar names the current quote; the list's does not.
		return !quotePos.MatchString(screen) && strings.Contains(screen, e2eTitle)
	})
	s.keys("q")
	s.waitExit(0)
}

func TestEndToEndTmuxSizes(t *testing.T) {
	bin := buildReader(t)
	// Each size is resized to another in the middle of the article.
	for _, size := range []struct{ w, h, rw, rh int }{{80, 24, 120, 30}, {200, 50, 80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			s := startReader(t, bin, size.w, size.h)
			s.waitList()
			s.openArticle()
			s.keys("]")
			s.waitQuote(1)
			s.keys("]")
			n := s.waitQuote(2)
			if size.w >= 120 {
				// The side pane shows at this width, with parties grouped by kind.
				screen := s.capture()
				if !strings.Contains(screen, "People") && !strings.Contains(screen, "Organisations") {
					t.Errorf("no side pane (People / Organisations heading) at %dx%d:\n%s", size.w, size.h, screen)
				}
			}

			// Going back and forth between jumps and a resize keeps the place.
			s.keys("[")
			s.waitQuote(1)
			s.keys("]")
			s.waitQuote(2)
			s.resize(size.rw, size.rh)
			s.waitFor("the status bar after a resize", func(screen string) bool {
				m := quotePos.FindStringSubmatch(screen)
				return m != nil && m[1] == "2" && m[2] == strconv.Itoa(n)
			})
			s.keys("C-c")
			s.waitExit(0)
		})
	}
}

// buildReader builds the binary from the repository root (the test's
// working directory) into a temporary folder and returns its path.
func buildReader(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not found in PATH: skipping the end-to-end test (install tmux to run it)")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go not found in PATH: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "byline")
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build -o %s .: %v\n%s", bin, err, out)
	}
	return bin
}

// tmuxSession is one reader running in a tmux server of its own (its own
// socket), so the tests never touch the user's sessions.
type tmuxSession struct {
	t      *testing.T
	socket string   // tmux -L name
	name   string   // session name
	conf   string   // tmux configuration file
	env    []string // environment of the tmux server, and so of the reader
}

// startReader starts the binary on examples/ in a detached tmux session of
// size w x h. The pane stays after the reader exits (remain-on-exit) so its
// exit status and last screen can be read; the server is killed in Cleanup.
func startReader(t *testing.T, bin string, w, h int) *tmuxSession {
	t.Helper()
	examples, err := filepath.Abs("examples")
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprintf("byline-e2e-%d-%d", os.Getpid(), e2eSeq.Add(1))
	dir := t.TempDir()
	conf := filepath.Join(dir, "tmux.conf")
	settings := strings.Join([]string{
		"set -g remain-on-exit on",
		"set -g status off", // the reader gets the whole w x h
		"set -g default-terminal xterm-256color",
		"set -sg escape-time 0",
		"set -g history-limit 100",
	}, "\n") + "\n"
	if err := os.WriteFile(conf, []byte(settings), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: id, name: id, conf: conf, env: readerEnv(dir)}
	t.Cleanup(func() {
		// kill-server ends this test's private server and everything in it.
		_, _ = s.tmux("kill-server")
	})
	command := shellQuote(bin) + " " + shellQuote(examples)
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), command); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	return s
}

// readerEnv is a clean environment for the reader: the test's own, minus
// anything that changes colour or points at another tmux, plus TERM and
// BYLINE_TEST=1.
func readerEnv(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "TMUX", "TMUX_PANE", "TERM", "COLORTERM", "NO_COLOR", "CLICOLOR_FORCE", "EDITOR", "VISUAL":
			continue
		}
		if strings.HasPrefix(k, "BYLINE_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TERM=xterm-256color", "BYLINE_TEST=1", "TMUX_TMPDIR="+home)
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", s.socket, "-f", s.conf}, args...)...)
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// keys sends tmux key names ("Enter", "Escape", "C-c", "]").
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.t.Logf("keys %q", keys)
	if out, err := s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...); err != nil {
		s.t.Fatalf("tmux send-keys %q: %v\n%s", keys, err, out)
	}
}

// typeText sends text literally, one key per character.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	if out, err := s.tmux("send-keys", "-t", s.name, "-l", text); err != nil {
		s.t.Fatalf("tmux send-keys -l %q: %v\n%s", text, err, out)
	}
}

func (s *tmuxSession) capture() string {
	s.t.Helper()
	out, err := s.tmux("capture-pane", "-p", "-t", s.name)
	if err != nil {
		s.t.Fatalf("tmux capture-pane: %v\n%s", err, out)
	}
	return out
}

func (s *tmuxSession) resize(w, h int) {
	s.t.Helper()
	if out, err := s.tmux("resize-window", "-t", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)); err != nil {
		s.t.Fatalf("tmux resize-window: %v\n%s", err, out)
	}
}

// exited reports whether the reader has exited, and its exit status.
func (s *tmuxSession) exited() (bool, int) {
	s.t.Helper()
	out, err := s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead} #{pane_dead_status}")
	if err != nil {
		s.t.Fatalf("tmux display-message: %v\n%s", err, out)
	}
	dead, status, _ := strings.Cut(strings.TrimSpace(out), " ")
	code, _ := strconv.Atoi(status)
	return dead == "1", code
}

// waitFor polls the screen until ok accepts it and returns that screen. It
// fails at once if the reader exits or the screen shows a crash, and after
// e2eWait with the last screen in the message.
func (s *tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	start := time.Now()
	deadline := start.Add(e2eWait)
	for {
		screen := s.capture()
		s.checkNoCrash(screen)
		if ok(screen) {
			s.t.Logf("%s: after %v; status line: %q", what, time.Since(start).Round(time.Millisecond), statusLine(screen))
			return screen
		}
		if dead, code := s.exited(); dead {
			s.t.Fatalf("waiting for %s: the reader exited with status %d; screen:\n%s", what, code, screen)
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s: gave up after %v; screen:\n%s", what, e2eWait, screen)
		}
		time.Sleep(50 * time.Millisecond) // poll interval, not an assertion
	}
}

func (s *tmuxSession) checkNoCrash(screen string) {
	s.t.Helper()
	for _, sign := range crashSigns {
		if strings.Contains(screen, sign) {
			s.t.Fatalf("screen shows %q:\n%s", sign, screen)
		}
	}
}

// waitList waits for the list of examples, and for it to settle (the
// same screen three polls running), so that the keys that follow are not
// read in one go with others.
func (s *tmuxSession) waitList() {
	s.t.Helper()
	last, same := "", 0
	s.waitFor("the list of examples", func(screen string) bool {
		if screen == last {
			same++
		} else {
			last, same = screen, 0
		}
		seen := 0
		for _, title := range e2eTitles {
			if strings.Contains(screen, title) {
				seen++
			}
		}
		return seen >= 2 && same >= 2
	})
}

// openArticle filters the list down to the test article and opens it.
// Each key waits for the screen to answer the one before: Bubble Tea reads
// runes that arrive together as one key, which would hide the "/". The
// list shows the filter as "/text" (in its input, then as a chip once
// applied), which the article screen never shows; if the first enter only
// accepted the filter (as bubbles' list does), a second one opens.
func (s *tmuxSession) openArticle() {
	s.t.Helper()
	before := s.capture()
	s.keys("/")
	s.waitFor("the filter input", func(screen string) bool { return screen != before })
	s.typeText(e2eFilter)
	// Wait for the article's own row under the filter, not just the typed
	// text: enter on a filter with no match yet would open another article.
	typing := s.waitFor("the article in the filtered list", func(screen string) bool {
		return strings.Contains(screen, "/"+e2eFilter) && strings.Contains(screen, e2eTitle)
	})
	s.keys("Enter")
	screen := s.waitFor("an answer to enter", func(screen string) bool { return screen != typing })
	if !strings.Contains(screen, e2eBodyText) && strings.Contains(screen, "/"+e2eFilter) {
		s.keys("Enter")
	}
	s.waitFor("the article body", func(screen string) bool {
		return strings.Contains(screen, e2eBodyText)
	})
}

// waitQuote waits for "quote i/N" in the status bar and returns N.
func (s *tmuxSession) waitQuote(i int) int {
	s.t.Helper()
	var n int
	s.waitFor(fmt.Sprintf("quote %d/N in the status bar", i), func(screen string) bool {
		m := quotePos.FindStringSubmatch(screen)
		if m == nil || m[1] != strconv.Itoa(i) {
			return false
		}
		n, _ = strconv.Atoi(m[2])
		return true
	})
	return n
}

// waitExit waits for the reader to exit and checks its status and last screen.
func (s *tmuxSession) waitExit(want int) {
	s.t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		dead, code := s.exited()
		if dead {
			screen := s.capture()
			s.checkNoCrash(screen)
			if code != want {
				s.t.Fatalf("the reader exited with status %d, want %d; screen:\n%s", code, want, screen)
			}
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the reader did not exit within %v; screen:\n%s", e2eWait, s.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// statusLine is the last line of the screen with something on it but the
// help line: the status bar, for logs.
func statusLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	if len(lines) >= 2 {
		return strings.TrimSpace(lines[len(lines)-2])
	}
	return ""
}

// shellQuote quotes s for the shell tmux runs the command with.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
