package articles

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"byline/articles/doc"
)

// TestJSONSameAcrossEncodings: the same article saved in UTF-8, UTF-8 with
// a BOM, UTF-16 LE and BE with BOMs and its 8-bit code page gives the same
// --json, but for the "encoding" field that names what was detected.
func TestJSONSameAcrossEncodings(t *testing.T) {
	for _, tc := range []struct {
		file  string
		cp    *charmap.Charmap
		cpEnc string
	}{
		{"doc/testdata/encoding/western.txt", charmap.Windows1252, "windows-1252"},
		{"doc/testdata/encoding/cyrillic.txt", charmap.Windows1251, "windows-1251"},
	} {
		src, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		cp, err := tc.cp.NewEncoder().Bytes(src)
		if err != nil {
			t.Fatalf("%s: encode %s: %v", tc.file, tc.cpEnc, err)
		}
		variants := []struct {
			name string
			data []byte
		}{
			{"utf-8", src},
			{"utf-8 bom", append([]byte("\xef\xbb\xbf"), src...)},
			{"utf-16le", utf16Bytes(src, false)},
			{"utf-16be", utf16Bytes(src, true)},
			{tc.cpEnc, cp},
		}
		var want []byte
		for _, v := range variants {
			a, err := Parse("article.txt", doc.Text, v.data)
			if err != nil {
				t.Fatalf("%s as %s: %v", tc.file, v.name, err)
			}
			got := jsonWithoutEncoding(t, a)
			if want == nil {
				want = got
				if !bytes.Contains(got, []byte(`"quotes":[{`)) {
					t.Fatalf("%s: the fixture should have quotes: %s", tc.file, got)
				}
				continue
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s as %s: JSON differs from UTF-8's\n got %s\nwant %s", tc.file, v.name, got, want)
			}
		}
	}
}

func utf16Bytes(s []byte, bigEndian bool) []byte {
	units := utf16.Encode([]rune(string(s)))
	out := []byte{0xff, 0xfe}
	if bigEndian {
		out = []byte{0xfe, 0xff}
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func jsonWithoutEncoding(t *testing.T, a *Article) []byte {
	t.Helper()
	b, err := a.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "encoding")
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
