package syntax

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/header.golden from the committed weights")

func defaultModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

// TestHeader checks the committed weights: format version, the checksum
// of the training configuration, and the recorded header (counts, classes,
// relations), against testdata/header.golden.
func TestHeader(t *testing.T) {
	m := defaultModel(t)
	h := m.Header()
	if err := h.Check(); err != nil {
		t.Fatalf("header: %v", err)
	}
	if got, want := h.Config, DefaultTrainConfig(); got != want {
		t.Errorf("weights trained with %+v, DefaultTrainConfig is %+v: retrain with go run ./syntax/internal/train", got, want)
	}
	if h.TagRows == 0 || h.MoveRows == 0 || h.LabelRows == 0 || h.Sentences == 0 {
		t.Errorf("empty tables in header %+v", h)
	}
	got := headerSummary(h)
	const golden = "testdata/header.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("header (-golden +weights):\n%s", diff)
	}
}

func headerSummary(h Header) string {
	var b strings.Builder
	p := func(k string, v any) {
		b.WriteString(k + "\t" + strings.TrimSpace(strings.ReplaceAll(fmtAny(v), "\n", " ")) + "\n")
	}
	p("version", h.Version)
	p("config_sha256", h.ConfigSHA256)
	p("data_sha256", h.DataSHA256)
	p("sentences", h.Sentences)
	p("words", h.Words)
	p("tag_classes", len(h.UPOS))
	p("rels", strings.Join(h.Rels, " "))
	p("dict_words", h.DictWords)
	p("tag_set_words", h.TagSetWords)
	p("rel_sets", h.RelSets)
	p("tag_rows", h.TagRows)
	p("move_rows", h.MoveRows)
	p("label_rows", h.LabelRows)
	return b.String()
}

func TestWriteLoadRoundTrip(t *testing.T) {
	m := defaultModel(t)
	b, err := m.modelBytes()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := read(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("reading written model: %v", err)
	}
	words := strings.Fields("Russia and Iran held talks in Tehran on Monday .")
	if diff := cmp.Diff(m.Parse(words), m2.Parse(words)); diff != "" {
		t.Errorf("parse differs after round trip (-orig +read):\n%s", diff)
	}
	// Truncated and corrupt files are errors, never panics.
	for _, n := range []int{0, 10, len(b) / 2, len(b) - 5} {
		if _, err := read(bytes.NewReader(b[:n])); err == nil {
			t.Errorf("reading the first %d of %d bytes: no error", n, len(b))
		}
	}
}

func TestParseShapes(t *testing.T) {
	m := defaultModel(t)
	for _, words := range [][]string{
		nil,
		{"Hello"},
		{"."},
		{"“", "We", "’re", "ready", "—", "now", "”"},
		strings.Fields(strings.Repeat("the talks , ", 200)),
		{"", " ", "\xff"},
	} {
		got := m.Parse(words)
		if len(got) != len(words) {
			t.Fatalf("Parse(%q) gave %d words", words, len(got))
		}
		roots := 0
		for i, w := range got {
			if w.Head == -1 {
				roots++
				if w.Rel != "root" {
					t.Errorf("Parse(%q): root word %d has rel %q", words, i, w.Rel)
				}
			} else if w.Head < 0 || w.Head >= len(words) || w.Head == i || w.Rel == "root" {
				t.Errorf("Parse(%q): word %d: head %d rel %q", words, i, w.Head, w.Rel)
			}
		}
		if len(words) > 0 && roots != 1 {
			t.Errorf("Parse(%q): %d roots", words, roots)
		}
		if tags := m.Tag(words); len(tags) != len(words) {
			t.Errorf("Tag(%q) gave %d tags", words, len(tags))
		}
	}
}

func TestAppendParseAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("-race instrumentation allocates: allocation counts are checked without it")
	}
	m := defaultModel(t)
	words := strings.Fields("Lavrov was received by Putin in the Kremlin on Thursday .")
	dst := m.Parse(words)
	allocs := testing.AllocsPerRun(20, func() { dst = m.AppendParse(dst, words) })
	if allocs > 0 {
		t.Errorf("AppendParse: %.1f allocations per call, want 0", allocs)
	}
}

func fmtAny(v any) string { return fmt.Sprint(v) }

func TestAppendDepsMatchesParse(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Moscow", "hosted", "Syria", "'s", "foreign", "and", "defense", "ministers", "on", "Thursday", "."}
	ws := m.Parse(words)
	deps := m.AppendDeps(nil, words)
	if len(deps) != len(ws) {
		t.Fatalf("AppendDeps gave %d deps for %d words", len(deps), len(ws))
	}
	for i, w := range ws {
		d := deps[i]
		if d.Tag != w.Tag || d.XPOS != w.XPOS || d.Head != w.Head || d.Rel != w.Rel {
			t.Errorf("word %d %q: AppendDeps %+v, Parse %+v", i, words[i], d, w)
		}
	}
}
