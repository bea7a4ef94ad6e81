package doc

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestEncodingRoundTrip reads the same article saved in several encodings
// and expects the same Document (Text, Blocks, Meta) from each, with the
// encoding recorded.
func TestEncodingRoundTrip(t *testing.T) {
	tests := []struct {
		file string
		encs []string
	}{
		{"western.txt", []string{"utf-8-bom", "utf-16le", "utf-16be", "utf-16le-nobom", "utf-16be-nobom", "windows-1252"}},
		{"cyrillic.txt", []string{"utf-8-bom", "utf-16le", "utf-16be", "utf-16le-nobom", "utf-16be-nobom", "windows-1251", "koi8-r", "iso-8859-5"}},
		{"central.txt", []string{"utf-8-bom", "utf-16le", "utf-16be", "iso-8859-2"}},
	}
	for _, tt := range tests {
		src, err := os.ReadFile("testdata/encoding/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		for _, crlf := range []bool{false, true} {
			text := string(src)
			if crlf {
				text = strings.ReplaceAll(text, "\n", "\r\n")
			}
			want, err := Read(Text, src)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Blocks) < 4 {
				t.Fatalf("%s: too few blocks:\n%s", tt.file, dump(want))
			}
			for _, enc := range tt.encs {
				name := tt.file + "/" + enc
				if crlf {
					name += "/crlf"
				}
				t.Run(name, func(t *testing.T) {
					data, err := encodeAs(enc, text)
					want := want
					if err != nil {
						// KOI8-R, ISO-8859-5 and ISO-8859-2 have no
						// typographic quotes and dashes: compare with
						// the article written without them.
						plain := asciiPunct.Replace(text)
						if data, err = encodeAs(enc, plain); err != nil {
							t.Fatal(err)
						}
						if want, err = Read(Text, []byte(plain)); err != nil {
							t.Fatal(err)
						}
					}
					got, err := Read(Text, data)
					if err != nil {
						t.Fatal(err)
					}
					wantEnc := strings.TrimSuffix(strings.TrimSuffix(enc, "-bom"), "-nobom")
					if got.Encoding != wantEnc {
						t.Errorf("encoding: got %s, want %s", got.Encoding, wantEnc)
					}
					if got.Text != want.Text {
						t.Errorf("text differs:\ngot  %q\nwant %q", got.Text[:min(200, len(got.Text))], want.Text[:min(200, len(want.Text))])
					}
					if !reflect.DeepEqual(got.Blocks, want.Blocks) || !reflect.DeepEqual(got.Meta, want.Meta) {
						t.Errorf("structure differs:\ngot\n%s\nwant\n%s", dump(got), dump(want))
					}
				})
			}
		}
	}
}

var asciiPunct = strings.NewReplacer("«", `"`, "»", `"`, "„", `"`, "“", `"`, "”", `"`, "—", "-", "–", "-")

func TestRoundTripHTMLCharset(t *testing.T) {
	data, err := os.ReadFile("testdata/html/11-most.html")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(HTML, data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != "windows-1251" || !strings.Contains(d.Text, "Министры транспорта") {
		t.Errorf("got encoding %s, text %q", d.Encoding, d.Text[:min(len(d.Text), 120)])
	}
	// A declared charset wins over the guess: the same Cyrillic bytes
	// declared as KOI8-R decode as KOI8-R.
	koi := []byte(strings.Replace(string(data), `charset="windows-1251"`, `charset="koi8-r"`, 1))
	d, _ = Read(HTML, koi)
	if d.Encoding != "koi8-r" {
		t.Errorf("declared koi8-r: got %s", d.Encoding)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		text string
		enc  string
		err  error
	}{
		{"plain UTF-8", []byte("héllo\n"), "héllo\n", "utf-8", nil},
		{"BOM stripped", []byte("\xef\xbb\xbfhi"), "hi", "utf-8", nil},
		{"CRLF and lone CR", []byte("a\r\nb\rc\n"), "a\nb\nc\n", "utf-8", nil},
		{"line and paragraph separators", []byte("a\u2028b\u2029c"), "a\nb\n\nc", "utf-8", nil},
		{"UTF-8 with a stray byte", []byte("Zürich and Genève are \xff cities in Switzerland, naïve café"), "Zürich and Genève are \uFFFD cities in Switzerland, naïve café", "utf-8", nil},
		{"Windows-1252 smart quotes", []byte("\x93Quoted\x94 \x96 dash and caf\xe9"), "“Quoted” – dash and café", "windows-1252", nil},
		{"NUL is binary", []byte("abc\x00def"), "", "", ErrBinary},
		{"PNG is binary", []byte("\x89PNG\r\n\x1a\n...."), "", "", ErrBinary},
		{"control soup is binary", []byte("\x01\x02\x03\x04\x05\x06abc"), "", "", ErrBinary},
		{"escape sequences are text", []byte("title\x1b]0;x\x07 and \x1b[2J"), "title\x1b]0;x\x07 and \x1b[2J", "utf-8", nil},
		{"odd UTF-16 tail", []byte("\xff\xfea\x00b"), "a\uFFFD", "utf-16le", nil},
		{"empty", nil, "", "utf-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := decode(tt.in, false)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err: got %v, want %v", err, tt.err)
			}
			if text != tt.text || enc != tt.enc {
				t.Errorf("got %q (%s), want %q (%s)", text, enc, tt.text, tt.enc)
			}
		})
	}
}

// TestLegacyDetection checks that each 8-bit encoding is told from the
// others on short texts in the languages that use it.
func TestLegacyDetection(t *testing.T) {
	tests := []struct {
		enc, text string
	}{
		{"windows-1252", "Le maire a annoncé mercredi que la fête du village aura lieu à la fin août, malgré la sécheresse."},
		{"windows-1252", "Die Bürger wählten am Sonntag einen neuen Bürgermeister für die Stadt an der Küste."},
		{"windows-1252", "El ministro dijo que la reunión en Málaga fue útil y que habrá otra en otoño."},
		{"iso-8859-2", "Rząd przyjął we wtorek plan odbudowy mostu na Wiśle, zamkniętego od jesieni."},
		{"iso-8859-2", "Vláda ve středu schválila plán na opravu mostu přes řeku, který je uzavřený od podzimu."},
		{"windows-1251", "Министр заявил во вторник, что ремонт моста закончится к осени."},
		{"windows-1251", "Уряд ухвалив у вівторок план відбудови мосту через річку."},
		{"koi8-r", "Министр заявил во вторник, что ремонт моста закончится к осени."},
		{"iso-8859-5", "Министр заявил во вторник, что ремонт моста закончится к осени."},
	}
	for _, tt := range tests {
		t.Run(tt.enc+"/"+tt.text[:12], func(t *testing.T) {
			data, err := encodeAs(tt.enc, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			text, enc, err := decode(data, false)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc || text != tt.text {
				t.Errorf("got %s %q, want %s", enc, text, tt.enc)
			}
		})
	}
}
