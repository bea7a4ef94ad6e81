package quote

import (
	"strings"
	"testing"

	"byline/articles/doc"
)

// fuzzBlocks builds blocks for a fuzz input as the readers would: blank-line
// paragraphs, by mode a headline first, "> " paragraphs as block quotes
// (with a cite), a caption second, or no blocks at all.
func fuzzBlocks(text string, mode uint8) []doc.Block {
	if mode&8 != 0 {
		return nil
	}
	bs := paragraphs(text)
	for i := range bs {
		if mode&2 != 0 && strings.HasPrefix(text[bs[i].Start:], ">") {
			bs[i].Kind, bs[i].Level = doc.BlockQuote, 1
			if mode&16 != 0 {
				bs[i].Cite = "Jane Roe"
			}
		}
	}
	if mode&1 != 0 && len(bs) > 0 {
		bs[0].Kind = doc.Headline
	}
	if mode&4 != 0 && len(bs) > 1 {
		bs[1].Kind = doc.Caption
	}
	return bs
}

// fuzzParties makes a party of every capitalised word that occurs twice,
// with all its occurrences as mentions.
func fuzzParties(text string) []Party {
	seen := map[string][]doc.Span{}
	for _, t := range words(text, 0, len(text), 2000, nil) {
		if t.word() && capital(text[t.s:t.e]) {
			seen[text[t.s:t.e]] = append(seen[text[t.s:t.e]], doc.Span{Start: t.s, End: t.e})
		}
	}
	var ps []Party
	for name, ms := range seen {
		if len(ms) > 1 {
			kind := "person"
			if len(ps)%2 == 1 {
				kind = "organization"
			}
			ps = append(ps, Party{Name: name, Kind: kind, Mentions: ms})
		}
	}
	return ps
}

// checkQuotes asserts the invariants of Find's result.
func checkQuotes(t *testing.T, text string, blocks []doc.Block, qs []Quote) {
	t.Helper()
	// rune boundaries as ranging over the string sees them (an invalid
	// byte is a rune of its own)
	starts := make([]bool, len(text)+1)
	for i := range text {
		starts[i] = true
	}
	starts[len(text)] = true
	onRune := func(i int) bool { return i >= 0 && i <= len(text) && starts[i] }
	inside := func(s doc.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
	n := len(blocks)
	if blocks == nil {
		n = len(paragraphs(text))
	}
	prev := -1
	for i, q := range qs {
		if !inside(q.Span) || q.Span.Len() == 0 || !onRune(q.Span.Start) || !onRune(q.Span.End) {
			t.Fatalf("quote %d: span %v outside the text (len %d) or off a rune boundary", i, q.Span, len(text))
		}
		if q.Span.Start < prev {
			t.Fatalf("quote %d: span %v starts before the previous quote ends (%d)", i, q.Span, prev)
		}
		prev = q.Span.End
		if len(q.Parts) == 0 {
			t.Fatalf("quote %d: no parts", i)
		}
		pp := q.Span.Start
		for j, p := range q.Parts {
			if p.Start < pp || p.End > q.Span.End || p.Len() <= 0 || !onRune(p.Start) || !onRune(p.End) {
				t.Fatalf("quote %d part %d: %v not inside span %v after %d, or empty, or off a rune boundary", i, j, p, q.Span, pp)
			}
			pp = p.End
		}
		for _, s := range []doc.Span{q.SpeakerSpan, q.Cue} {
			if !inside(s) || !onRune(s.Start) || !onRune(s.End) {
				t.Fatalf("quote %d: speaker or cue span %v outside the text or off a rune boundary", i, s)
			}
		}
		if q.Block < 0 || q.Block >= n {
			t.Fatalf("quote %d: block %d out of range (%d blocks)", i, q.Block, n)
		}
		if q.Kind != Direct && q.Kind != Scare {
			t.Fatalf("quote %d: kind %q", i, q.Kind)
		}
		if q.Kind == Scare && q.Speaker != "" {
			t.Fatalf("quote %d: scare quote with speaker %q", i, q.Speaker)
		}
	}
}

func FuzzFind(f *testing.F) {
	seeds := []string{
		`"We will never recognize it," the NATO allies said`,
		"'We have been here since 1987,' said Maureen Tulloch. 'The councillors' decision was made at ten o'clock.'",
		"„Die Lage ist ernst“ – the situation is serious – wrote Mayor Thomas Greiner.",
		"«\u00a0Nous ne lâcherons rien\u00a0», said Pascal Ribeiro.",
		"– Yes, we will, said the mayor. We will.",
		"\"Farmers should be farming.\" —Agriculture Commissioner Jorge Sandoval",
		"\"Text one.\" More words here,\" the joint statement said.\n\nThey add \"as long as it is necessary\".",
		"\"First part,\" he said, \"second part.\"",
		"\"Para one.\n\n\"Para two.\n\n\"Para three,\" she said.",
		"A 12\" pizza, 5'11\" tall, the '90s, rock 'n' roll, it shouldn‘t be.",
		"&ldquo;Hello,&rdquo; said &quot;Bob&quot; &#8220;x&#8221; &#x201C;y&#x201D; &amp;",
		"> Every year we delay.\n> — Leeds Rides",
		"And from the chairwoman, Jane Roe:\n\n\"We are ready.\"",
		"»Wir gehen«, sagte er. ‹Nein› 「こんにちは」 『x』 ‚ja‘ „tak”",
		strings.Repeat("\"a ", 50) + strings.Repeat("b\" ", 50),
		"\"", "'", "&", "&#;", "&#x;", "\xe2\x80", "\xc2", "– ", "> ", "“”‘’«»", ",\"", "\"\n\n\"",
	}
	for _, s := range seeds {
		for _, m := range []uint8{0, 1, 3, 7, 8, 19} {
			f.Add(s, m)
		}
	}
	f.Fuzz(func(t *testing.T, text string, mode uint8) {
		blocks := fuzzBlocks(text, mode)
		var parties []Party
		if mode&32 != 0 {
			parties = fuzzParties(text)
		}
		qs := Find(text, blocks, parties)
		checkQuotes(t, text, blocks, qs)
		for _, p := range scan(text, orParagraphs(text, blocks)) {
			if p.span.Start < 0 || p.span.End > len(text) {
				t.Fatalf("scan: span %v outside the text", p.span)
			}
		}
	})
}

func orParagraphs(text string, blocks []doc.Block) []doc.Block {
	if blocks == nil {
		return paragraphs(text)
	}
	return blocks
}
