package article

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/parley-events/parley"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/read/*.txtar")

// A case in testdata/read is a txtar archive. Its comment says what it
// tests. Its files are written to a temporary directory and read, except
// these sections:
//
//	args     the paths to read, relative to the directory ("-" for stdin);
//	         by default every input file in archive order
//	stdin    what standard input holds
//	options  lines "published DATE", "id ID", "source NAME", "max-bytes N"
//	want     one line per article (its JSON) or problem ("error: ...") in
//	         the order reported, paths relative to the directory
//
// In inputs, \xNN stands for the byte NN, so that archives stay UTF-8.
func TestRead(t *testing.T) {
	files, err := filepath.Glob("testdata/read/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/read: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := loadCase(t, ar)
			got := c.run(t)
			if *update {
				c.setWant(ar, got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("Read %s: output mismatch (-want +got):\n%s", file, diff)
			}
		})
	}
}

type readCase struct {
	dir   string
	opt   Options
	args  []string
	stdin []byte
	want  string
}

var hexByte = regexp.MustCompile(`\\x[0-9a-fA-F]{2}`)

// unescape turns \xNN into the byte NN.
func unescape(b []byte) []byte {
	return hexByte.ReplaceAllFunc(b, func(m []byte) []byte {
		v, _ := strconv.ParseUint(string(m[2:]), 16, 8)
		return []byte{byte(v)}
	})
}

func loadCase(t *testing.T, ar *txtar.Archive) *readCase {
	t.Helper()
	c := &readCase{dir: t.TempDir()}
	var inputs []string
	args := false
	for _, f := range ar.Files {
		switch f.Name {
		case "want":
			c.want = string(f.Data)
		case "args":
			c.args, args = strings.Fields(string(f.Data)), true
		case "stdin":
			c.stdin = unescape(f.Data)
		case "options":
			c.opt = parseOptions(t, string(f.Data))
		default:
			p := filepath.Join(c.dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, unescape(f.Data), 0o644); err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, f.Name)
		}
	}
	if !args {
		c.args = inputs
	}
	return c
}

func parseOptions(t *testing.T, s string) Options {
	t.Helper()
	var opt Options
	for i, line := range strings.Split(strings.TrimSpace(s), "\n") {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		var err error
		switch key {
		case "published":
			opt.Published, err = time.Parse(time.DateOnly, val)
		case "id":
			opt.ID = val
		case "source":
			opt.Source = val
		case "max-bytes":
			opt.MaxBytes, err = strconv.ParseInt(val, 10, 64)
		default:
			err = errors.New("unknown option")
		}
		if err != nil {
			t.Fatalf("options:%d: %q: %v", i+1, line, err)
		}
	}
	return opt
}

// run reads the case and returns its output as the want section holds it.
func (c *readCase) run(t *testing.T) string {
	t.Helper()
	var paths []string
	for _, a := range c.args {
		if a == "-" {
			paths = append(paths, a)
		} else {
			paths = append(paths, filepath.Join(c.dir, filepath.FromSlash(a)))
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	yield := func(a parley.Article) error {
		checkArticle(t, a)
		return enc.Encode(a)
	}
	report := func(e *Error) {
		checkError(t, e)
		out.WriteString("error: " + e.Error() + "\n")
	}
	err := NewReader(c.opt).Read(context.Background(), paths, bytes.NewReader(c.stdin), yield, report)
	if err != nil {
		t.Fatalf("Read returned %v, want nil", err)
	}
	return strings.ReplaceAll(out.String(), c.dir+string(filepath.Separator), "")
}

func (c *readCase) setWant(ar *txtar.Archive, got string) {
	for i := range ar.Files {
		if ar.Files[i].Name == "want" {
			ar.Files[i].Data = []byte(got)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(got)})
}
