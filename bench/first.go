package main

import (
	"fmt"

	"byline/articles"
	"byline/ui"
)

// firstScreen times how long the body renderer takes to produce the lines
// of the first screen of a (as many lines as the -height terminal has),
// from nothing: ui.NewBodyRender(a, o).Prefix(height).
func (e *bench) firstScreen(a *articles.Article, o ui.BodyOptions) (quantity, string, error) {
	var lines int
	d, err := timeIt(max(e.o.runs, 5), func() error {
		b, err := ui.NewBodyRender(a, o).Prefix(e.o.height)
		if err == nil {
			lines = b.Len()
		}
		return err
	})
	if err != nil {
		return quantity{}, "", err
	}
	return dur(d), fmt.Sprintf("%d lines rendered (Prefix(%d))", lines, e.o.height), nil
}
