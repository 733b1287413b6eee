package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// demoArticle is one line of demo/articles.jsonl.
type demoArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// checkDemo reads a JSON Lines corpus and returns the articles that are
// valid and one error for every problem found, each naming name:line.
func checkDemo(name string, b []byte) ([]demoArticle, []error) {
	var (
		arts []demoArticle
		errs []error
		seen = map[string]int{} // id → line
	)
	lines := bytes.Split(b, []byte("\n"))
	if n := len(lines); n > 0 && len(lines[n-1]) == 0 {
		lines = lines[:n-1] // the final newline ends the last line
	}
	for i, line := range lines {
		n := i + 1
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...)))
		}
		if !utf8.Valid(line) {
			fail("invalid UTF-8")
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			fail("blank line")
			continue
		}
		var a demoArticle
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		ok := true
		for _, f := range []struct{ field, value string }{
			{"id", a.ID}, {"title", a.Title}, {"published", a.Published}, {"text", a.Text},
		} {
			if strings.TrimSpace(f.value) == "" {
				fail("empty %s", f.field)
				ok = false
			}
		}
		if a.Published != "" {
			if _, err := time.Parse(time.DateOnly, a.Published); err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: published %q is not YYYY-MM-DD: %w", name, n, a.Published, err))
				ok = false
			}
		}
		if a.ID != "" {
			if first, dup := seen[a.ID]; dup {
				fail("id %q already used on line %d", a.ID, first)
				ok = false
			} else {
				seen[a.ID] = n
			}
		}
		if ok {
			arts = append(arts, a)
		}
	}
	return arts, errs
}

func TestDemo(t *testing.T) {
	const name = "demo/articles.jsonl"
	b, err := fs.ReadFile(Demo, name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(Demo, "demo/README.md"); err != nil {
		t.Errorf("demo README not embedded: %v", err)
	}
	arts, errs := checkDemo(name, b)
	for _, err := range errs {
		t.Error(err)
	}
	if got, want := len(arts), 12; got < want {
		t.Errorf("%s: got %d valid articles, want at least %d", name, got, want)
	}
	months := map[string]bool{}
	for _, a := range arts {
		months[a.Published[:len("2006-01")]] = true
	}
	if got, want := len(months), 4; got < want {
		t.Errorf("%s: articles span %d distinct months, want at least %d", name, got, want)
	}
}

func TestCheckDemo(t *testing.T) {
	const good = `{"id":"a","url":"https://example.org/a","title":"T","source":"S","published":"2025-07-31","text":"X met Y."}`
	tests := []struct {
		name    string
		in      string
		wantN   int      // valid articles
		wantErr []string // one substring per expected error, in order
	}{
		{"valid", good + "\n" + strings.Replace(good, `"a"`, `"b"`, 1) + "\n", 2, nil},
		{"no final newline", good, 1, nil},
		{"bad json", good + "\n{\"id\":\n", 1, []string{"x:2: unexpected EOF"}},
		{"not an object", "[1]\n", 0, []string{"x:1: json: cannot unmarshal array"}},
		{"unknown field", `{"id":"a","title":"T","published":"2025-07-31","text":"t","publised":"x"}`, 0,
			[]string{`x:1: json: unknown field "publised"`}},
		{"empty fields", `{"id":" ","title":"","published":"2025-07-31","text":""}`, 0,
			[]string{"x:1: empty id", "x:1: empty title", "x:1: empty text"}},
		{"missing published", `{"id":"a","title":"T","text":"t"}`, 0, []string{"x:1: empty published"}},
		{"bad date", strings.Replace(good, "2025-07-31", "2025-7-31", 1), 0,
			[]string{`x:1: published "2025-7-31" is not YYYY-MM-DD`}},
		{"impossible date", strings.Replace(good, "2025-07-31", "2025-02-30", 1), 0,
			[]string{`x:1: published "2025-02-30" is not YYYY-MM-DD`}},
		{"duplicate id", good + "\n" + good + "\n", 1, []string{`x:2: id "a" already used on line 1`}},
		{"invalid utf-8", strings.Replace(good, "X met Y.", "X met \xff.", 1), 0, []string{"x:1: invalid UTF-8"}},
		{"blank line", good + "\n\n" + strings.Replace(good, `"a"`, `"b"`, 1), 2, []string{"x:2: blank line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := checkDemo("x", []byte(tt.in))
			if got := len(arts); got != tt.wantN {
				t.Errorf("got %d valid articles, want %d", got, tt.wantN)
			}
			if len(errs) != len(tt.wantErr) {
				t.Fatalf("got %d errors %v, want %d %q", len(errs), errs, len(tt.wantErr), tt.wantErr)
			}
			for i, err := range errs {
				if !strings.Contains(err.Error(), tt.wantErr[i]) {
					t.Errorf("error %d: got %q, want it to contain %q", i, err, tt.wantErr[i])
				}
			}
		})
	}
}

// TestCheckDemoWraps checks that decoding errors keep their cause.
func TestCheckDemoWraps(t *testing.T) {
	_, errs := checkDemo("x", []byte("{\"id\": 1}\n"))
	var typeErr *json.UnmarshalTypeError
	if len(errs) != 1 || !errors.As(errs[0], &typeErr) {
		t.Errorf("got %v, want one error wrapping *json.UnmarshalTypeError", errs)
	}
}
