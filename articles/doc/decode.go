package doc

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// sniffLen is how much of the input the binary check, the UTF-16 check and
// the legacy-encoding scorer look at.
const sniffLen = 64 << 10

// legacy are the 8-bit encodings tried, in order of preference on a tie,
// when the bytes are not UTF-8 and nothing declares an encoding.
var legacy = []struct {
	name string
	enc  *charmap.Charmap
}{
	{"windows-1252", charmap.Windows1252},
	{"iso-8859-2", charmap.ISO8859_2},
	{"windows-1251", charmap.Windows1251},
	{"koi8-r", charmap.KOI8R},
	{"iso-8859-5", charmap.ISO8859_5},
}

// decode turns data into UTF-8 text with LF line ends and without invisible
// format characters, and names the encoding it was read from. html says
// whether an HTML <meta charset> may declare the encoding. It returns
// ErrBinary for content that is not text.
func decode(data []byte, html bool) (string, string, error) {
	text, enc, err := decodeRaw(data, html)
	if err != nil {
		return "", "", err
	}
	return Clean(normalizeLineEnds(text)), enc, nil
}

// decodeRaw does the decoding part of decode: BOM, UTF-16, binary check,
// UTF-8, a declared charset, then the legacy 8-bit guess.
func decodeRaw(data []byte, html bool) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(data[3:]), "utf-8", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), "utf-16le", nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), "utf-16be", nil
	}
	if be, ok := sniffUTF16(data); ok {
		if be {
			return decodeUTF16(data, true), "utf-16be", nil
		}
		return decodeUTF16(data, false), "utf-16le", nil
	}
	if binary(data) {
		return "", "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if mostlyUTF8(data) {
		return validUTF8(data), "utf-8", nil
	}
	if html {
		if label := metaCharset(data); label != "" {
			if e, err := htmlindex.Get(label); err == nil {
				name, _ := htmlindex.Name(e)
				if name != "utf-8" && !strings.HasPrefix(name, "utf-16") {
					if s, ok := decodeWith(e, data); ok {
						return s, name, nil
					}
				}
			}
		}
	}
	best, bestScore := 0, 0
	sample := data
	if len(sample) > sniffLen {
		sample = sample[:sniffLen]
	}
	for i, c := range legacy {
		s, _ := decodeWith(c.enc, sample)
		if sc := legacyScore(s); i == 0 || sc > bestScore {
			best, bestScore = i, sc
		}
	}
	s, _ := decodeWith(legacy[best].enc, data)
	return s, legacy[best].name, nil
}

// decodeWith decodes data with e; undecodable bytes become U+FFFD.
func decodeWith(e encoding.Encoding, data []byte) (string, bool) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return validUTF8(out), true
}

// validUTF8 returns data as a string with every invalid byte replaced by
// U+FFFD (one per byte that does not start a valid sequence).
func validUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[:n])
		}
		data = data[n:]
	}
	return b.String()
}

// mostlyUTF8 reports whether data, though not valid UTF-8, is UTF-8 text
// with a few damaged bytes rather than a legacy encoding: it has at least
// as many valid multi-byte sequences as invalid bytes. A legacy 8-bit text
// rarely forms a valid UTF-8 sequence by chance (an accented capital
// followed by a symbol such as "Ã©").
func mostlyUTF8(data []byte) bool {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	valid, invalid := 0, 0
	for len(data) > 0 {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			continue
		}
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		data = data[n:]
	}
	return valid >= invalid && valid > 0
}

// decodeUTF16 decodes UTF-16 without a BOM; unpaired surrogates and an odd
// last byte become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if len(data)%2 == 1 {
		s += string(utf8.RuneError)
	}
	return s
}

// sniffUTF16 detects UTF-16 without a BOM by its zero bytes: text in Latin
// or Cyrillic script, with its spaces and digits, has a zero high byte in a
// good share of its code units, and a legacy or UTF-8 text has almost no
// zero bytes at all. It reports whether the text is big-endian.
func sniffUTF16(data []byte) (bigEndian, ok bool) {
	n := len(data)
	if n > sniffLen {
		n = sniffLen
	}
	n &^= 1
	if n < 4 || bytes.IndexByte(data[:n], 0) < 0 {
		return false, false // no zero byte: the usual case, found fast
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	if units < 8 {
		return false, false
	}
	plausible := func(be bool) bool {
		// Text in one alphabet has its high bytes in one or two values
		// (0x00 and the script's block); bytes of another encoding read
		// as UTF-16 spread them.
		var high [256]int
		for i := 0; i < n; i += 2 {
			if be {
				high[data[i]]++
			} else {
				high[data[i+1]]++
			}
		}
		first, second := 0, 0
		for _, c := range high {
			if c > first {
				first, second = c, first
			} else if c > second {
				second = c
			}
		}
		if (first+second)*10 < units*9 {
			return false
		}
		s := decodeUTF16(data[:n], be)
		bad, letters := 0, 0
		for _, r := range s {
			switch {
			case r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || (r >= 0x80 && r < 0xA0):
				bad++
			case unicode.IsLetter(r):
				letters++
			}
		}
		return bad*50 <= units && letters*3 >= units
	}
	switch {
	case odd*10 >= units && even*100 <= units && plausible(false):
		return false, true
	case even*10 >= units && odd*100 <= units && plausible(true):
		return true, true
	}
	return false, false
}

// magic are the openings of common binary formats.
var magic = [][]byte{
	[]byte("\x89PNG"), []byte("GIF8"), []byte("\xFF\xD8\xFF"), []byte("%PDF-"),
	[]byte("PK\x03\x04"), []byte("\x1F\x8B"), []byte("\x7FELF"), []byte("BZh"),
	[]byte("\xFD7zXZ\x00"), []byte("7z\xBC\xAF"), []byte("RIFF"), []byte("OggS"),
	[]byte("ID3"), []byte("\x00\x00\x01\x00"), []byte("wOFF"), []byte("\xCA\xFE\xBA\xBE"),
}

// binary reports whether data is not text: it opens like a common binary
// format, has a NUL byte in its first 64 KB (as git and grep decide), or
// more than a quarter of its bytes there are control bytes that text does
// not use (everything below 0x20 except tab, newline, CR, form feed and
// ESC, which hostile but textual files carry).
func binary(data []byte) bool {
	for _, m := range magic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B {
			ctl++
		}
	}
	return ctl*4 > len(data)
}

