package doc

import (
	"strings"
	"testing"
)

// hostileInputs are the pathological inputs of the hostile-input issue
// that reach Read, generated rather than committed.
func hostileInputs() []struct {
	name   string
	format Format
	data   []byte
} {
	para := "Ministers met again on Tuesday and agreed to talk more.\n\n"
	scale := 1 // sizes as in the hostile-input issue
	if raceEnabled {
		scale = 10
	}
	return []struct {
		name   string
		format Format
		data   []byte
	}{
		{"10MB line", Text, []byte(strings.Repeat("word ", 2<<20/scale))},
		{"20000 paragraphs", Text, []byte("Headline\n\n" + strings.Repeat(para, 20000))},
		{"100000 quote marks", Text, []byte("Headline\n\n" + strings.Repeat(`"`, 100000))},
		{"10000 nested quotes", Text, []byte("Headline\n\n" + strings.Repeat(`“‘`, 10000))},
		{"lone CR overwrite", Text, []byte("Safe title\rEVIL TITLE\r\n\r\nBody\r")},
		{"10000 levels of >", Markdown, []byte(strings.Repeat(">", 10000) + " deep\n")},
		{"10000 list levels on one line", Markdown, []byte(strings.Repeat("- ", 10000) + "item\n")},
		{"2000 indented list levels", Markdown, []byte(func() string {
			var b strings.Builder
			for i := range 2000 / scale {
				b.WriteString(strings.Repeat(" ", i*2) + "- item\n")
			}
			return b.String()
		}())},
		{"unclosed fence", Markdown, []byte("```\n" + strings.Repeat("code line\n", 20000))},
		{"HTML 100000 deep", HTML, []byte("<html><body>" + strings.Repeat("<div>", 100000/scale) + "deep</body></html>")},
		{"HTML huge table", HTML, []byte("<table>" + strings.Repeat("<tr><td>a</td><td>b</td></tr>", 50000/scale) + "</table>")},
		{"HTML 100000 unclosed inline", HTML, []byte("<p>" + strings.Repeat("<b><i>", 50000) + "x")},
	}
}

// TestHostileInputs reads each pathological input and checks the
// Document invariants; their cost per byte is in BenchmarkHostile.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for _, in := range hostileInputs() {
		t.Run(in.name, func(t *testing.T) {
			d, err := Read(in.format, in.data)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			if len(d.Blocks) == 0 {
				t.Errorf("no blocks")
			}
		})
	}
	d, _ := Read(Text, []byte("Safe title\rEVIL TITLE\r\n\r\nBody\r"))
	if d.Meta.Title != "Safe title" {
		t.Errorf("a lone CR must not let a line overwrite the title: got %q", d.Meta.Title)
	}
}

// BenchmarkHostile measures each pathological input; compare its MB/s
// with BenchmarkReadText1MB: the budget is the same order of cost per byte
// as clean text.
func BenchmarkHostile(b *testing.B) {
	for _, in := range hostileInputs() {
		b.Run(strings.ReplaceAll(in.name, " ", "_"), func(b *testing.B) {
			benchRead(b, in.format, in.data)
		})
	}
}
