package event

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/parley-events/parley/data"
	"github.com/parley-events/parley/plover"
	"github.com/parley-events/parley/syntax"
)

func codebook(t testing.TB) *plover.Codebook {
	t.Helper()
	cb, err := plover.Default()
	if err != nil {
		t.Fatalf("plover.Default: %v", err)
	}
	return cb
}

func coder(t testing.TB) *Coder {
	t.Helper()
	c, err := NewCoder(data.Events, codebook(t), nil)
	if err != nil {
		t.Fatalf("NewCoder: %v", err)
	}
	return c
}

func TestDefaultLexicons(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	verbs, nouns := map[string]int{}, map[string]int{}
	for _, r := range c.rulesOrder {
		if r.noun {
			nouns[r.cat]++
		} else {
			verbs[r.cat]++
		}
	}
	for _, cat := range codebook(t).Categories() {
		if verbs[cat.Name] == 0 {
			t.Errorf("category %s has no verb pattern", cat.Name)
		}
		if nouns[cat.Name] == 0 {
			t.Errorf("category %s has no event noun", cat.Name)
		}
		t.Logf("%-10s %3d verbs %3d nouns", cat.Name, verbs[cat.Name], nouns[cat.Name])
	}
	if len(c.irregular) < 50 {
		t.Errorf("irregular.tsv: %d forms, want at least 50", len(c.irregular))
	}
}

func TestLexiconErrors(t *testing.T) {
	good := func(name string) []byte {
		b, err := data.Events.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fsys := fstest.MapFS{
		"events/verbs.tsv": {Data: append(good("events/verbs.tsv"), []byte(
			"AGREE\t-\tagree\tintent\tduplicate row\n"+
				"AGREES\t-\tconcur\t-\tbad category\n"+
				"CONSULT\tcall\tring\t-\tbad mode\n"+
				"ASSAULT\t-\t* attack\t-\tleading gap\n"+
				"ASSAULT\t-\tmaul\tloud\tbad flag\n"+
				"ASSAULT\t-\tmaul\n")...)},
		"events/nouns.tsv":     {Data: append(good("events/nouns.tsv"), []byte("PROTEST\triot\t\t-\tempty pattern\n")...)},
		"events/modes.tsv":     {Data: append(good("events/modes.tsv"), []byte("someday\tbefore\tperhaps\nfuture\tbeside\tsoon\n")...)},
		"events/words.tsv":     {Data: append(good("events/words.tsv"), []byte("verb\thold\n")...)},
		"events/irregular.tsv": {Data: append(good("events/irregular.tsv"), []byte("met\tmeat\n")...)},
	}
	_, err := NewCoder(fsys, codebook(t), nil)
	if err == nil {
		t.Fatal("NewCoder accepted bad lexicons")
	}
	msg := err.Error()
	lines := func(name string) int { return strings.Count(string(good(name)), "\n") }
	v, n, m, w, ir := lines("events/verbs.tsv"), lines("events/nouns.tsv"), lines("events/modes.tsv"), lines("events/words.tsv"), lines("events/irregular.tsv")
	for _, want := range []string{
		sprintf("events/verbs.tsv:%d: duplicate of line", v+1),
		sprintf("events/verbs.tsv:%d: unknown PLOVER category \"AGREES\"", v+2),
		sprintf("events/verbs.tsv:%d: category CONSULT has no mode \"call\"", v+3),
		sprintf("events/verbs.tsv:%d: pattern \"* attack\" starts or ends with *", v+4),
		sprintf("events/verbs.tsv:%d: unknown flag \"loud\"", v+5),
		sprintf("events/verbs.tsv:%d: 3 fields, want 5", v+6),
		sprintf("events/nouns.tsv:%d: empty pattern", n+1),
		sprintf("events/modes.tsv:%d: unknown auxiliary mode \"someday\"", m+1),
		sprintf("events/modes.tsv:%d: where is \"beside\"", m+2),
		sprintf("events/words.tsv:%d: unknown kind \"verb\"", w+1),
		sprintf("events/irregular.tsv:%d: \"met\" already maps to \"meet\"", ir+1),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q\ngot:\n%s", want, msg)
		}
	}
}

func TestLexiconMissingFile(t *testing.T) {
	_, err := NewCoder(fstest.MapFS{}, codebook(t), nil)
	if err == nil || !strings.Contains(err.Error(), verbsFile) {
		t.Errorf("NewCoder(empty fs) error = %v, want one naming %s", err, verbsFile)
	}
}

func TestLemmas(t *testing.T) {
	c := coder(t)
	tests := []struct {
		word, lemma string
	}{
		{"met", "meet"}, {"meets", "meet"}, {"meeting", "meet"}, {"held", "hold"},
		{"sought", "seek"}, {"agreed", "agree"}, {"hosted", "host"}, {"hosting", "host"},
		{"stopped", "stop"}, {"shelled", "shell"}, {"travelled", "travel"}, {"denies", "deny"},
		{"denied", "deny"}, {"urging", "urge"}, {"talks", "talk"}, {"withdrew", "withdraw"},
		{"struck", "strike"}, {"imposes", "impose"}, {"pushes", "push"}, {"visited", "visit"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := c.lemmas(nil, tt.word)
			for _, g := range got {
				if g == tt.lemma {
					return
				}
			}
			t.Errorf("lemmas(%q) = %q, want it to include %q", tt.word, got, tt.lemma)
		})
	}
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// parsedCoder returns a Coder with parley's trained parser, loaded once.
func parsedCoder(t testing.TB) *Coder {
	t.Helper()
	parserOnce.Do(func() { parserModel, parserErr = syntax.Default() })
	if parserErr != nil {
		t.Fatalf("syntax.Default: %v", parserErr)
	}
	c, err := NewCoder(data.Events, codebook(t), parserModel)
	if err != nil {
		t.Fatalf("NewCoder: %v", err)
	}
	return c
}

var (
	parserOnce  sync.Once
	parserModel *syntax.Model
	parserErr   error
)
