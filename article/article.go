package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// DefaultMaxBytes is the input size limit used when Options.MaxBytes is not set.
const DefaultMaxBytes = 16 << 20

// Options apply to the articles read. Published, ID and Source apply to
// plain-text input and fill gaps elsewhere: Published is the date of an
// article whose input has none.
type Options struct {
	Published time.Time // --published; zero = unknown
	// ID is the Doc of a single-article input (plain text or HTML); only
	// sensible with one such input. By default the file name without
	// directory and extension.
	ID       string
	Source   string // --source
	MaxBytes int64  // --max-bytes; <= 0 means DefaultMaxBytes
}

// Error is one problem with the input: reported, counted, and the batch goes on.
type Error struct {
	Path string // file path, or "-" for stdin
	Line int    // 1-based line, 0 when the problem is with the whole file
	Err  error
}

// Error returns "path:line: problem", or "path: problem" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the problem.
func (e *Error) Unwrap() error { return e.Err }

// Reader reads articles. Build one with NewReader; it holds no global state
// and may be used by several goroutines at once.
type Reader struct {
	opt Options
	max int64
}

// NewReader returns a Reader applying opt.
func NewReader(opt Options) *Reader {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	return &Reader{opt: opt, max: max}
}

// Read reads every path in order: files, directories (walked recursively in
// lexical order, files picked by extension and by content sniffing; hidden
// files and directories skipped), and "-" for stdin. For each article it
// calls yield; for each problem it calls report and goes on. It returns early
// only when ctx is cancelled or yield returns an error, and then returns that
// error.
func (r *Reader) Read(ctx context.Context, paths []string, stdin io.Reader, yield func(parley.Article) error, report func(*Error)) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if stdin == nil {
				report(&Error{Path: "-", Err: errors.New("no standard input")})
				continue
			}
			if err := r.ReadOne(ctx, "-", stdin, yield, report); err != nil {
				return err
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			report(&Error{Path: p, Err: pathError(err)})
			continue
		}
		if fi.IsDir() {
			if err := r.walk(ctx, p, yield, report); err != nil {
				return err
			}
			continue
		}
		if err := r.readFile(ctx, p, true, yield, report); err != nil {
			return err
		}
	}
	return nil
}

// ReadOne reads one named stream; name is used for the format guess (its
// extension; "-", or "", for stdin) and in errors. The stream is read up to the
// size limit.
func (r *Reader) ReadOne(ctx context.Context, name string, in io.Reader, yield func(parley.Article) error, report func(*Error)) error {
	if name == "" {
		name = "-"
	}
	return r.readStream(ctx, name, in, -1, true, yield, report)
}

// walk reads the files under dir.
func (r *Reader) walk(ctx context.Context, dir string, yield func(parley.Article) error, report func(*Error)) error {
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		dir += string(filepath.Separator) // WalkDir follows a link only when told to look inside
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			report(&Error{Path: p, Err: pathError(err)})
			return nil // a directory that cannot be read is skipped
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				report(&Error{Path: p, Err: pathError(err)})
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil // links to directories are not followed: no cycles
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		return r.readFile(ctx, p, false, yield, report)
	})
}

// readFile reads one file; explicit says whether it was named by the user
// (then binary or unknown content is reported rather than skipped).
func (r *Reader) readFile(ctx context.Context, path string, explicit bool, yield func(parley.Article) error, report func(*Error)) error {
	f, err := os.Open(path)
	if err != nil {
		report(&Error{Path: path, Err: pathError(err)})
		return nil
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return r.readStream(ctx, path, f, size, explicit, yield, report)
}

// pathError drops the path that *fs.PathError repeats, keeping the cause
// for errors.Is.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
	}
	return err
}

// format is a kind of input.
type format uint8

const (
	formatSkip   format = iota // not an article file (directory walks only)
	formatBinary               // binary content
	formatText
	formatJSONL
	formatJSONArray
	formatHTML
	formatFeed
)

const sniffLen = 512

// formatOf picks the format from the name's extension and the first bytes.
func formatOf(name string, head []byte, explicit bool) format {
	head = bytes.TrimPrefix(head, utf8BOM)
	if bytes.IndexByte(head, 0) >= 0 {
		return formatBinary
	}
	ext := strings.ToLower(filepath.Ext(name))
	if name == "-" {
		ext = ""
	}
	switch ext {
	case ".txt", ".text", ".md":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".json":
		if isJSONArray(head) {
			return formatJSONArray
		}
		return formatJSONL
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".xml", ".rss", ".atom":
		return formatFeed
	}
	f := sniff(head)
	switch {
	case f == formatText && ext != "" && !explicit:
		return formatSkip // e.g. main.go, data.csv in a walked directory
	case f == formatBinary && !explicit:
		return formatSkip
	}
	return f
}

