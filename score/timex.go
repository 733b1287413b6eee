package score

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parley-events/parley"
)

// TimexDoc is one TimeML document (TimeBank, AQUAINT, TempEval-3): the text
// of its TEXT element with the tags stripped and entities decoded, its
// document creation time, and its TIMEX3s with byte offsets into that text.
// The DCT's own TIMEX3 is not among them.
type TimexDoc struct {
	Name    string // the file name without .tml
	DCT     time.Time
	Text    string
	Timexes []GoldTimex
}

// GoldTimex is one annotated time expression.
type GoldTimex struct {
	Span        parley.Span
	Type, Value string
}

// LoadTimeML reads one .tml file.
func LoadTimeML(path string) (*TimexDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	defer f.Close()
	name := strings.TrimSuffix(filepath.Base(path), ".tml")
	doc, err := parseTimeML(name, f)
	if err != nil {
		return nil, fmt.Errorf("timeml %s: %w", path, err)
	}
	return doc, nil
}

// LoadTimeMLDir reads every .tml file under dir, recursively, sorted by
// name. A file that fails to load is reported with the others; the ones
// that load are returned.
func LoadTimeMLDir(dir string) ([]*TimexDoc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	var docs []*TimexDoc
	var errs []error
	for _, p := range paths {
		d, err := LoadTimeML(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, errors.Join(errs...)
}

// parseTimeML reads a TimeML document with encoding/xml: character data
// inside TEXT becomes the text; TIMEX3 elements inside TEXT become the gold
// expressions, the one inside DCT the creation time.
func parseTimeML(name string, r io.Reader) (*TimexDoc, error) {
	dec := xml.NewDecoder(r)
	doc := &TimexDoc{Name: name}
	var text strings.Builder
	inText, inDCT := false, false
	var open *GoldTimex
	for {
		tk, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tk.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				typ, val := attr(t, "type"), attr(t, "value")
				if inDCT || attr(t, "functionInDocument") == "CREATION_TIME" {
					if d, err := parseDCT(val); err == nil && doc.DCT.IsZero() {
						doc.DCT = d
					}
					continue
				}
				if inText {
					if open != nil {
						line, _ := dec.InputPos()
						return nil, fmt.Errorf("line %d: nested TIMEX3", line)
					}
					open = &GoldTimex{Span: parley.Span{Start: text.Len()}, Type: typ, Value: val}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if open != nil {
					open.Span.End = text.Len()
					doc.Timexes = append(doc.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if open != nil {
		return nil, errors.New("unclosed TIMEX3")
	}
	doc.Text = text.String()
	// Trim the white space annotators left inside tags.
	for k := range doc.Timexes {
		sp := &doc.Timexes[k].Span
		for sp.Start < sp.End && isSpace(doc.Text[sp.Start]) {
			sp.Start++
		}
		for sp.End > sp.Start && isSpace(doc.Text[sp.End-1]) {
			sp.End--
		}
	}
	return doc, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// parseDCT reads a creation time value: 1998-01-08, or with a time.
func parseDCT(v string) (time.Time, error) {
	if len(v) >= 10 {
		v = v[:10]
	}
	return time.Parse(time.DateOnly, v)
}

// TimexPrediction is one time expression found by a tagger.
type TimexPrediction struct {
	Span        parley.Span
	Type, Value string
}

// Timex type groups scored apart.
const (
	TimexDateTime = "DATE+TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
	TimexAll      = "all"
)

func timexGroup(typ string) string {
	switch typ {
	case "DURATION":
		return TimexDuration
	case "SET":
		return TimexSet
	}
	return TimexDateTime
}

// TimexScore is the outcome for one group of expressions.
type TimexScore struct {
	Group string `json:"group"`
	// Relaxed extraction: a prediction matches a gold expression whose span
	// it overlaps, one to one.
	Relaxed Counts `json:"relaxed"`
	// Strict extraction: the spans are equal.
	Strict Counts `json:"strict"`
	// Value and Type are right over the relaxed matches.
	Value Attr `json:"value"`
	Type  Attr `json:"type"`
}

// TimexReport is the outcome of ScoreTimex: one score per group (DATE and
// TIME together, DURATION, SET) and one over all expressions whatever
// their type.
type TimexReport struct {
	Docs   int          `json:"docs"`
	Groups []TimexScore `json:"groups"`
}

// Group returns the score of a group (TimexDateTime...), or nil.
func (r *TimexReport) Group(name string) *TimexScore {
	for k := range r.Groups {
		if r.Groups[k].Group == name {
			return &r.Groups[k]
		}
	}
	return nil
}

// ScoreTimex scores the predicted expressions of each document, keyed by
// TimexDoc.Name, against the gold ones. In a group, gold expressions are
// those of the group's types and predictions those the tagger gave one of
// them; in "all", every expression. A group's gold and predicted
// expressions are matched one to one, the pairs with the largest overlap
// first (a tie goes to the earlier pair); a strict match is a pair with
// equal spans among those. A document with no entry in predicted counts
// its gold expressions as misses.
func ScoreTimex(docs []*TimexDoc, predicted map[string][]TimexPrediction) *TimexReport {
	rep := &TimexReport{Docs: len(docs)}
	for _, g := range []string{TimexDateTime, TimexDuration, TimexSet, TimexAll} {
		sc := TimexScore{Group: g}
		for _, d := range docs {
			var gold []GoldTimex
			for _, t := range d.Timexes {
				if g == TimexAll || timexGroup(t.Type) == g {
					gold = append(gold, t)
				}
			}
			var pred []TimexPrediction
			for _, p := range predicted[d.Name] {
				if g == TimexAll || timexGroup(p.Type) == g {
					pred = append(pred, p)
				}
			}
			scoreTimexDoc(&sc, gold, pred)
		}
		sc.Relaxed.finish()
		sc.Strict.finish()
		sc.Value.finish()
		sc.Type.finish()
		rep.Groups = append(rep.Groups, sc)
	}
	return rep
}

func scoreTimexDoc(sc *TimexScore, gold []GoldTimex, pred []TimexPrediction) {
	type pair struct{ g, p, overlap int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			if o := min(g.Span.End, p.Span.End) - max(g.Span.Start, p.Span.Start); o > 0 {
				pairs = append(pairs, pair{gi, pi, o})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return b.overlap - a.overlap })
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	matched := 0
	for _, pr := range pairs {
		if usedG[pr.g] || usedP[pr.p] {
			continue
		}
		usedG[pr.g], usedP[pr.p] = true, true
		matched++
		g, p := gold[pr.g], pred[pr.p]
		if g.Span == p.Span {
			sc.Strict.TP++
		}
		sc.Value.Total++
		sc.Type.Total++
		if g.Value == p.Value {
			sc.Value.Correct++
		}
		if g.Type == p.Type {
			sc.Type.Correct++
		}
	}
	sc.Relaxed.TP += matched
	sc.Relaxed.FP += len(pred) - matched
	sc.Relaxed.FN += len(gold) - matched
	sc.Strict.FP = sc.Relaxed.TP + sc.Relaxed.FP - sc.Strict.TP
	sc.Strict.FN = sc.Relaxed.TP + sc.Relaxed.FN - sc.Strict.TP
}

// WriteTable writes the report as an aligned text table.
func (r *TimexReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "group\tgold\tpred\trelaxed P\trelaxed R\trelaxed F1\tstrict F1\tvalue acc\ttype acc\t\n")
	for _, g := range r.Groups {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", g.Group,
			g.Relaxed.TP+g.Relaxed.FN, g.Relaxed.TP+g.Relaxed.FP,
			g.Relaxed.Precision, g.Relaxed.Recall, g.Relaxed.F1, g.Strict.F1, g.Value.Accuracy, g.Type.Accuracy)
	}
	fmt.Fprintf(tw, "(%d documents)\t\t\t\t\t\t\t\t\t\n", r.Docs)
	return tw.Flush()
}

// MarshalJSON writes the report as {"docs": n, "groups": [...]}.
func (r *TimexReport) MarshalJSON() ([]byte, error) {
	type plain TimexReport
	return json.Marshal((*plain)(r))
}