var metaCharsetRe = lazyRE(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// metaCharset returns the charset an HTML page declares in a <meta> tag in
// its first 4 KB, or "".
func metaCharset(data []byte) string {
	if len(data) > 4096 {
		data = data[:4096]
	}
	m := metaCharsetRe.FindSubmatch(data)
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}

// normalizeLineEnds turns CRLF and lone CR into LF, the line separator
// U+2028 into LF and the paragraph separator U+2029 into a blank line.
func normalizeLineEnds(s string) string {
	if !strings.ContainsRune(s, '\r') && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer("\r", "\n", "\u2028", "\n", "\u2029", "\n\n").Replace(s)
}

// commonCyrillic are the most frequent lower-case letters of Russian,
// Ukrainian and Bulgarian text.
const commonCyrillic = "оеаинтсрвлкдпум"

// commonLatin are accented letters that European languages written in
// Windows-1252 or ISO-8859-2 use often.
const commonLatin = "àáâäçèéêëíîïñóôöúûüßæøåãõœąćęłńśźżčďěňřšťůžőűăşţ" +
	"ÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖÚÛÜÆØÅÃÕŒĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰĂŞŢ"

// typographic are punctuation marks that text in Windows-1252 uses often
// (and that other 8-bit decodings turn into controls or letters).
const typographic = "‘’“”–—…«»€"

// legacyScore rates how much s looks like natural text, to pick among
// candidate decodings of the same bytes: letters of the script the text is
// written in score, and what a wrong decoding produces costs — controls
// and U+FFFD, symbols inside words, a word switching script, upper-case
// letters inside words (KOI8-R read as Windows-1251 swaps the case), and
// runs of accented Latin letters (Cyrillic read as Windows-1252). The
// scale is arbitrary; only comparisons between decodings mean anything.
func legacyScore(s string) int {
	score := 0
	var prev rune = ' '
	prevLetter := false
	rs := []rune(s)
	for i, r := range rs {
		next := ' '
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		letter := unicode.IsLetter(r)
		switch {
		case r == utf8.RuneError || (r >= 0x80 && r < 0xA0) || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f'):
			score -= 20
		case letter:
			if r >= 0x80 {
				switch {
				case unicode.Is(unicode.Cyrillic, r):
					if strings.ContainsRune(commonCyrillic, r) {
						score += 2
					} else if unicode.IsLower(r) {
						score++
					}
					if prevLetter && prev < 0x80 {
						score -= 5
					}
				case unicode.Is(unicode.Latin, r):
					if strings.ContainsRune(commonLatin, r) {
						score++
					}
					if prevLetter && prev >= 0x80 {
						score -= 3
					}
					if prevLetter && unicode.Is(unicode.Cyrillic, prev) {
						score -= 5
					}
				default:
					score -= 2
				}
			}
			if unicode.IsUpper(r) && prevLetter {
				score--
				if unicode.IsLower(prev) {
					score -= 2
				}
			}
		case r >= 0x80:
			if strings.ContainsRune(typographic, r) {
				score++
			} else if prevLetter && unicode.IsLetter(next) {
				score -= 5
			}
		}
		prev, prevLetter = r, letter
	}
	return score - 3*foreignLetters(rs)
}

// latinLanguages are the accented letters of European languages written
// in Windows-1252 or ISO-8859-2.
var latinLanguages = []string{
	"àâæçéèêëîïôœùûüÿ",  // French
	"äöüß",              // German
	"áéíñóúü",           // Spanish
	"àèéìíîòóù",         // Italian
	"àáâãçéêíóôõú",      // Portuguese
	"æøåé",              // Danish, Norwegian
	"åäöé",              // Swedish, Finnish
	"ąćęłńóśźż",         // Polish
	"áčďéěíňóřšťúůýž",   // Czech
	"áäčďéíĺľňóôŕšťúýž", // Slovak
	"áéíóöőúüű",         // Hungarian
	"ăâîșțşţ",           // Romanian
	"čćđšž",             // Croatian, Slovene
}

// foreignLetters counts the accented Latin letters in rs that the
// language they best fit does not use: a right decoding writes one
// language, a wrong one mixes letters of several.
func foreignLetters(rs []rune) int {
	counts := map[rune]int{}
	for _, r := range rs {
		if r >= 0xC0 && unicode.Is(unicode.Latin, r) {
			counts[unicode.ToLower(r)]++
		}
	}
	if len(counts) == 0 {
		return 0
	}
	total, best := 0, 0
	for _, n := range counts {
		total += n
	}
	for _, lang := range latinLanguages {
		covered := 0
		for r, n := range counts {
			if strings.ContainsRune(lang, r) {
				covered += n
			}
		}
		best = max(best, covered)
	}
	return total - best
}
