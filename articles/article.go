// Package articles reads news articles and analyses them: structure, quoted
// passages with their speakers, and named parties. It has no terminal code
// and is safe to call from many goroutines.
package articles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"byline/articles/doc"
	"byline/articles/party"
	"byline/articles/quote"
)

// Article is one analysed article. Everything but the metadata is a span
// into Text.
type Article struct {
	Path    string    // the path it was read from; "-" for stdin
	ModTime time.Time // the file's modification time; zero for stdin
	Size    int64     // size of the file in bytes
	doc.Document
	Quotes  []quote.Quote // in text order
	Parties []Party       // by salience: quoted first, then by mentions, then by first appearance
	Words   int           // words in the analysed blocks
}

// Party is a named party with the number of quotes attributed to it.
type Party struct {
	party.Party
	Quoted int // direct quotes whose speaker is this party
}

// Analyze builds an Article from a read Document: finds parties, then quotes
// and their speakers, then orders the parties by salience.
func Analyze(path string, d *doc.Document) *Article {
	a := &Article{Path: path, Document: *d}
	ps := party.Extract(d.Text, d.Blocks)
	qp := make([]quote.Party, len(ps))
	for i, p := range ps {
		qp[i] = quote.Party{Name: p.Name, Kind: string(p.Kind), Mentions: p.Mentions}
	}
	a.Quotes = quote.Find(d.Text, d.Blocks, qp)
	quoted := map[string]int{}
	for _, q := range a.Quotes {
		if q.Kind == quote.Direct && q.Speaker != "" {
			quoted[q.Speaker]++
		}
	}
	a.Parties = make([]Party, len(ps))
	for i, p := range ps {
		a.Parties[i] = Party{Party: p, Quoted: quoted[p.Name]}
	}
	first := func(p Party) int {
		if len(p.Mentions) == 0 {
			return 1 << 62
		}
		return p.Mentions[0].Start
	}
	sort.SliceStable(a.Parties, func(i, j int) bool {
		pi, pj := a.Parties[i], a.Parties[j]
		if pi.CreditOnly != pj.CreditOnly {
			return !pi.CreditOnly
		}
		if (pi.Quoted > 0) != (pj.Quoted > 0) {
			return pi.Quoted > 0
		}
		if len(pi.Mentions) != len(pj.Mentions) {
			return len(pi.Mentions) > len(pj.Mentions)
		}
		return first(pi) < first(pj)
	})
	for _, b := range d.Blocks {
		if b.Kind.Analysed() {
			a.Words += countWords(d.Text[b.Start:b.End])
		}
	}
	return a
}

// Parse reads data as an article of the given format ("" to sniff) and
// analyses it.
func Parse(path string, format doc.Format, data []byte) (*Article, error) {
	a, err := ParseDocument(path, format, data)
	if err != nil {
		return nil, err
	}
	b := Analyze(path, &a.Document)
	b.Size = a.Size
	return b, nil
}

