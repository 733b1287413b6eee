package event

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/sentence"
)

// gsrPath is the PLOVER gold standard records, outside the repository.
var gsrPath = filepath.Join("..", "..", "shared", "gold", "plover-gsr", "PLOVER_GSR_CAMEO.json")

type gsrActor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

type gsrRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

func gsrActors(raw json.RawMessage) []gsrActor {
	var list []gsrActor
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one gsrActor
	if json.Unmarshal(raw, &one) == nil && one.Code != "" {
		return []gsrActor{one}
	}
	return nil
}

// gsrCategory maps the GSR's draft categories to PLOVER 2021 (gold README).
var gsrCategory = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// TestPLOVERGSR scores the coder on the PLOVER gold standard records with
// the gold actor spans given as mentions, so it measures triggers and
// attribution alone. Text nobody tuned the coder on; a floor only.
func TestPLOVERGSR(t *testing.T) {
	b, err := os.ReadFile(gsrPath)
	if err != nil {
		t.Skipf("PLOVER GSR not available (%v): run inside the parley workspace with ../shared", err)
	}
	var recs []gsrRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatalf("%s: %v", gsrPath, err)
	}
	c := parsedCoder(t)
	split := sentence.NewSplitter()
	var tp, np, ng, found int
	for _, r := range recs {
		if r.Event == "DOCUMENT" || r.Text == "" {
			continue
		}
		typ := r.Event
		if m, ok := gsrCategory[typ]; ok {
			typ = m
		}
		src, tgt := gsrActors(r.Source), gsrActors(r.Target)
		a := &parley.Article{Text: r.Text}
		sents := split.Split(r.Text)
		ms := gsrMentions(r.Text, append(append([]gsrActor(nil), src...), tgt...))
		var want []string
		switch {
		case len(tgt) > 0:
			for _, s := range src {
				for _, g := range tgt {
					want = append(want, typ+" "+s.Code+">"+g.Code)
				}
			}
		case len(src) >= 2:
			for i := range src {
				for j := i + 1; j < len(src); j++ {
					want = append(want, typ+" "+pair(src[i].Code, src[j].Code))
				}
			}
		default:
			for _, s := range src {
				want = append(want, typ+" "+s.Code)
			}
		}
		evs := c.Code(a, sents, ms)
		got := dyads(evs)
		for _, e := range evs {
			if e.Type == typ {
				found++
				break
			}
		}
		tp += matchDyads(got, want)
		np += len(got)
		ng += len(want)
	}
	p, rc := float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(ng, 1))
	f1 := 2 * p * rc / max(p+rc, 1e-9)
	t.Logf("PLOVER GSR (gold actor spans): %d gold dyads, %d predicted, %d matched: P=%.3f R=%.3f F1=%.3f; sentences with the gold category found: %d", ng, np, tp, p, rc, f1, found)
	if f1 < 0.30 {
		t.Errorf("GSR F1 %.3f, want at least 0.30 (measured 0.36 with the parser)", f1)
	}
}

// gsrMentions marks every occurrence of each gold actor text as a mention.
func gsrMentions(text string, actors []gsrActor) []parley.Mention {
	var out []parley.Mention
	taken := make([]bool, len(text)+1)
	for _, a := range actors {
		if a.Text == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], a.Text)
			if i < 0 {
				break
			}
			s := off + i
			e := s + len(a.Text)
			off = e
			if taken[s] {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			kind := parley.MentionCountry
			if strings.HasSuffix(a.Text, "n") || strings.HasSuffix(a.Text, "ese") || strings.HasSuffix(a.Text, "i") || strings.HasSuffix(a.Text, "sh") {
				kind = parley.MentionAdjective
			}
			m := parley.Mention{Span: parley.Span{Start: s, End: e}, Kind: kind, Actor: parley.Actor{Code: a.Code}}
			if strings.HasPrefix(text[e:], "'s") || strings.HasPrefix(text[e:], "’s") {
				m.Possessive = true
			}
			out = append(out, m)
		}
	}
	sortMentions(out)
	return out
}

func sortMentions(ms []parley.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Span.Start < ms[j-1].Span.Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
