package party

import (
	"os"
	"reflect"
	"testing"

	"byline/articles/doc"
)

// FuzzExtract checks that Extract never panics, that its spans lie inside
// the text on rune boundaries, that mentions are in order, that parties
// come in order of first mention, and that the output is the same when run
// twice. The first byte of the input picks how the text is cut into blocks.
func FuzzExtract(f *testing.F) {
	seed, _ := os.ReadFile("testdata/seed-article.txt")
	f.Add(byte(0), string(seed))
	f.Add(byte(1), "KYIV, Ukraine (AP) — Foreign Minister Bujar Osmani said NATO's U.N. envoy met Ursula von der Leyen.")
	f.Add(byte(2), "Photo: EPA-EFE / JuanJo Martin\n\nVideo of the day\n\nThe Alliance and the Islamic Revolutionary Guard Corps (IRGC) met.")
	f.Add(byte(3), "'It's been long,' said Cllr Pym. Sequoia-backed Kaszek Partners and St Mary's Church of England Primary School.")
	f.Add(byte(4), "Ärzte in München und Zürich: Jürgen Müller’s Straße, Malmö FF, Tadej Pogačar.\u00a0Bosnia & Herzegovina")
	f.Add(byte(5), "\xff\xfeNATO\x00 U.S.\u2028Russia's\u0301 — \"Given\" the U. S. A.-led von")
	f.Fuzz(func(t *testing.T, mode byte, text string) {
		blocks := fuzzBlocks(mode, text)
		ps := Extract(text, blocks)
		again := Extract(text, blocks)
		if !reflect.DeepEqual(ps, again) {
			t.Fatalf("not deterministic:\n%v\n%v", ps, again)
		}
		bounds := runeBounds(text)
		prev := -1
		for _, p := range ps {
			if p.Name == "" || len(p.Mentions) == 0 {
				t.Fatalf("party %+v: empty name or no mentions", p)
			}
			if p.Kind != Person && p.Kind != Organization && p.Kind != Country && p.Kind != Place {
				t.Fatalf("party %q: unknown kind %q", p.Name, p.Kind)
			}
			if p.Mentions[0].Start < prev {
				t.Fatalf("party %q: parties not in order of first mention", p.Name)
			}
			prev = p.Mentions[0].Start
			end := -1
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("party %q: span %v outside text of %d bytes", p.Name, m, len(text))
				}
				if !bounds[m.Start] || !bounds[m.End] {
					t.Fatalf("party %q: span %v not on rune boundaries", p.Name, m)
				}
				if m.Start < end {
					t.Fatalf("party %q: mentions out of order or overlapping at %v", p.Name, m)
				}
				end = m.End
			}
		}
	})
}

// fuzzBlocks cuts text into blocks as mode says: none, one per line, one
// per paragraph with kinds cycling, or arbitrary (even broken) offsets.
func fuzzBlocks(mode byte, text string) []doc.Block {
	switch mode % 4 {
	case 0:
		return nil
	case 1, 2:
		var bs []doc.Block
		sep := "\n"
		if mode%4 == 2 {
			sep = "\n\n"
		}
		k := doc.Kind(mode / 4 % 12)
		for start := 0; start <= len(text); {
			end := start
			for end < len(text) && !hasPrefixAt(text, end, sep) {
				end++
			}
			bs = append(bs, doc.Block{Span: doc.Span{Start: start, End: end}, Kind: k})
			k = (k + 1) % 12
			start = end + len(sep)
		}
		return bs
	default:
		// Offsets that may cut runes, overlap or run backwards.
		n := len(text)
		return []doc.Block{
			{Span: doc.Span{Start: int(mode) % (n + 1), End: n - int(mode)%(n+1)}, Kind: doc.Body},
			{Span: doc.Span{Start: n / 3, End: n + 7}, Kind: doc.Caption},
			{Span: doc.Span{Start: -3, End: n / 2}, Kind: doc.Credit},
		}
	}
}

// runeBounds returns the offsets where a rune of text starts, and its
// length; an invalid byte is a rune of its own, as range reads it.
func runeBounds(text string) map[int]bool {
	b := make(map[int]bool, len(text)+1)
	for i := range text {
		b[i] = true
	}
	b[len(text)] = true
	return b
}

func hasPrefixAt(s string, i int, p string) bool { return len(s)-i >= len(p) && s[i:i+len(p)] == p }
