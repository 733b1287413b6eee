package article

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-events/parley"
)

// TestSharedCorpus reads the sample corpus both ways it comes: the JSON
// Lines file and the directory of text files must give the same texts
// under the same Docs.
func TestSharedCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "seeds.jsonl")); err != nil {
		t.Skipf("shared corpus not found at %s: %v", dir, err)
	}
	read := func(path string) map[string]parley.Article {
		t.Helper()
		got := map[string]parley.Article{}
		err := NewReader(Options{}).Read(context.Background(), []string{path}, nil,
			func(a parley.Article) error {
				checkArticle(t, a)
				got[a.Doc] = a
				return nil
			},
			func(e *Error) { t.Errorf("%s: reported %v", path, e) })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	lines := read(filepath.Join(dir, "seeds.jsonl"))
	files := read(filepath.Join(dir, "seeds"))
	if len(lines) == 0 {
		t.Fatal("no articles in seeds.jsonl")
	}
	for doc, a := range lines {
		if a.Published.IsZero() || a.Title == "" {
			t.Errorf("%s: Published %v, Title %q; want both set", doc, a.Published, a.Title)
		}
		f, ok := files[doc]
		if !ok {
			t.Errorf("%s: in seeds.jsonl but not read from seeds/", doc)
			continue
		}
		if diff := cmp.Diff(a.Text, f.Text); diff != "" {
			t.Errorf("%s: text differs between JSON Lines and text file (-jsonl +txt):\n%s", doc, diff)
		}
	}
}
