package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// StatusBar is what the status bar shows, left to right.
type StatusBar struct {
	Spinner string // the spinner's current frame; "" when nothing is loading or rendering
	Loading string // progress, e.g. "312 of 1,204" (see Progress); "" when done
	Target  string // the jump target and position: "quote 3/9 · NATO", "Russia 2/7" (see QuotePos, MentionPos)
	Match   string // "match 4/12" while a search is active (see MatchPos)
	Notice  string // a transient notice: "3 files skipped", "copied"
	Error   string // an error, shown in the Error style
	Right   string // shown flush right when there is room, e.g. "? help"
}

// Progress returns "312 of 1,204".
func Progress(done, total int) string {
	return Thousands(done) + " of " + Thousands(total)
}

// QuotePos returns "quote 3/9 · speaker" for the 0-based quote i of n;
// "9 quotes" when no quote is current; the speaker part only when known.
func QuotePos(i, n int, speaker string) string {
	if i < 0 {
		return Count(n, "quote", "quotes")
	}
	s := fmt.Sprintf("quote %d/%d", i+1, n)
	if sp := Flat(speaker); sp != "" {
		s += " · " + sp
	}
	return s
}

// MentionPos returns "Russia 2/7" for the 0-based mention i of n; "Russia 7"
// when none is current.
func MentionPos(name string, i, n int) string {
	if i < 0 {
		return fmt.Sprintf("%s %d", Flat(name), n)
	}
	return fmt.Sprintf("%s %d/%d", Flat(name), i+1, n)
}

// MatchPos returns "match 4/12" for the 0-based match i of n, "no match"
// when n is 0.
func MatchPos(i, n int) string {
	if n == 0 {
		return "no match"
	}
	return fmt.Sprintf("match %d/%d", i+1, n)
}

// Status renders the status bar on one line of exactly width cells; what
// does not fit is cut at the right, so the parts come in order of need:
// progress, jump target, match, error, notice.
func Status(s Styles, b StatusBar, width int) string {
	if width < 1 {
		return ""
	}
	sep := s.Status.Render(" · ")
	var parts []string
	if b.Spinner != "" || b.Loading != "" {
		p := strings.TrimSpace(s.Spinner.Inherit(s.Status).Render(b.Spinner) + s.Status.Render(" "+b.Loading))
		parts = append(parts, p)
	}
	if b.Target != "" {
		parts = append(parts, s.StatusKey.Render(b.Target))
	}
	if b.Match != "" {
		parts = append(parts, s.StatusKey.Render(b.Match))
	}
	if b.Error != "" {
		parts = append(parts, s.Error.Inherit(s.Status).Render(Flat(b.Error)))
	}
	if b.Notice != "" {
		parts = append(parts, s.Notice.Inherit(s.Status).Render(Flat(b.Notice)))
	}
	left := s.Status.Render(" ") + strings.Join(parts, sep)
	lw := ansi.StringWidth(left)
	right := ""
	if b.Right != "" {
		right = s.Status.Render(b.Right + " ")
	}
	rw := ansi.StringWidth(right)
	if lw+rw+1 > width {
		right, rw = "", 0
	}
	if lw > width {
		left = ansi.Truncate(left, width-1, "") + s.Status.Render("…")
		lw = ansi.StringWidth(left)
	}
	return left + s.Status.Render(strings.Repeat(" ", max(0, width-lw-rw))) + right
}
