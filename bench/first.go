package main

import (
	"errors"
	"time"

	"byline/articles"
	"byline/ui"
)

// firstScreen times how long the body renderer takes to produce the
// lines of the first screen of a (the height of the -height terminal).
func (e *bench) firstScreen(a *articles.Article, o ui.BodyOptions) (quantity, string, error) {
	_ = a
	_ = o
	return quantity{}, "", errors.New("the body renderer has no first-screen entry point yet")
}

var _ = time.Second
