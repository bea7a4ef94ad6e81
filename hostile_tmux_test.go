package main

// The hostile corpus in a real terminal: the built binary runs in tmux on
// testdata/hostile/ and on each nasty file, keys are pressed, and the test
// checks that the file drove nothing (the pane title, the window name and
// tmux's paste buffers are unchanged), that the reader is alive or exited
// with the expected status, and that the screen shows the sanitised text.
// It skips only when tmux is missing.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// htWait bounds each wait for the screen; generous because the machine
// running the tests may be busy. It guards against a hang; it is not a
// speed budget.
const htWait = 60 * time.Second

// htTitle is the pane title set before the reader starts.
const htTitle = "hostile-test-title"

var htSeq atomic.Int64

// htBuild builds the binary once per test.
func htBuild(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not found in PATH: skipping the hostile-input terminal test (install tmux to run it)")
	}
	bin := filepath.Join(t.TempDir(), "byline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// htPane is the reader running in a pane of a private tmux server. It is
// started by a wrapper that waits for a go file (so the title can be set
// first), runs the reader, and writes its exit status to a file.
type htPane struct {
	t      *testing.T
	socket string
	conf   string
	dir    string
	env    []string
}

// htStart runs `bin args...` (shell words, already quoted; may include a
// redirection) in a w x h pane and returns once the reader has started.
func htStart(t *testing.T, bin string, w, h int, args string) *htPane {
	t.Helper()
	dir := t.TempDir()
	p := &htPane{t: t, socket: fmt.Sprintf("byline-hostile-%d-%d", os.Getpid(), htSeq.Add(1)), dir: dir}
	p.conf = filepath.Join(dir, "tmux.conf")
	conf := strings.Join([]string{
		"set -g remain-on-exit on",
		"set -g status off",
		"set -g default-terminal xterm-256color",
		"set -sg escape-time 0",
		"set -wg allow-rename on",     // a title sequence could rename the window
		"set -g set-clipboard on",     // an OSC 52 sequence would fill a paste buffer
		"set -g automatic-rename off", // the window name changes only if a sequence does it
	}, "\n") + "\n"
	if err := os.WriteFile(p.conf, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "TMUX", "TMUX_PANE", "TERM", "COLORTERM", "NO_COLOR", "CLICOLOR_FORCE", "EDITOR", "VISUAL":
			continue
		}
		if !strings.HasPrefix(k, "BYLINE_") {
			p.env = append(p.env, kv)
		}
	}
	// The server's socket lives under TMUX_TMPDIR, which must be short (a
	// socket path has a limit of about 100 bytes; t.TempDir's can exceed it).
	sockDir, err := os.MkdirTemp("", "bh")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	p.env = append(p.env, "TERM=xterm-256color", "EDITOR=true", "VISUAL=true", "TMUX_TMPDIR="+sockDir, "BYLINE_DEBUG="+filepath.Join(dir, "debug.log"))
	t.Cleanup(func() { p.tmux("kill-server") })
	// TMUX is unset for the reader: it would wrap OSC 52 in tmux's
	// passthrough, which tmux (allow-passthrough off) drops unseen; plain
	// OSC 52 becomes a paste buffer the test can read.
	script := fmt.Sprintf("while [ ! -e %[1]s/go ]; do sleep 0.02; done; unset TMUX; %[2]s %[3]s; echo $? > %[1]s/status", htQuote(dir), htQuote(bin), args)
	if out, err := p.tmux("new-session", "-d", "-s", "main", "-n", "reader", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "sh", "-c", script); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	if out, err := p.tmux("select-pane", "-t", "main", "-T", htTitle); err != nil {
		t.Fatalf("tmux select-pane -T: %v\n%s", err, out)
	}
	if got := p.display("#{pane_title}"); got != htTitle {
		t.Fatalf("pane title %q before the reader started, want %q", got, htTitle)
	}
	if err := os.WriteFile(filepath.Join(dir, "go"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *htPane) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", p.socket, "-f", p.conf}, args...)...)
	cmd.Env = p.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (p *htPane) display(format string) string {
	p.t.Helper()
	out, err := p.tmux("display-message", "-p", "-t", "main", format)
	if err != nil {
		p.t.Fatalf("tmux display-message: %v\n%s", err, out)
	}
	return strings.TrimRight(out, "\n")
}

func (p *htPane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		if out, err := p.tmux("send-keys", "-t", "main", k); err != nil {
			p.t.Fatalf("tmux send-keys %q: %v\n%s", k, err, out)
		}
		if k == "Escape" {
			// An escape followed at once by another key reaches the reader
			// in one read and means alt+key; a terminal user is never that
			// fast. This pause is input timing, not a wait for a result.
			time.Sleep(150 * time.Millisecond)
		}
	}
}

func (p *htPane) screen() string {
	p.t.Helper()
	out, err := p.tmux("capture-pane", "-p", "-t", "main")
	if err != nil {
		p.t.Fatalf("tmux capture-pane: %v\n%s", err, out)
	}
	return out
}

// status returns the reader's exit status, or -1 while it runs.
func (p *htPane) status() int {
	data, err := os.ReadFile(filepath.Join(p.dir, "status"))
	if err != nil {
		return -1
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return -1 // being written
	}
	return n
}

// waitScreen polls the screen until ok accepts it. It fails when the
// reader exits meanwhile or after htWait.
func (p *htPane) waitScreen(what string, ok func(screen string) bool) string {
	p.t.Helper()
	deadline := time.Now().Add(htWait)
	for {
		s := p.screen()
		p.checkClean(s)
		if ok(s) {
			return s
		}
		if st := p.status(); st >= 0 {
			p.t.Fatalf("waiting for %s: the reader exited with status %d; screen:\n%s", what, st, s)
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s: gave up after %v; screen:\n%s", what, htWait, s)
		}
		time.Sleep(20 * time.Millisecond) // poll interval, not an assertion
	}
}

// waitExit waits for the reader to exit and checks its status.
func (p *htPane) waitExit(want int) string {
	p.t.Helper()
	deadline := time.Now().Add(htWait)
	for p.status() < 0 {
		if time.Now().After(deadline) {
			p.t.Fatalf("the reader did not exit within %v; screen:\n%s", htWait, p.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
	// With the history: tmux's "Pane is dead" line can scroll the last
	// lines the reader wrote off the screen.
	s, err := p.tmux("capture-pane", "-p", "-S", "-50", "-t", "main")
	if err != nil {
		p.t.Fatalf("tmux capture-pane: %v\n%s", err, s)
	}
	if st := p.status(); st != want {
		p.t.Errorf("exit status %d, want %d; screen:\n%s", st, want, s)
	}
	p.checkClean(s)
	if want == exitOK {
		if data, err := os.ReadFile(filepath.Join(p.dir, "debug.log")); err == nil {
			p.t.Errorf("a crash was logged:\n%s", clip(string(data), 2000))
		}
	}
	return s
}

// checkClean checks what a hostile file must never do to the terminal:
// change the pane title or the window name, fill a paste buffer (OSC 52),
// or leave a crash on the screen.
func (p *htPane) checkClean(screen string) {
	p.t.Helper()
	if got := p.display("#{pane_title}"); got != htTitle {
		p.t.Fatalf("the pane title changed to %q; screen:\n%s", got, screen)
	}
	if got := p.display("#{window_name}"); got != "reader" {
		p.t.Fatalf("the window name changed to %q; screen:\n%s", got, screen)
	}
	if out, _ := p.tmux("list-buffers"); strings.TrimSpace(out) != "" {
		p.t.Fatalf("a paste buffer was set (OSC 52): %q", out)
	}
	for _, sign := range []string{"panic:", "goroutine ", "internal error"} {
		if strings.Contains(screen, sign) {
			p.t.Fatalf("the screen shows %q:\n%s", sign, screen)
		}
	}
}

// quit presses q until the reader exits (q from an article opened from
// the list goes back to the list first), at most three times, and checks
// the exit status.
func (p *htPane) quit(want int) {
	p.t.Helper()
	for range 3 {
		p.tmux("send-keys", "-t", "main", "q")
		deadline := time.Now().Add(5 * time.Second)
		for p.status() < 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if p.status() >= 0 {
			break
		}
	}
	p.waitExit(want)
}

// htQuote quotes s as one word for sh.
func htQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// htArticleKeys are the keys pressed in an article: quote jumps, the side
// pane, a search, help; each followed by a screen check.
// (No e: it opens the editor; EDITOR is set to true anyway.)
var htArticleKeys = []string{"j", "]", "]", "[", "Tab", "Down", "Enter", "Escape", "/", "a", "Enter", "n", "Escape", "?", "?", "G", "g"}

// htShowsCaret reports whether the screen shows caret notation where a
// control character was.
func htShowsCaret(s string) bool {
	return strings.Contains(s, "^[") || strings.Contains(s, "<U+00")
}

func TestHostileTmuxFolder(t *testing.T) {
	bin := htBuild(t)
	before := corpusState(t)
	defer checkCorpusUnchanged(t, before)
	corpus, _ := filepath.Abs(corpusDir)
	p := htStart(t, bin, 80, 24, htQuote(corpus))
	p.waitScreen("the list", func(s string) bool { return strings.Contains(s, "Minister resigns") })
	shownN := 0
	for _, f := range hostileFiles {
		if f.outcome == shown {
			shownN++
		}
	}
	sawCaret := false
	for i := 0; i < shownN; i++ {
		p.keys("Enter")
		p.waitScreen("an article", func(s string) bool { return strings.Contains(s, "min read") })
		for _, k := range htArticleKeys {
			p.keys(k)
			sawCaret = htShowsCaret(p.screen()) || sawCaret
		}
		p.keys("Escape", "j")
	}
	if !sawCaret {
		t.Errorf("no article screen showed caret notation (^[ or <U+00..>)")
	}
	p.keys("/")
	p.tmux("send-keys", "-t", "main", "-l", "\x1b]0;bogus\x07")
	p.keys("Escape")
	p.quit(exitOK)
}

// TestHostileTmuxFiles opens each file of the corpus directly: the shown
// ones are read with keys and quit with q (status 0), the refused ones end
// at once with one line naming the file (status 1).
func TestHostileTmuxFiles(t *testing.T) {
	bin := htBuild(t)
	for _, f := range hostileFiles {
		t.Run(f.name, func(t *testing.T) {
			path, _ := filepath.Abs(filepath.Join(corpusDir, f.name))
			p := htStart(t, bin, 80, 24, htQuote(path))
			if f.outcome == refused {
				s := p.waitExit(exitRead)
				if !strings.Contains(squash(s), squash("byline: read "+path)) || !strings.Contains(s, f.reason) {
					t.Errorf("screen does not show the error line:\n%s", s)
				}
				return
			}
			p.waitScreen("the article", func(s string) bool { return strings.Contains(s, "min read") })
			s := p.screen()
			// The first phrase that fits on one line of the screen must be
			// there, carets included.
			for _, want := range f.show {
				if len(want) < 40 && !strings.Contains(squash(s), squash(want)) && strings.Contains(want, "^") {
					t.Errorf("the screen does not show %q:\n%s", want, s)
				}
			}
			for _, k := range htArticleKeys {
				p.keys(k)
			}
			p.quit(exitOK)
		})
	}
}

// TestHostileTmuxPaths: files that are not articles, or names that are
// hostile themselves, end with one clear line and status 1, or open.
func TestHostileTmuxPaths(t *testing.T) {
	bin := htBuild(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop.txt")
	os.Symlink(loop, loop)
	zero := filepath.Join(dir, "zero.txt")
	os.Symlink("/dev/zero", zero)
	huge := filepath.Join(dir, "huge.txt")
	f, _ := os.Create(huge)
	f.Truncate(200 << 20)
	f.Close()
	evil := filepath.Join(dir, "evil\x1b]0;pwned\x07\n.txt")
	os.WriteFile(evil, []byte("An article with a hostile name\n\nIts body.\n"), 0o644)

	for _, c := range []struct {
		name   string
		args   string
		status int
		screen string // on the screen at the end (refused) or while open (shown)
	}{
		{"fifo", htQuote(fifo), exitRead, "not a regular file"},
		{"loop", htQuote(loop), exitRead, "too many levels of symbolic links"},
		{"dev-zero", htQuote(zero), exitRead, "not a regular file"},
		{"200MB", htQuote(huge), exitRead, "--max-size"},
		{"missing hostile name", htQuote(filepath.Join(dir, "gone\x1b]0;pwned\x07.txt")), exitRead, "^[]0;pwned^G"},
		{"hostile name", htQuote(evil), exitOK, "An article with a hostile name"},
		{"stdin nothing", "- </dev/null", exitOK, ""},
		{"folder with traps", htQuote(dir), exitOK, "An article with a hostile name"}, // the list: q twice
	} {
		t.Run(c.name, func(t *testing.T) {
			p := htStart(t, bin, 80, 24, c.args)
			if c.status == exitRead {
				s := p.waitExit(exitRead)
				if !strings.Contains(squash(s), squash(c.screen)) {
					t.Errorf("screen does not show %q:\n%s", c.screen, s)
				}
				return
			}
			p.waitScreen("the reader", func(s string) bool { return strings.Contains(s, c.screen) && strings.TrimSpace(s) != "" })
			p.keys("j", "Enter", "]", "Tab", "Escape")
			p.quit(exitOK)
		})
	}
}

// TestHostileTmuxSizes: 1x1, 10x3 and 500x200 terminals, and 50 resizes
// within a second, on the corpus folder and on an article.
func TestHostileTmuxSizes(t *testing.T) {
	bin := htBuild(t)
	corpus, _ := filepath.Abs(corpusDir)
	article, _ := filepath.Abs(filepath.Join(corpusDir, "csi-overwrite.txt"))
	for _, c := range []struct {
		name, args string
		w, h       int
	}{
		{"folder 1x1", htQuote(corpus), 1, 1},
		{"folder 10x3", htQuote(corpus), 10, 3},
		{"folder 500x200", htQuote(corpus), 500, 200},
		{"article 1x1", htQuote(article), 1, 1},
		{"article 10x3", htQuote(article), 10, 3},
		{"article 500x200", htQuote(article), 500, 200},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := htStart(t, bin, c.w, c.h, c.args)
			p.waitScreen("something on screen", func(s string) bool { return strings.TrimSpace(s) != "" })
			p.keys("j", "Enter", "]", "Tab", "Escape")
			start := time.Now()
			for i := range 50 {
				w, h := 1+i*37%300, 1+i*13%90
				if out, err := p.tmux("resize-window", "-t", "main", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)); err != nil {
					t.Fatalf("resize-window: %v\n%s", err, out)
				}
			}
			t.Logf("50 resizes in %v", time.Since(start))
			p.tmux("resize-window", "-t", "main", "-x", "80", "-y", "24")
			p.waitScreen("the reader at 80x24 with its key help", func(s string) bool {
				return strings.Contains(s, "q quit") || strings.Contains(s, "q back")
			})
			p.quit(exitOK)
		})
	}
}

// TestHostileTmuxCopy: y copies the current quote through OSC 52 (tmux
// keeps it as a paste buffer), sanitised: what a later paste types into a
// terminal must hold no escape sequence. Nothing is copied before y.
func TestHostileTmuxCopy(t *testing.T) {
	bin := htBuild(t)
	path := filepath.Join(t.TempDir(), "copy.txt")
	article := "Mayor asks for calm\n\n" +
		"\u201cStay calm\x1b]0;pwned\x07 and\x1b[2J carry \u202eon,\u201d said the mayor, Ana Ruiz, on Monday.\n\n" +
		"The council meets again next week.\n"
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	p := htStart(t, bin, 80, 24, htQuote(path))
	p.waitScreen("the article", func(s string) bool { return strings.Contains(s, "Stay calm") })
	p.keys("]")
	p.waitScreen("the first quote", func(s string) bool { return strings.Contains(s, "quote 1/") })
	// checkClean fails on any paste buffer, so y is pressed only now.
	if out, err := p.tmux("send-keys", "-t", "main", "y"); err != nil {
		t.Fatalf("send-keys y: %v\n%s", err, out)
	}
	var buf string
	deadline := time.Now().Add(htWait)
	for {
		if out, err := p.tmux("show-buffer"); err == nil {
			buf = out
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no paste buffer after y; screen:\n%s", p.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if bad := unsafeIn(buf, false); bad != "" {
		t.Errorf("the copied quote has %s", bad)
	}
	for _, want := range []string{"Stay calm", "carry", "on"} {
		if !strings.Contains(buf, want) {
			t.Errorf("the copied quote %q does not have %q", buf, want)
		}
	}
	if strings.Contains(buf, "council meets") {
		t.Errorf("the copied quote %q has more than the quote", buf)
	}
	if got := p.display("#{pane_title}"); got != htTitle {
		t.Errorf("the pane title changed to %q", got)
	}
	p.tmux("delete-buffer")
	p.quit(exitOK)
}
