package articles

import (
	"strconv"
	"unicode/utf8"
)

// JSON returns the article as one line of JSON in the form DESIGN.md gives,
// without a trailing newline. Control characters, C1 controls and bidi
// controls are escaped as \uXXXX so that the output is safe to print.
// paragraph is the 1-based index of the quote's block among the article's
// blocks.
//
// The line is written by hand, field by field as jsonArticle declares
// them: encoding/json's reflection and a second pass for the runes it
// leaves raw cost more than the analysis of a short article's quotes.
// The tests hold it to encoding/json's output of jsonArticle made safe by
// escapeUnsafe.
func (a *Article) JSON() ([]byte, error) {
	b := make([]byte, 0, 512+len(a.Quotes)*160+len(a.Parties)*96)
	b = append(b, `{"path":`...)
	b = appendJSONString(b, a.Path)
	b = append(b, `,"format":`...)
	b = appendJSONString(b, string(a.Format))
	if a.Encoding != "" {
		b = append(b, `,"encoding":`...)
		b = appendJSONString(b, a.Encoding)
	}
	b = append(b, `,"title":`...)
	b = appendJSONString(b, a.Meta.Title)
	b = append(b, `,"byline":`...)
	b = appendJSONString(b, a.Meta.Byline)
	b = append(b, `,"date":`...)
	b = appendJSONString(b, a.Meta.Date)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, a.Meta.Source)
	if a.Meta.URL != "" {
		b = append(b, `,"url":`...)
		b = appendJSONString(b, a.Meta.URL)
	}
	if len(a.Meta.Tags) > 0 {
		b = append(b, `,"tags":`...)
		b = appendJSONStrings(b, a.Meta.Tags)
	}
	b = append(b, `,"words":`...)
	b = strconv.AppendInt(b, int64(a.Words), 10)
	b = append(b, `,"quotes":[`...)
	for i, q := range a.Quotes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendJSONString(b, q.Text(a.Text))
		b = append(b, `,"speaker":`...)
		if q.Speaker != "" {
			b = appendJSONString(b, q.Speaker)
		} else {
			b = append(b, "null"...)
		}
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, string(q.Kind))
		b = append(b, `,"paragraph":`...)
		b = strconv.AppendInt(b, int64(q.Block+1), 10)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(q.Span.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(q.Span.End), 10)
		b = append(b, '}')
	}
	b = append(b, `],"parties":[`...)
	for i, p := range a.Parties {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = appendJSONString(b, p.Name)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, string(p.Kind))
		b = append(b, `,"mentions":`...)
		b = strconv.AppendInt(b, int64(len(p.Mentions)), 10)
		b = append(b, `,"quoted":`...)
		b = strconv.AppendInt(b, int64(p.Quoted), 10)
		b = append(b, `,"aliases":`...)
		b = appendJSONStrings(b, p.Aliases)
		if p.CreditOnly {
			b = append(b, `,"credit_only":true`...)
		}
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	return b, nil
}

// appendJSONStrings appends ss as a JSON array; nil is [].
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string as encoding/json writes it
// without HTML escaping (invalid UTF-8 as \ufffd, U+2028 and U+2029
// escaped), and with DEL, C1 controls and the runes unsafeRune names
// escaped as well.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || unsafeRune(r):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// unsafeRune reports whether JSON output must escape r although
// encoding/json would leave it raw: DEL, C1 controls, and bidi and
// invisible format characters.
func unsafeRune(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069, r == 0xfeff, r == 0xad:
		return true
	}
	return false
}
