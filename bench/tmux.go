package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// tmux is a private tmux server driven through one control-mode client, so
// that polling a pane costs a round trip on a pipe, not a process start.
type tmux struct {
	sock string
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	seq  int
}

// startTmux starts a server on its own socket with an idle session that
// holds the control client, and sets the options every measured session
// gets: no status line (the pane is the whole terminal), a 256-colour
// terminal.
func startTmux(width, height int) (*tmux, error) {
	t := &tmux{sock: fmt.Sprintf("byline-bench-%d", os.Getpid())}
	t.cmd = exec.Command("tmux", "-L", t.sock, "-f", "/dev/null", "-C", "new-session", "-s", "idle",
		"-x", strconv.Itoa(width), "-y", strconv.Itoa(height), "sleep 86400")
	var err error
	if t.in, err = t.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := t.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	t.out = bufio.NewReaderSize(stdout, 1<<16)
	if err := t.cmd.Start(); err != nil {
		return nil, fmt.Errorf("tmux: %w", err)
	}
	// Skip whatever the server printed at start-up: wait for our marker.
	if _, err := t.run("display-message -p tmux-bench-ready"); err != nil {
		t.close()
		return nil, err
	}
	for _, c := range []string{
		"set-option -g status off",
		"set-option -g default-terminal tmux-256color",
		// not window-size manual: with it, new-session from a control
		// client crashes tmux 3.3a
		fmt.Sprintf("set-option -g default-size %dx%d", width, height),
		"set-option -g remain-on-exit on", // a crash stays readable; --version stays to be seen
		"set-environment -g -u NO_COLOR",
		"set-environment -g -u CLICOLOR_FORCE",
		"set-environment -g -u COLORTERM",
		"set-environment -g -u COLORFGBG",
	} {
		if _, err := t.run(c); err != nil {
			t.close()
			return nil, fmt.Errorf("tmux %s: %w", c, err)
		}
	}
	return t, nil
}

// run sends one command and returns its output lines. Notifications the
// server sends between command blocks (%output, %session-changed, …) are
// skipped.
func (t *tmux) run(command string) ([]string, error) {
	if _, err := io.WriteString(t.in, command+"\n"); err != nil {
		return nil, err
	}
	var lines []string
	in := false
	for {
		line, err := t.out.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("tmux: %w", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case !in && strings.HasPrefix(line, "%begin "):
			in, lines = true, nil
		case in && strings.HasPrefix(line, "%end "):
			if command == "display-message -p tmux-bench-ready" && (len(lines) == 0 || lines[0] != "tmux-bench-ready") {
				in = false // the start-up block, not ours
				continue
			}
			return lines, nil
		case in && strings.HasPrefix(line, "%error "):
			return nil, fmt.Errorf("tmux %q: %s", command, strings.Join(lines, "; "))
		case in:
			lines = append(lines, line)
		}
	}
}

func (t *tmux) close() {
	io.WriteString(t.in, "kill-server\n")
	t.in.Close()
	done := make(chan struct{})
	go func() { t.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.cmd.Process.Kill()
	}
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// tmuxQuote quotes s as one tmux command argument.
func tmuxQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`).Replace(s) + `"`
}

// session is one measured program in its own tmux session.
type session struct {
	t     *tmux
	name  string
	start time.Time
	pid   int
}

// launch starts argv in a new detached session of width×height and
// returns at once; start is the instant the command was sent.
func (t *tmux) launch(width, height int, argv ...string) (*session, error) {
	t.seq++
	s := &session{t: t, name: fmt.Sprintf("m%d", t.seq)}
	q := make([]string, len(argv))
	for i, a := range argv {
		q[i] = shellQuote(a)
	}
	cmd := fmt.Sprintf("new-session -d -s %s -x %d -y %d %s", s.name, width, height, tmuxQuote("exec "+strings.Join(q, " ")))
	s.start = time.Now()
	if _, err := t.run(cmd); err != nil {
		return nil, err
	}
	if out, err := t.run("display-message -p -t " + s.name + " '#{pane_pid}'"); err == nil && len(out) > 0 {
		s.pid, _ = strconv.Atoi(strings.TrimSpace(out[0]))
	}
	return s, nil
}

