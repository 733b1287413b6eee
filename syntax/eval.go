package syntax

import (
	"fmt"
	"strings"
)

// Scores are the accuracies of a model on gold sentences, with the gold
// tokenization; every word counts, punctuation included.
type Scores struct {
	Words int
	UPOS  float64 // universal tag accuracy, %
	XPOS  float64 // Penn tag accuracy, %
	UAS   float64 // unlabelled attachment score, %
	LAS   float64 // labelled attachment score (relation with subtype), %
	// LASBase is the LAS on the universal relation only (nmod:poss counts as
	// nmod), as the CoNLL 2018 shared task scored it.
	LASBase float64
}

func (s Scores) String() string {
	return fmt.Sprintf("%d words: UPOS %.2f%%, XPOS %.2f%%, UAS %.2f%%, LAS %.2f%% (universal relations %.2f%%)",
		s.Words, s.UPOS, s.XPOS, s.UAS, s.LAS, s.LASBase)
}

// Evaluate parses the gold sentences' words and scores the result.
func Evaluate(m *Model, gold []Sentence) Scores {
	var upos, xpos, uas, las, lasBase int
	var s Scores
	var got []Word
	for _, g := range gold {
		got = m.AppendParse(got, g.Words)
		for i, w := range got {
			s.Words++
			if w.Tag == g.UPOS[i] {
				upos++
			}
			if w.XPOS == g.XPOS[i] {
				xpos++
			}
			if w.Head == g.Heads[i] {
				uas++
				if w.Rel == g.Rels[i] {
					las++
				}
				if base(w.Rel) == base(g.Rels[i]) {
					lasBase++
				}
			}
		}
	}
	if s.Words > 0 {
		pc := func(k int) float64 { return 100 * float64(k) / float64(s.Words) }
		s.UPOS, s.XPOS, s.UAS, s.LAS, s.LASBase = pc(upos), pc(xpos), pc(uas), pc(las), pc(lasBase)
	}
	return s
}

func base(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}