// ParseDocument reads data as an article of the given format ("" to sniff)
// without analysing it: the Article has its Document and Size but no quotes
// or parties yet. Analyze(a.Path, &a.Document) completes it; the reader
// uses this to show a big article before its analysis is done.
func ParseDocument(path string, format doc.Format, data []byte) (*Article, error) {
	d, err := doc.Read(format, data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return &Article{Path: path, Size: int64(len(data)), Document: *d}, nil
}

// DefaultMaxSize is the largest article Load reads: 64 MiB. Nobody reads a
// longer article; a bigger file is almost certainly not one.
const DefaultMaxSize = 64 << 20

// ErrTooLarge is returned for a file or stream over the size limit.
var ErrTooLarge = errors.New("articles: over the size limit")

// ErrNotFile is returned for a path that is not a regular file (a device,
// a FIFO, a socket).
var ErrNotFile = errors.New("articles: not a regular file")

// Load reads and analyses the file at path with the DefaultMaxSize limit.
func Load(path string) (*Article, error) { return LoadLimit(path, DefaultMaxSize) }

// LoadLimit reads and analyses the file at path, refusing files over max
// bytes (ErrTooLarge) and anything that is not a regular file (ErrNotFile).
// The format comes from the file's extension, sniffed from the content when
// it has none that byline knows. A file that grows past max while it is
// read is refused like a bigger one. Errors name the path.
func LoadLimit(path string, max int64) (*Article, error) {
	a, err := ReadFile(path, max)
	if err != nil {
		return nil, err
	}
	b := Analyze(path, &a.Document)
	b.ModTime, b.Size = a.ModTime, a.Size
	return b, nil
}

// ReadFile is LoadLimit without the analysis: the Article has its Document,
// ModTime and Size, but no quotes or parties (see ParseDocument).
func ReadFile(path string, max int64) (*Article, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: %w", path, ErrNotFile)
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("read %s: %s, %w of %s (see --max-size)", path, humanSize(fi.Size()), ErrTooLarge, humanSize(max))
	}
	// Non-blocking, so that a path swapped for a FIFO since the Stat above
	// cannot hang the open; the file is checked again once open.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: %w", path, ErrNotFile)
	}
	data, err := readSized(f, fi.Size(), max)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	a, err := ParseDocument(path, doc.FormatOf(path), data)
	if err != nil {
		return nil, err
	}
	a.ModTime = fi.ModTime()
	return a, nil
}

// ReadLimit reads r to the end, or returns ErrTooLarge once more than max
// bytes have come.
func ReadLimit(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("more than %s: %w (see --max-size)", humanSize(max), ErrTooLarge)
	}
	return data, nil
}

// readSized is ReadLimit for a file whose size is known: the buffer is
// made for that size at once, so that a short article takes one read and
// one more to see the end, not io.ReadAll's growing buffer (five reads
// and four copies for 3 KB). A file that grew since is still read whole,
// up to max.
func readSized(r io.Reader, size, max int64) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(int(min(size, max)) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, unwrapPath(err)
	}
	if int64(b.Len()) > max {
		return nil, fmt.Errorf("more than %s: %w (see --max-size)", humanSize(max), ErrTooLarge)
	}
	return b.Bytes(), nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// TopParties returns the names of up to n parties of the story, by salience,
// leaving out those named only in credits.
func (a *Article) TopParties(n int) []string {
	var names []string
	for _, p := range a.Parties {
		if len(names) == n {
			break
		}
		if !p.CreditOnly {
			names = append(names, p.Name)
		}
	}
	return names
}

// DirectQuotes returns the indexes into Quotes of the direct quotes, the
// targets of the quote jumps.
func (a *Article) DirectQuotes() []int {
	var idx []int
	for i, q := range a.Quotes {
		if q.Kind == quote.Direct {
			idx = append(idx, i)
		}
	}
	return idx
}

// Title returns the article's title, or the file name when it has none.
func (a *Article) Title() string {
	if t := strings.TrimSpace(a.Meta.Title); t != "" {
		return t
	}
	return a.Path
}

// wordByte sorts ASCII bytes for countWords: bit 0 for a letter or digit,
// bit 1 for white space; punctuation has neither.
var wordByte = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = 1
		case c == ' ', '\t' <= c && c <= '\r':
			t[c] = 2
		}
	}
	return t
}()

// countWords counts the runs of letters and digits ended by white space:
// a word is a field between white space that holds a letter or digit
// ("don't" and "(1990)" are one word each, "—" none). pending is 1 while
// the current field has no letter or digit yet; the loop carries it in a
// register, without a branch per byte.
func countWords(s string) int {
	n, pending := 0, uint8(1)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			t := wordByte[c]
			alnum, space := t&1, t>>1
			n += int(alnum & pending)
			pending = pending&^alnum | space
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n += int(pending)
			pending = 0
		case unicode.IsSpace(r):
			pending = 1
		}
	}
	return n
}
