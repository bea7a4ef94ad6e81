package doc

import (
	"fmt"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// encodeAs encodes text in the named encoding, for round-trip tests.
func encodeAs(name, text string) ([]byte, error) {
	switch name {
	case "utf-8":
		return []byte(text), nil
	case "utf-8-bom":
		return append([]byte{0xEF, 0xBB, 0xBF}, text...), nil
	case "utf-16le", "utf-16be", "utf-16le-nobom", "utf-16be-nobom":
		u := utf16.Encode([]rune(text))
		var out []byte
		be := name == "utf-16be" || name == "utf-16be-nobom"
		if name == "utf-16le" {
			out = append(out, 0xFF, 0xFE)
		}
		if name == "utf-16be" {
			out = append(out, 0xFE, 0xFF)
		}
		for _, c := range u {
			if be {
				out = append(out, byte(c>>8), byte(c))
			} else {
				out = append(out, byte(c), byte(c>>8))
			}
		}
		return out, nil
	}
	cms := map[string]*charmap.Charmap{"windows-1252": charmap.Windows1252, "windows-1251": charmap.Windows1251,
		"iso-8859-2": charmap.ISO8859_2, "iso-8859-5": charmap.ISO8859_5, "koi8-r": charmap.KOI8R}
	cm, ok := cms[name]
	if !ok {
		return nil, fmt.Errorf("unknown encoding %s", name)
	}
	return cm.NewEncoder().Bytes([]byte(text))
}
