package doc

import "testing"

// TestRegexpsCompile compiles every pattern now: being lazy, a bad one
// would otherwise panic only when first used.
func TestRegexpsCompile(t *testing.T) {
	if len(allRegexps) < 30 {
		t.Fatalf("only %d patterns registered", len(allRegexps))
	}
	for _, l := range allRegexps {
		l.get()
	}
}
