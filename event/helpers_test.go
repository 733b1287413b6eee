package event

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/sentence"
)

// mentionTable is a tiny stand-in for package actor: phrases of lower-case
// tokens mapped to actors, matched longest first.
type mentionTable struct {
	rows []mentionRow
}

type mentionRow struct {
	toks  []string
	kind  parley.MentionKind
	actor parley.Actor
}

func loadMentionTable(t testing.TB) *mentionTable {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "actors.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mt := &mentionTable{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			t.Fatalf("testdata/actors.tsv:%d: %d fields, want 5", n, len(c))
		}
		dash := func(s string) string {
			if s == "-" {
				return ""
			}
			return s
		}
		a := parley.Actor{Code: c[2], Sector: dash(c[3]), Name: dash(c[4])}
		if c[1] == string(parley.MentionOrg) {
			a.Org = c[0]
		}
		mt.rows = append(mt.rows, mentionRow{toks: strings.Fields(c[0]), kind: parley.MentionKind(c[1]), actor: a})
	}
	return mt
}

// find returns the mentions of the sentences, longest phrase first.
func (mt *mentionTable) find(sents []parley.Sentence) []parley.Mention {
	var out []parley.Mention
	for _, s := range sents {
		toks := s.Tokens
		for i := 0; i < len(toks); {
			best := -1
			for r, row := range mt.rows {
				if i+len(row.toks) > len(toks) {
					continue
				}
				ok := true
				for k, w := range row.toks {
					if toks[i+k].Norm != w {
						ok = false
						break
					}
				}
				if ok && (best < 0 || len(row.toks) > len(mt.rows[best].toks)) {
					best = r
				}
			}
			if best < 0 {
				i++
				continue
			}
			row := mt.rows[best]
			end := i + len(row.toks)
			m := parley.Mention{
				Span:  parley.Span{Start: toks[i].Span.Start, End: toks[end-1].Span.End},
				Kind:  row.kind,
				Actor: row.actor,
			}
			if end < len(toks) && toks[end].Norm == "'s" {
				m.Possessive = true
			}
			out = append(out, m)
			i = end
		}
	}
	return out
}

// prepare splits text and finds its mentions.
func prepare(mt *mentionTable, text string) (*parley.Article, []parley.Sentence, []parley.Mention) {
	a := &parley.Article{Text: text}
	sents := sentence.NewSplitter().Split(text)
	return a, sents, mt.find(sents)
}

// dyads renders events as "TYPE A>B", "TYPE A+B" (reciprocal, sorted) or
// "TYPE A", the way dev.tsv writes them.
func dyads(evs []parley.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, eventDyads(e)...)
	}
	return out
}

func eventDyads(e parley.Event) []string {
	var out []string
	code := func(a parley.Actor) string {
		if a.Code == "" && a.Sector == parley.SectorUnidentified {
			return "UAF" // given the place's country by the pipeline
		}
		return a.Code
	}
	switch {
	case len(e.Recipients) > 0:
		for _, a := range e.Actors {
			for _, r := range e.Recipients {
				out = append(out, e.Type+" "+code(a)+">"+code(r))
			}
		}
	case len(e.Actors) >= 2:
		for i := range e.Actors {
			for j := i + 1; j < len(e.Actors); j++ {
				out = append(out, e.Type+" "+pair(code(e.Actors[i]), code(e.Actors[j])))
			}
		}
	default:
		for _, a := range e.Actors {
			out = append(out, e.Type+" "+code(a))
		}
	}
	return out
}

func pair(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "+" + b
}

// canon makes CONSULT dyads unordered and sorts reciprocal pairs.
func canon(d string) string {
	typ, rest, _ := strings.Cut(d, " ")
	if a, b, ok := strings.Cut(rest, "+"); ok {
		return typ + " " + pair(a, b)
	}
	if a, b, ok := strings.Cut(rest, ">"); ok && typ == "CONSULT" {
		return typ + " " + pair(a, b)
	}
	return d
}

// matchDyads counts one-to-one matches between got and want.
func matchDyads(got, want []string) int {
	left := map[string]int{}
	for _, w := range want {
		left[canon(w)]++
	}
	n := 0
	for _, g := range got {
		if left[canon(g)] > 0 {
			left[canon(g)]--
			n++
		}
	}
	return n
}
