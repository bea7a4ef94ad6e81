package main

import (
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/ui"
)

// renderRows time glamour rendering the 1 MB Markdown whole (the baseline)
// against byline's body renderer, whole and for the first screen. All use
// the dark style, the 256-colour profile and the -width wrap width.
func (e *bench) renderRows() {
	if e.want("render-3k") {
		e.render3k()
	}
	if !e.want("render-1m") {
		return
	}
	data, err := os.ReadFile(e.file1m)
	if err != nil {
		e.add(&result{id: "render-1m", name: "render 1 MB", err: err})
		return
	}
	runs := min(e.o.runs, 3) // a second or more each
	var glam quantity
	var glamCPU string
	tr, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(e.o.width), glamour.WithColorProfile(termenv.ANSI256))
	if err == nil {
		var d time.Duration
		d, err = timeIt(runs-1, func() error {
			_, err := tr.RenderBytes(data)
			return err
		})
		glam = dur(d)
		glamCPU = cpuNote(d)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: glamour: %v\n", err)
	}
	a, err := articles.Parse(e.file1m, doc.FormatOf(e.file1m), data)
	opts := ui.BodyOptions{Width: e.o.width, Style: "dark", Profile: termenv.ANSI256, Styles: ui.DefaultStyles(true)}
	whole := &result{id: "render-1m", name: "ui.RenderBody, 1 MB article, whole", baseName: "glamour rendering the 1 MB Markdown whole", base: glam}
	if err == nil {
		var d time.Duration
		var lines int
		d, err = timeIt(runs-1, func() error {
			b, err := ui.RenderBody(a, opts)
			if err == nil {
				lines = b.Len()
			}
			return err
		})
		whole.fig = dur(d)
		whole.note = joinNotes(fmt.Sprintf("%d lines", lines), cpuNote(d))
	}
	whole.err = err
	e.add(whole)
	first := &result{id: "render-1m-first", name: "ui.RenderBody, 1 MB article, first screen", baseName: "glamour rendering the 1 MB Markdown whole", base: glam,
		target: "≤ 100 ms", check: atMost(100 * time.Millisecond)}
	first.fig, first.note, first.err = e.firstScreen(a, opts)
	if first.err == nil {
		first.note = joinNotes(first.note, cpuNote(first.fig.d))
	}
	whole.note = joinNotes(whole.note, "glamour "+glamCPU)
	e.add(first)
}

// render3k times the body renderer on the 3 KB article, a new glamour
// renderer included as when an article is opened, against glamour
// rendering the same text whole with a renderer made once.
func (e *bench) render3k() {
	r := &result{id: "render-3k", name: "ui.RenderBody, 3 KB article", baseName: "glamour rendering the same text"}
	data, err := os.ReadFile(e.file3k)
	if err != nil {
		r.err = err
		e.add(r)
		return
	}
	runs := max(e.o.runs, 21)
	if tr, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(e.o.width), glamour.WithColorProfile(termenv.ANSI256)); err == nil {
		if d, err := timeIt(runs, func() error { _, err := tr.RenderBytes(data); return err }); err == nil {
			r.base = dur(d)
		}
	}
	a, err := articles.Parse(e.file3k, doc.FormatOf(e.file3k), data)
	if err == nil {
		opts := ui.BodyOptions{Width: e.o.width, Style: "dark", Profile: termenv.ANSI256, Styles: ui.DefaultStyles(true)}
		var d time.Duration
		d, err = timeIt(runs, func() error { _, err := ui.RenderBody(a, opts); return err })
		r.fig = dur(d)
		r.note = cpuNote(d)
	}
	r.err = err
	e.add(r)
}
