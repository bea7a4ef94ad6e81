package articles

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestCountWordsRandom holds countWords to the definition, rune by rune,
// on random strings of letters, digits, punctuation and ASCII and Unicode
// white space.
func TestCountWordsRandom(t *testing.T) {
	ref := func(s string) int {
		n, in := 0, false
		for _, r := range s {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if !in {
					n++
				}
				in = true
			case unicode.IsSpace(r):
				in = false
			}
		}
		return n
	}
	pieces := []string{"a", "Z", "7", "é", "東", "١", " ", "\t", "\n", "\v", "\r", "\u00a0", "\u2003", "\u0085",
		"'", "-", "—", "(", ".", "“", "\xff", "_"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100_000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if s := b.String(); countWords(s) != ref(s) {
			t.Fatalf("countWords(%q) = %d, want %d", s, countWords(s), ref(s))
		}
	}
}
