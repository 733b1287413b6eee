package article

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-events/parley"
)

func TestParseDate(t *testing.T) {
	f, err := os.Open("testdata/dates.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("dates.tsv:%d: no tab in %q", n, line)
		}
		t.Run(in, func(t *testing.T) {
			got, ok := parseDate(in)
			if want == "error" {
				if ok {
					t.Errorf("dates.tsv:%d: parseDate(%q) = %v, want an error", n, in, got)
				}
				return
			}
			if !ok {
				t.Fatalf("dates.tsv:%d: parseDate(%q) failed, want %s", n, in, want)
			}
			if s := got.Format(time.RFC3339Nano); s != want {
				t.Errorf("dates.tsv:%d: parseDate(%q) = %s, want %s", n, in, s, want)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "a.jsonl", Line: 7, Err: errors.New("line is not JSON")}, "a.jsonl:7: line is not JSON"},
		{&Error{Path: "-", Err: errors.New("file has no text")}, "-: file has no text"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, tt.err.Err) {
				t.Errorf("errors.Is(%v, its Err) = false, want true", tt.err)
			}
		})
	}
}

func TestHeading(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"headline", "Troops Leave Border Town\n\nThe last units left on Friday.", "Troops Leave Border Town"},
		{"leading blank lines", "\n\n  Troops Leave\nThe last units left.", "Troops Leave"},
		{"markdown", "## Talks in Rome\nText.", "Talks in Rome"},
		{"markdown without space", "#hashtag\nText.", ""},
		{"sentence", "The last units left on Friday.\nMore text.", ""},
		{"colon", "Update:\nMore text.", ""},
		{"lower case", "troops leave\n\nText.", ""},
		{"only line", "Troops Leave Border Town", ""},
		{"wrapped paragraph", strings.Repeat("Word ", 22) + "\nnext line of the same paragraph.", ""},
		{"too many words", strings.Repeat("Word ", 30) + "\n\nText.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := heading(tt.text); got != tt.want {
				t.Errorf("heading(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"inline joined", "<p>one <b>two</b><i>three</i>\n four</p>", "one twothree four"},
		{"paragraphs", "<p>a</p><p>b</p><div><div>c</div></div>", "a\n\nb\n\nc"},
		{"br", "a<br>b<br/><br>c", "a\nb\nc"},
		{"entities", "&lt;x&gt; &amp; &eacute;&#233;&#x2014;&nbsp;y", "<x> & éé— y"},
		{"boilerplate", "<nav>menu</nav><p>text</p><script>x()</script><footer>f</footer>", "text"},
		{"hidden", `<p aria-hidden="true">no</p><p role="navigation">no</p><p>yes</p>`, "yes"},
		{"table", "<table><tr><td>a</td><td>b</td></tr></table>", "a\n\nb"},
		{"only boilerplate", "<script>a</script><style>b</style>", ""},
		{"plain", "just text", "just text"},
		{"nul", "a\x00b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlText(tt.in); got != tt.want {
				t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLTextDeep(t *testing.T) {
	// x/net/html refuses more than 512 open elements; up to that, nesting
	// is read.
	for _, depth := range []int{250, 100000} {
		in := strings.Repeat("<div><span>", depth) + "deep" + strings.Repeat("</span></div>", depth)
		want := "deep"
		if depth > 256 {
			want = ""
		}
		if got := htmlText(in); got != want {
			t.Errorf("htmlText(nested %d deep) = %.40q, want %q", depth, got, want)
		}
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name     string
		head     string
		explicit bool
		want     format
	}{
		{"a.txt", "x", false, formatText},
		{"a.md", "# x", false, formatText},
		{"a.jsonl", "{}", false, formatJSONL},
		{"a.ndjson", "", false, formatJSONL},
		{"a.json", "[\n {", false, formatJSONArray},
		{"a.json", "{", false, formatJSONL},
		{"a.HTML", "x", false, formatHTML},
		{"a.rss", "x", false, formatFeed},
		{"a.txt", "a\x00b", true, formatBinary},
		{"-", "  {\"text\": 1}", true, formatJSONL},
		{"-", "[{", true, formatJSONArray},
		{"-", "[Reuters] text", true, formatText},
		{"-", "<!DOCTYPE html><html>", true, formatHTML},
		{"-", "<?xml version=\"1.0\"?><rss>", true, formatFeed},
		{"-", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", true, formatFeed},
		{"-", "<p>fragment</p>", true, formatHTML},
		{"-", "Plain words.", true, formatText},
		{"-", "%PDF-1.4\n\x80\x81", true, formatBinary},
		{"notes", "Plain words.", false, formatText},
		{"main.go", "package main", false, formatSkip},
		{"main.go", "package main", true, formatText},
		{"x.php", "<html>", false, formatHTML},
		{"x.bin", "\x00\x01", false, formatBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.head, func(t *testing.T) {
			if got := formatOf(tt.name, []byte(tt.head), tt.explicit); got != tt.want {
				t.Errorf("formatOf(%q, %q, %v) = %d, want %d", tt.name, tt.head, tt.explicit, got, tt.want)
			}
		})
	}
}

// collect reads paths and returns the Docs read and the errors reported.
func collect(t *testing.T, ctx context.Context, r *Reader, paths []string, stop int) ([]string, []*Error, error) {
	t.Helper()
	var docs []string
	var errs []*Error
	errStop := errors.New("stop")
	err := r.Read(ctx, paths, nil, func(a parley.Article) error {
		docs = append(docs, a.Doc)
		if len(docs) == stop {
			return errStop
		}
		return nil
	}, func(e *Error) { errs = append(errs, e) })
	if errors.Is(err, errStop) {
		err = errStop
	}
	return docs, errs, err
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadStops(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.jsonl": "{\"id\":\"1\",\"text\":\"x\"}\n{\"id\":\"2\",\"text\":\"y\"}\n",
		"b.txt":   "z",
	})
	r := NewReader(Options{})
	t.Run("yield error", func(t *testing.T) {
		docs, _, err := collect(t, context.Background(), r, []string{dir}, 1)
		if err == nil || err.Error() != "stop" {
			t.Errorf("Read error = %v, want the yield error", err)
		}
		if diff := cmp.Diff([]string{"1"}, docs); diff != "" {
			t.Errorf("articles read before the stop (-want +got):\n%s", diff)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		docs, _, err := collect(t, ctx, r, []string{dir, filepath.Join(dir, "b.txt")}, -1)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Read error = %v, want context.Canceled", err)
		}
		if len(docs) != 0 {
			t.Errorf("read %v after cancel, want nothing", docs)
		}
	})
	t.Run("all", func(t *testing.T) {
		docs, errs, err := collect(t, context.Background(), r, []string{dir}, -1)
		if err != nil || len(errs) != 0 {
			t.Errorf("Read = %v, %v; want no error", err, errs)
		}
		if diff := cmp.Diff([]string{"1", "2", "b"}, docs); diff != "" {
			t.Errorf("articles (-want +got):\n%s", diff)
		}
	})
}

func TestReadMissing(t *testing.T) {
	dir := t.TempDir()
	_, errs, err := collect(t, context.Background(), NewReader(Options{}), []string{filepath.Join(dir, "nope.txt")}, -1)
	if err != nil {
		t.Fatalf("Read error = %v, want nil", err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || errs[0].Line != 0 {
		t.Errorf("errors = %v, want one whole-file error wrapping fs.ErrNotExist", errs)
	}
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions are not enforced")
	}
	dir := writeFiles(t, map[string]string{"secret.txt": "text", "ok.txt": "text"})
	if err := os.Chmod(filepath.Join(dir, "secret.txt"), 0); err != nil {
		t.Fatal(err)
	}
	docs, errs, err := collect(t, context.Background(), NewReader(Options{}), []string{dir}, -1)
	if err != nil {
		t.Fatalf("Read error = %v, want nil", err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrPermission) {
		t.Errorf("errors = %v, want one wrapping fs.ErrPermission", errs)
	}
	if diff := cmp.Diff([]string{"ok"}, docs); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}

func TestReadOneName(t *testing.T) {
	// The name picks the format: the same bytes are HTML as page.html and
	// text as page.txt.
	const page = "<p>Hello <b>there</b>.</p>"
	tests := []struct{ name, want string }{
		{"page.html", "Hello there."},
		{"page.txt", page},
		{"-", "Hello there."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := NewReader(Options{}).ReadOne(context.Background(), tt.name, strings.NewReader(page),
				func(a parley.Article) error { got = append(got, a.Text); return nil },
				func(e *Error) { t.Errorf("reported %v", e) })
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("ReadOne(%q) texts (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestReadSymlinks(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "text"})
	top := t.TempDir()
	if err := os.Symlink(dir, filepath.Join(top, "linked")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(top, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	// The named link is followed; the link inside it is not (no cycle).
	docs, errs, err := collect(t, context.Background(), NewReader(Options{}), []string{filepath.Join(top, "linked")}, -1)
	if err != nil || len(errs) != 0 {
		t.Fatalf("Read = %v, %v; want no error", err, errs)
	}
	if diff := cmp.Diff([]string{"a"}, docs); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}
