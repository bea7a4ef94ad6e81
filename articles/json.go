package articles

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

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

// JSON returns the article as one line of JSON in the form DESIGN.md gives,
// without a trailing newline. Control characters, C1 controls and bidi
// controls are escaped as \uXXXX so that the output is safe to print.
// paragraph is the 1-based index of the quote's block among the article's
// blocks.
func (a *Article) JSON() ([]byte, error) {
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
		return nil, fmt.Errorf("json %s: %w", a.Path, err)
	}
	return escapeUnsafe(bytes.TrimRight(buf.Bytes(), "\n")), nil
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

func unsafeRune(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069, r == 0xfeff, r == 0xad:
		return true
	}
	return false
}
