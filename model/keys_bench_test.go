package model

import (
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/bench/corpus"
)

// bench1MB returns the reader at 200x50 as a terminal user gets it (dark
// style, 256 colours) with the bench corpus's generated 1 MB feature open
// and rendered.
func bench1MB(b *testing.B) Model {
	b.Helper()
	lipgloss.SetColorProfile(termenv.ANSI256)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	big := corpus.Big(1, 1<<20)
	a, err := articles.Parse("feature.md", doc.Markdown, []byte(big.Source))
	if err != nil {
		b.Fatal(err)
	}
	opts := testOptions()
	opts.Style, opts.Profile, opts.Open = "dark", termenv.ANSI256, a
	m := New(opts)
	m = upd(b, m, tea.WindowSizeMsg{Width: 200, Height: 50})
	return renderNow(b, m)
}

// stepTimes runs step b.N times and reports the median and 99th percentile
// of one step beside the mean: the target is a median.
func stepTimes(b *testing.B, step func()) {
	ds := make([]time.Duration, 0, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		t := time.Now()
		step()
		ds = append(ds, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(ds[len(ds)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkKeys1MB measures Update and View together for each key of the
// article screen on a 1 MB article at 200x50 in 256 colours (target: under
// 1 ms median), covering the keys BenchmarkUpdateView leaves out: k, page
// and half-page moves, g/G, [ and N, and moving in the side pane. A key
// that reaches the end of what it walks starts over, so every step moves.
func BenchmarkKeys1MB(b *testing.B) {
	base := bench1MB(b)
	b.Logf("1 MB article: %d body lines, %d quotes, %d parties", base.art.bodyLen(), len(base.art.quotes), len(base.art.art.Parties))
	press := func(m Model, msg tea.Msg) Model {
		nm, _ := m.Update(msg)
		m = nm.(Model)
		_ = m.View()
		return m
	}
	cases := []struct {
		name string
		prep []tea.Msg    // sent before timing
		keys []tea.Msg    // sent in turn, one per step
		wrap func(*Model) // starts over at the end
	}{
		{name: "j", keys: []tea.Msg{keyMsg("j")}, wrap: func(m *Model) {
			if m.art.top >= m.art.bodyLen()-m.art.bodyH {
				m.art.top = 0
			}
		}},
		{name: "k", keys: []tea.Msg{keyMsg("k")}, wrap: func(m *Model) {
			if m.art.top == 0 {
				m.art.top = m.art.bodyLen() - m.art.bodyH
			}
		}},
		{name: "pgdown", keys: []tea.Msg{tea.KeyMsg{Type: tea.KeyPgDown}}, wrap: func(m *Model) {
			if m.art.top >= m.art.bodyLen()-m.art.bodyH {
				m.art.top = 0
			}
		}},
		{name: "d", keys: []tea.Msg{keyMsg("d")}, wrap: func(m *Model) {
			if m.art.top >= m.art.bodyLen()-m.art.bodyH {
				m.art.top = 0
			}
		}},
		{name: "G-g", keys: []tea.Msg{keyMsg("G"), keyMsg("g")}},
		{name: "[", keys: []tea.Msg{keyMsg("[")}, wrap: func(m *Model) {
			if m.art.quote <= 0 {
				m.art.quote, m.art.top = len(m.art.quotes), max(0, m.art.bodyLen()-m.art.bodyH)
			}
		}},
		{name: "N", prep: []tea.Msg{keyMsg("/"), keyMsg("t"), keyMsg("h"), keyMsg("e"), keyMsg("enter")}, keys: []tea.Msg{keyMsg("N")}},
		{name: "pane-down-up", prep: []tea.Msg{keyMsg("tab")}, keys: []tea.Msg{keyMsg("down"), keyMsg("up")}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			m := base
			for _, msg := range c.prep {
				m = upd(b, m, msg)
			}
			i := 0
			stepTimes(b, func() {
				m = press(m, c.keys[i%len(c.keys)])
				i++
				if c.wrap != nil {
					c.wrap(&m)
				}
			})
		})
	}
}

// BenchmarkResize1MB measures what a resize costs on the UI path with a
// 1 MB article open at about 200x50: Update with the new size and View.
// The body is re-wrapped in the background (a tea.Cmd, not run here), so
// this must stay far below a frame however big the article.
func BenchmarkResize1MB(b *testing.B) {
	base := bench1MB(b)
	sizes := []tea.WindowSizeMsg{{Width: 199, Height: 50}, {Width: 200, Height: 50}, {Width: 200, Height: 49}}
	m := base
	i := 0
	stepTimes(b, func() {
		nm, _ := m.Update(sizes[i%len(sizes)])
		m = nm.(Model)
		_ = m.View()
		i++
	})
}
