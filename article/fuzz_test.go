package article

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/parley-events/parley"
)

// seed adds to f the inputs of the golden cases whose names end in one of exts.
func seed(f *testing.F, exts ...string) {
	files, err := filepath.Glob("testdata/read/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			for _, ext := range exts {
				if strings.HasSuffix(af.Name, ext) {
					f.Add(unescape(af.Data))
				}
			}
		}
	}
}

// fuzzRead reads data as the named input and checks the invariants of
// every article and error.
func fuzzRead(t *testing.T, name string, data []byte) {
	r := NewReader(Options{MaxBytes: 1 << 20})
	err := r.ReadOne(context.Background(), name, bytes.NewReader(data),
		func(a parley.Article) error { checkArticle(t, a); return nil },
		func(e *Error) { checkError(t, e) })
	if err != nil {
		t.Fatalf("ReadOne(%s) = %v, want nil", name, err)
	}
}

func FuzzJSONL(f *testing.F) {
	seed(f, ".jsonl", ".json")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.jsonl", data) })
}

func FuzzHTML(f *testing.F) {
	seed(f, ".html", ".htm")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.html", data) })
}

func FuzzFeed(f *testing.F) {
	seed(f, ".xml", ".rss", ".atom", ".rdf")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.xml", data) })
}

func FuzzText(f *testing.F) {
	seed(f, ".txt", ".md")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.txt", data) })
}

// FuzzSniff reads any input as standard input, where the format is guessed.
func FuzzSniff(f *testing.F) {
	seed(f, ".txt", ".jsonl", ".json", ".html", ".xml", ".rss", ".atom")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "-", data) })
}
