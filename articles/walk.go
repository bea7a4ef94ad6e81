package articles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"byline/articles/doc"
)

// batchSize is how many paths Walk hands over at a time: enough to keep the
// receiver from being called per file, small enough for the list to fill in
// while a big folder is still being walked.
const batchSize = 256

// Walk finds the article files under paths: each path is a file (taken
// whatever its extension) or a folder searched recursively for .txt, .md,
// .markdown, .html and .htm files, skipping hidden files and folders.
// Symbolic links to files are followed, links to folders are not (so there
// are no loops). Inside a folder, what is not a regular file (a FIFO, a
// device, a link to one) is skipped. The same file reached twice, by two
// paths or a link, is reported once. found is called with batches of paths
// in walk order; the returned errors name the paths that could not be read
// (a missing path, a folder without permission, a link that loops or points
// nowhere).
func Walk(paths []string, found func(batch []string)) []error {
	var errs []error
	seen := map[fileID]bool{}
	var batch []string
	flush := func() {
		if len(batch) > 0 {
			found(batch)
			batch = nil
		}
	}
	add := func(path string, fi fs.FileInfo) {
		if id, ok := idOf(fi); ok {
			if seen[id] {
				return
			}
			seen[id] = true
		}
		batch = append(batch, path)
		if len(batch) >= batchSize {
			flush()
		}
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", root, unwrapPath(err)))
			continue
		}
		if !fi.IsDir() {
			add(root, fi)
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("read %s: %w", path, unwrapPath(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || doc.FormatOf(name) == "" {
				return nil
			}
			fi, err := os.Stat(path) // follows a link to a file
			if err != nil {
				// A link that loops or points nowhere is reported, so the
				// reader can say why it is missing; a file that vanished
				// since the folder was read is simply gone.
				if d.Type()&fs.ModeSymlink != 0 || !errors.Is(err, fs.ErrNotExist) {
					errs = append(errs, fmt.Errorf("read %s: %w", path, unwrapPath(err)))
				}
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil // a FIFO, a device or a socket is not an article
			}
			add(path, fi)
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", root, err))
		}
	}
	flush()
	return errs
}

type fileID struct{ dev, ino uint64 }

func idOf(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}

// unwrapPath drops the *fs.PathError wrapper, whose path the caller names.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