// sniff guesses the format of content from its first bytes.
func sniff(head []byte) format {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 {
		return formatText
	}
	switch t[0] {
	case '{':
		return formatJSONL
	case '[':
		if isJSONArray(t) {
			return formatJSONArray
		}
	case '<':
		low := bytes.ToLower(t)
		switch {
		case bytes.Contains(low, []byte("<rss")), bytes.Contains(low, []byte("<feed")), bytes.Contains(low, []byte("<rdf:rdf")):
			return formatFeed
		case bytes.HasPrefix(low, []byte("<!doctype html")), bytes.Contains(low, []byte("<html")),
			bytes.Contains(low, []byte("<head")), bytes.Contains(low, []byte("<body")):
			return formatHTML
		case bytes.HasPrefix(low, []byte("<?xml")):
			return formatFeed
		}
		for _, tag := range []string{"<p>", "<p ", "<div", "<article", "<main", "<h1", "<br"} {
			if bytes.Contains(low, []byte(tag)) {
				return formatHTML
			}
		}
	}
	if strings.HasPrefix(http.DetectContentType(head), "text/") {
		return formatText
	}
	return formatBinary
}

// isJSONArray reports whether b starts a JSON array of objects.
func isJSONArray(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '[' {
		return false
	}
	b = bytes.TrimLeft(b[1:], " \t\r\n")
	return len(b) == 0 || b[0] == '{' || b[0] == ']'
}

var utf8BOM = []byte("\xef\xbb\xbf")

// readStream reads one input of the given size (-1 when unknown).
func (r *Reader) readStream(ctx context.Context, name string, in io.Reader, size int64, explicit bool, yield func(parley.Article) error, report func(*Error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF {
		report(&Error{Path: name, Err: fmt.Errorf("cannot read: %w", err)})
		return nil
	}
	s := &sink{r: r, ctx: ctx, name: name, yield: yield, report: report}
	f := formatOf(name, head, explicit)
	switch f {
	case formatSkip:
		return nil
	case formatBinary:
		if explicit {
			ct, _, _ := strings.Cut(http.DetectContentType(head), ";")
			s.fail(0, fmt.Errorf("binary file (%s), not an article", ct))
		}
		return nil
	case formatJSONL:
		return s.readJSONL(br)
	}
	if size > r.max {
		s.fail(0, fmt.Errorf("file is %d bytes, over the %d-byte limit (--max-bytes)", size, r.max))
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(br, r.max+1))
	if err != nil {
		s.fail(0, fmt.Errorf("cannot read: %w", err))
		return nil
	}
	if int64(len(data)) > r.max {
		s.fail(0, fmt.Errorf("input is over the %d-byte limit (--max-bytes)", r.max))
		return nil
	}
	switch f {
	case formatJSONArray:
		return s.readJSONArray(data)
	case formatHTML:
		return s.readHTML(data)
	case formatFeed:
		return s.readFeed(data)
	}
	return s.readText(data)
}

// sink carries one input's name and callbacks through its reader.
type sink struct {
	r      *Reader
	ctx    context.Context
	name   string
	yield  func(parley.Article) error
	report func(*Error)
}

// fail reports a problem at line (0: the whole input).
func (s *sink) fail(line int, err error) {
	s.report(&Error{Path: s.name, Line: line, Err: err})
}

// emit fills the gaps of a from the options and passes it on.
func (s *sink) emit(a parley.Article) error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	if a.Published.IsZero() {
		a.Published = s.r.opt.Published
	}
	if a.Source == "" {
		a.Source = s.r.opt.Source
	}
	return s.yield(a)
}

// origin returns "name" or "name:line".
func (s *sink) origin(line int) string {
	if line > 0 {
		return s.name + ":" + strconv.Itoa(line)
	}
	return s.name
}

// base returns the input's file name without directory ("stdin" for "-").
func (s *sink) base() string {
	if s.name == "-" {
		return "stdin"
	}
	return filepath.Base(s.name)
}

// docName is the Doc of a single-article input: Options.ID, else the file
// name without directory and extension.
func (s *sink) docName() string {
	if s.r.opt.ID != "" {
		return s.r.opt.ID
	}
	b := s.base()
	if e := filepath.Ext(b); e != "" && e != b {
		b = strings.TrimSuffix(b, e)
	}
	return b
}

// checkUTF8 reports the first invalid byte of data, counted from offset
// base in the input whose line firstLine data starts on, and returns false;
// it returns true when data is valid UTF-8.
func (s *sink) checkUTF8(data []byte, base int64, firstLine int) bool {
	if utf8.Valid(data) {
		return true
	}
	off := invalidUTF8(data)
	line := firstLine + bytes.Count(data[:off], []byte{'\n'})
	s.fail(line, fmt.Errorf("invalid UTF-8 at byte %d", base+int64(off)))
	return false
}

// invalidUTF8 returns the offset of the first byte of b that is not part of
// valid UTF-8, or len(b).
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
