package doc

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on its first use rather than
// when the program starts: doc has some forty of them, and compiling them
// all took 5-8 ms of every start-up, --version's included, before main ran.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// allRegexps lists every lazyRegexp, so that a test can compile them all.
var allRegexps []*lazyRegexp

func lazyRE(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr}
	allRegexps = append(allRegexps, l)
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }
func (l *lazyRegexp) Match(b []byte) bool       { return l.get().Match(b) }
func (l *lazyRegexp) FindString(s string) string {
	return l.get().FindString(s)
}
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }
func (l *lazyRegexp) FindAllString(s string, n int) []string {
	return l.get().FindAllString(s, n)
}
func (l *lazyRegexp) FindStringSubmatch(s string) []string {
	return l.get().FindStringSubmatch(s)
}
func (l *lazyRegexp) FindSubmatch(b []byte) [][]byte { return l.get().FindSubmatch(b) }
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