// capture returns the visible text of the session's pane ("" once it is
// gone).
func (s *session) capture() string {
	out, err := s.t.run("capture-pane -p -t " + s.name)
	if err != nil {
		return ""
	}
	return strings.Join(out, "\n")
}

// keys sends tmux key names (Enter, j, …) to the session.
func (s *session) keys(k ...string) error {
	_, err := s.t.run("send-keys -t " + s.name + " " + strings.Join(k, " "))
	return err
}

// pollEvery is how often a pane is captured while waiting.
const pollEvery = 2 * time.Millisecond

// waitFor captures the pane until ok says yes or timeout passes. It
// returns the time from since to the capture that satisfied ok, and that
// capture.
func (s *session) waitFor(since time.Time, timeout time.Duration, ok func(pane string) bool) (time.Duration, string, error) {
	deadline := time.Now().Add(timeout)
	var pane string
	for time.Now().Before(deadline) {
		pane = s.capture()
		if ok(pane) {
			return time.Since(since), pane, nil
		}
		time.Sleep(pollEvery)
	}
	return 0, pane, fmt.Errorf("not seen within %s; the pane showed: %s", timeout, summary(pane))
}

func summary(pane string) string {
	var keep []string
	for _, l := range strings.Split(pane, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			keep = append(keep, l)
		}
		if len(keep) == 3 {
			break
		}
	}
	return strings.Join(keep, " | ")
}

func (s *session) kill() {
	s.t.run("kill-session -t " + s.name)
}

// procStat is what /proc says about a process.
type procStat struct {
	cpu   time.Duration // user + system time so far
	hwm   int64         // peak resident set, bytes (VmHWM)
	rss   int64         // resident set now, bytes
	alive bool
}

func readProc(pid int) procStat {
	var st procStat
	if pid <= 0 {
		return st
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return st
	}
	// fields after the command name in parentheses
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		f := strings.Fields(s[i+1:])
		if len(f) > 13 {
			ut, _ := strconv.ParseInt(f[11], 10, 64)
			stt, _ := strconv.ParseInt(f[12], 10, 64)
			st.cpu = time.Duration(ut+stt) * (time.Second / 100) // USER_HZ is 100 on Linux
			st.alive = f[0] != "Z"
		}
	}
	b, err = os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				st.hwm = kB(v)
			} else if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
				st.rss = kB(v)
			}
		}
	}
	return st
}

func kB(v string) int64 {
	f := strings.Fields(v)
	if len(f) == 0 {
		return 0
	}
	n, _ := strconv.ParseInt(f[0], 10, 64)
	return n << 10
}

// settle waits until the process has used no more than 10 ms of CPU over
// quiet (its background work is done) or timeout passes, and returns when
// the CPU use last grew, measured from since, with the final /proc figures.
func (s *session) settle(since time.Time, quiet, timeout time.Duration) (time.Duration, procStat, error) {
	deadline := time.Now().Add(timeout)
	last := readProc(s.pid)
	lastChange := time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		st := readProc(s.pid)
		if !st.alive {
			return 0, last, fmt.Errorf("the program exited")
		}
		if st.cpu-last.cpu > 10*time.Millisecond || runnable(s.pid) {
			// a thread waiting for a core on a busy machine is not idle
			last, lastChange = st, time.Now()
			continue
		}
		last.hwm, last.rss = st.hwm, st.rss
		if time.Since(lastChange) >= quiet {
			return lastChange.Sub(since), last, nil
		}
	}
	return 0, last, fmt.Errorf("still busy after %s", timeout)
}

// runnable reports whether any thread of the process is running or
// waiting for a core (state R in /proc/PID/task/TID/stat).
func runnable(pid int) bool {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return false
	}
	for _, t := range tasks {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/stat", pid, t.Name()))
		if err != nil {
			continue
		}
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) && s[i+2] == 'R' {
			return true
		}
	}
	return false
}
