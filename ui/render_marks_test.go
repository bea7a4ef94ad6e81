package ui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"byline/articles/doc"
)

func TestMarkerRunesAreInvisible(t *testing.T) {
	for _, r := range append([]rune{markerRune}, markerDigits[:]...) {
		if w := runewidth.RuneWidth(r); w != 0 {
			t.Errorf("runewidth.RuneWidth(%U) = %d, want 0", r, w)
		}
		if w := ansi.StringWidth(string(r)); w != 0 {
			t.Errorf("ansi.StringWidth(%U) = %d, want 0", r, w)
		}
		if unicode.IsSpace(r) {
			t.Errorf("%U is a space: the word wrapper would break at it", r)
		}
		if !doc.IsMarkerRune(r) {
			t.Errorf("doc.IsMarkerRune(%U) = false: the text could forge it", r)
		}
	}
}

func TestMarkersRoundTrip(t *testing.T) {
	for _, tc := range []struct{ kind, id int }{{mkQuoteStart, 0}, {mkQuoteEnd, 1}, {mkMentionStart, 4}, {mkBlock, 12345}, {mkBreak, 0}, {mkDimEnd, 1 << 30}} {
		w := newWalker(80, true)
		var got []record
		w.walk("x" + marker(tc.kind, tc.id) + "y")
		got = w.recs
		switch tc.kind {
		case mkQuoteStart, mkMentionStart, mkBlock:
			if len(got) != 1 || got[0].kind != tc.kind || got[0].id != tc.id || got[0].pos != (Position{0, 1}) {
				t.Errorf("marker(%d, %d) read back as %+v", tc.kind, tc.id, got)
			}
		}
		if p := w.lines[0].plain; p != "xy" {
			t.Errorf("marker(%d, %d) left %q, want %q", tc.kind, tc.id, p, "xy")
		}
	}
}

// TestMarkersDoNotChangeWrapping renders a paragraph through glamour with
// and without markers inside and around its words: once the markers are
// taken out, the lines must be the same.
func TestMarkersDoNotChangeWrapping(t *testing.T) {
	words := strings.Fields(`The harbour board of Halden said on Monday that "we will hold the line on fees for another year, whatever the shipping lines threaten," in a statement — a well-known line by now.`)
	var with, without []string
	for i, w := range words {
		without = append(without, w)
		rs := []rune(w)
		m := marker(mkMentionStart, i) + string(rs[:len(rs)/2]) + marker(mkQuoteEnd, i*7) + string(rs[len(rs)/2:]) + marker(mkMentionEnd, i)
		with = append(with, m)
	}
	for _, width := range []int{12, 20, 33, 50} {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(width), glamour.WithColorProfile(termenv.Ascii))
		if err != nil {
			t.Fatal(err)
		}
		a, err := r.Render(strings.Join(with, " "))
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Render(strings.Join(without, " "))
		if err != nil {
			t.Fatal(err)
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if doc.IsMarkerRune(r) {
					return -1
				}
				return r
			}, s)
		}
		if strip(a) != b {
			t.Errorf("width %d: markers changed the wrapping:\n%s\n---\n%s", width, strip(a), b)
		}
	}
}
