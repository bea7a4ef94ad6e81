package articles

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"byline/articles/doc"
	"byline/articles/party"
	"byline/articles/quote"
)

// The reference for Article.JSON: the shape as structs for encoding/json,
// and escapeUnsafe for the runes encoding/json leaves raw.

type jsonQuote struct {
	Text      string  `json:"text"`
	Speaker   *string `json:"speaker"`
	Kind      string  `json:"kind"`
	Paragraph int     `json:"paragraph"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
}

type jsonParty struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Mentions   int      `json:"mentions"`
	Quoted     int      `json:"quoted"`
	Aliases    []string `json:"aliases"`
	CreditOnly bool     `json:"credit_only,omitempty"`
}

type jsonArticle struct {
	Path     string      `json:"path"`
	Format   string      `json:"format"`
	Encoding string      `json:"encoding,omitempty"`
	Title    string      `json:"title"`
	Byline   string      `json:"byline"`
	Date     string      `json:"date"`
	Source   string      `json:"source"`
	URL      string      `json:"url,omitempty"`
	Tags     []string    `json:"tags,omitempty"`
	Words    int         `json:"words"`
	Quotes   []jsonQuote `json:"quotes"`
	Parties  []jsonParty `json:"parties"`
}

// refJSON is Article.JSON by its definition: jsonArticle through
// encoding/json without HTML escaping, then escapeUnsafe.
func refJSON(a *Article) []byte {
	j := jsonArticle{
		Path: a.Path, Format: string(a.Format), Encoding: a.Encoding,
		Title: a.Meta.Title, Byline: a.Meta.Byline, Date: a.Meta.Date,
		Source: a.Meta.Source, URL: a.Meta.URL, Tags: a.Meta.Tags, Words: a.Words,
		Quotes: []jsonQuote{}, Parties: []jsonParty{},
	}
	for _, q := range a.Quotes {
		jq := jsonQuote{Text: q.Text(a.Text), Kind: string(q.Kind), Paragraph: q.Block + 1, Start: q.Span.Start, End: q.Span.End}
		if q.Speaker != "" {
			s := q.Speaker
			jq.Speaker = &s
		}
		j.Quotes = append(j.Quotes, jq)
	}
	for _, p := range a.Parties {
		aliases := p.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		j.Parties = append(j.Parties, jsonParty{Name: p.Name, Kind: string(p.Kind), Mentions: len(p.Mentions), Quoted: p.Quoted, Aliases: aliases, CreditOnly: p.CreditOnly})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		panic(err)
	}
	return escapeUnsafe(bytes.TrimRight(buf.Bytes(), "\n"))
}

// escapeUnsafe rewrites C1 controls, DEL and bidi and invisible format
// characters, which encoding/json leaves raw, as \uXXXX escapes. It is only
// applied to encoder output, where such runes can occur only inside strings.
func escapeUnsafe(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		if c := b[i]; c < 0x7f || c >= 0x80 && c < 0xc2 || c >= 0xc3 && c != 0xe2 && c != 0xef {
			// Every unsafe rune is DEL or starts with 0xc2, 0xe2 or 0xef:
			// ASCII and other lead bytes are copied as they are.
			if out != nil {
				out = append(out, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if unsafeRune(r) {
			if out == nil {
				out = append(make([]byte, 0, len(b)+16), b[:i]...)
			}
			out = fmt.Appendf(out, `\u%04x`, r)
		} else if out != nil {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	if out == nil {
		return b
	}
	return out
}

// TestJSONMatchesEncodingJSON holds the hand-written JSON to encoding/json
// on articles whose every string field is drawn from pieces that need
// escaping (quotes, backslashes, controls, C1, DEL, bidi, U+2028, invalid
// UTF-8) and from plain text, with and without the optional fields.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"plain", " ", "é", "“", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1b]0;x\x07",
		"\x7f", "\u0085", "\u009b", "\u00ad", "\u200b", "\u202e", "\u2028", "\u2029", "\u2066", "\ufeff", "\xff",
		"\xe2\x80", "<&>", "東京", "😀", "\u00a0"}
	rng := rand.New(rand.NewPCG(3, 4))
	str := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for i := range 20_000 {
		a := &Article{Path: str(), Words: rng.IntN(5000)}
		a.Format, a.Encoding = doc.Format(str()), str()
		a.Meta.Title, a.Meta.Byline, a.Meta.Date, a.Meta.Source, a.Meta.URL = str(), str(), str(), str(), str()
		if i%3 == 0 {
			a.Meta.Tags = []string{str(), str()}
		}
		a.Text = str() + str() + str()
		for range rng.IntN(3) {
			q := quote.Quote{Speaker: str(), Kind: quote.Kind(str()), Block: rng.IntN(9)}
			q.Span.Start = rng.IntN(len(a.Text) + 1)
			q.Span.End = q.Span.Start + rng.IntN(len(a.Text)-q.Span.Start+1)
			a.Quotes = append(a.Quotes, q)
		}
		for range rng.IntN(3) {
			p := Party{Quoted: rng.IntN(4)}
			p.Name, p.Kind, p.CreditOnly = str(), party.Kind(str()), rng.IntN(2) == 0
			if rng.IntN(2) == 0 {
				p.Aliases = []string{str()}
			}
			p.Mentions = make([]doc.Span, rng.IntN(3))
			a.Parties = append(a.Parties, p)
		}
		got, err := a.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := refJSON(a); !bytes.Equal(got, want) {
			t.Fatalf("JSON differs from encoding/json's:\n got %q\nwant %q", got, want)
		}
	}
}
