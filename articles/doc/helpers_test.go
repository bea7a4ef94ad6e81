package doc

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// dump renders a document's blocks one per line as "kind: text" for test
// messages.
func dump(d *Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		s := d.Text[bl.Start:bl.End]
		if len(s) > 70 {
			s = s[:70] + "…"
		}
		fmt.Fprintf(&b, "%s/%d: %q\n", bl.Kind, bl.Level, s)
	}
	fmt.Fprintf(&b, "meta: %+v enc=%s format=%s\n", d.Meta, d.Encoding, d.Format)
	return b.String()
}

// TestDumpFile prints the structure of the file named by DOC_DUMP; a
// debugging aid, skipped otherwise.
func TestDumpFile(t *testing.T) {
	path := os.Getenv("DOC_DUMP")
	if path == "" {
		t.Skip("set DOC_DUMP=file to print its structure")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(Format(os.Getenv("DOC_FORMAT")), data)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + dump(d))
}
