package score

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/parley-events/parley"
)

// Counts are the true positives, false positives and misses of a set of
// dyads, with the measures drawn from them (0 where undefined).
type Counts struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (c *Counts) finish() {
	c.Precision, c.Recall, c.F1 = 0, 0, 0
	if c.TP+c.FP > 0 {
		c.Precision = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		c.Recall = float64(c.TP) / float64(c.TP+c.FN)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// Attr is how often an attribute of the matched pairs was right.
// Accuracy is Correct/Total, 0 when Total is 0.
type Attr struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

func (a *Attr) add(b Attr) {
	a.Correct += b.Correct
	a.Total += b.Total
}

func (a *Attr) finish() {
	a.Accuracy = 0
	if a.Total > 0 {
		a.Accuracy = float64(a.Correct) / float64(a.Total)
	}
}

// Report is the outcome of scoring predictions against a gold file.
type Report struct {
	Gold string // the gold file's name
	Counts
	// PerType counts by PLOVER category: true positives and misses by the
	// gold type, false positives by the predicted type.
	PerType map[string]Counts
	// Attributes of the matched pairs (see the package doc).
	Name, Date, PlaceCountry, PlaceName, Aux Attr
	// Docs details each gold document, in the gold's order.
	Docs []DocReport
}

// DocReport details the scoring of one document.
type DocReport struct {
	ID             string  `json:"id"`
	Matches        []Match `json:"matches,omitempty"`
	Misses         []Dyad  `json:"misses,omitempty"`          // required gold dyads no prediction matched
	FalsePositives []Dyad  `json:"false_positives,omitempty"` // predicted dyads that match nothing
	// Ignored are predicted dyads that match only optional gold: not counted.
	Ignored []Dyad `json:"ignored,omitempty"`
}

// Match is a predicted dyad matched to a gold one.
type Match struct {
	Gold      Dyad `json:"gold"`
	Predicted Dyad `json:"predicted"`
	// Swapped is set when the predicted actor stands for the gold
	// recipient (an unordered dyad matched the other way round).
	Swapped bool `json:"swapped,omitempty"`
	// Wrong names the attributes the prediction got wrong: name, date,
	// place_country, place_name, aux.
	Wrong []string `json:"wrong,omitempty"`
	attrs attrs
}

type reportJSON struct {
	Gold                 string            `json:"gold"`
	Precision            float64           `json:"precision"`
	Recall               float64           `json:"recall"`
	F1                   float64           `json:"f1"`
	TP                   int               `json:"tp"`
	FP                   int               `json:"fp"`
	FN                   int               `json:"fn"`
	PerType              map[string]Counts `json:"per_type"`
	NameAccuracy         float64           `json:"name_accuracy"`
	NameCorrect          int               `json:"name_correct"`
	NameTotal            int               `json:"name_total"`
	DateAccuracy         float64           `json:"date_accuracy"`
	DateCorrect          int               `json:"date_correct"`
	DateTotal            int               `json:"date_total"`
	PlaceCountryAccuracy float64           `json:"place_country_accuracy"`
	PlaceCountryCorrect  int               `json:"place_country_correct"`
	PlaceCountryTotal    int               `json:"place_country_total"`
	PlaceNameAccuracy    float64           `json:"place_name_accuracy"`
	PlaceNameCorrect     int               `json:"place_name_correct"`
	PlaceNameTotal       int               `json:"place_name_total"`
	AuxAccuracy          float64           `json:"aux_accuracy"`
	AuxCorrect           int               `json:"aux_correct"`
	AuxTotal             int               `json:"aux_total"`
}

// MarshalJSON writes the summary as one flat object: gold, precision,
// recall, f1, tp, fp, fn, per_type (category → counts), and for each
// attribute X of name, date, place_country, place_name and aux the keys
// X_accuracy, X_correct and X_total. Docs are left out; marshal them apart
// for the details.
func (r *Report) MarshalJSON() ([]byte, error) {
	per := r.PerType
	if per == nil {
		per = map[string]Counts{}
	}
	return json.Marshal(reportJSON{
		Gold: r.Gold, Precision: r.Precision, Recall: r.Recall, F1: r.F1,
		TP: r.TP, FP: r.FP, FN: r.FN, PerType: per,
		NameAccuracy: r.Name.Accuracy, NameCorrect: r.Name.Correct, NameTotal: r.Name.Total,
		DateAccuracy: r.Date.Accuracy, DateCorrect: r.Date.Correct, DateTotal: r.Date.Total,
		PlaceCountryAccuracy: r.PlaceCountry.Accuracy, PlaceCountryCorrect: r.PlaceCountry.Correct, PlaceCountryTotal: r.PlaceCountry.Total,
		PlaceNameAccuracy: r.PlaceName.Accuracy, PlaceNameCorrect: r.PlaceName.Correct, PlaceNameTotal: r.PlaceName.Total,
		AuxAccuracy: r.Aux.Accuracy, AuxCorrect: r.Aux.Correct, AuxTotal: r.Aux.Total,
	})
}

// WriteTable writes a table of the counts by category, the overall line and
// the attribute accuracies; verbose adds each document's misses, false
// positives and matched pairs with a wrong attribute.
func (r *Report) WriteTable(w io.Writer, verbose bool) error {
	var b strings.Builder
	types := make([]string, 0, len(r.PerType))
	for t := range r.PerType {
		types = append(types, t)
	}
	slices.Sort(types)
	fmt.Fprintf(&b, "%-13s %5s %5s %5s %6s %6s %6s\n", "category", "tp", "fp", "fn", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-13s %5d %5d %5d %6.3f %6.3f %6.3f\n", name, c.TP, c.FP, c.FN, c.Precision, c.Recall, c.F1)
	}
	for _, t := range types {
		row(t, r.PerType[t])
	}
	row("overall", r.Counts)
	fmt.Fprintf(&b, "\n%-13s %7s %5s %8s\n", "attribute", "correct", "total", "accuracy")
	for _, a := range []struct {
		name string
		a    Attr
	}{{"name", r.Name}, {"date", r.Date}, {"place country", r.PlaceCountry}, {"place name", r.PlaceName}, {"aux", r.Aux}} {
		fmt.Fprintf(&b, "%-13s %7d %5d %8.3f\n", a.name, a.a.Correct, a.a.Total, a.a.Accuracy)
	}
	if !verbose {
		_, err := io.WriteString(w, b.String())
		return err
	}
	for _, d := range r.Docs {
		if len(d.Misses) == 0 && len(d.FalsePositives) == 0 && !slices.ContainsFunc(d.Matches, func(m Match) bool { return len(m.Wrong) > 0 }) {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", d.ID)
		for _, x := range d.Misses {
			fmt.Fprintf(&b, "  miss   %s\n", x)
		}
		for _, x := range d.FalsePositives {
			fmt.Fprintf(&b, "  false  %s\n", x)
		}
		for _, m := range d.Matches {
			if len(m.Wrong) > 0 {
				fmt.Fprintf(&b, "  wrong %s: %s\n         predicted %s\n", strings.Join(m.Wrong, ","), m.Gold, m.Predicted)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String formats a dyad for people: "CONSULT RUS GOV (Sergey Lavrov) -
// SYR GOV: text", with "->" for ordered dyads.
func (d Dyad) String() string {
	arrow := "->"
	if d.Unordered {
		arrow = "--"
	}
	s := fmt.Sprintf("%s %s %s %s", d.Type, actorString(d.Actor), arrow, actorString(d.Recipient))
	if d.Text != "" {
		s += fmt.Sprintf("  %q", d.Text)
	}
	return s
}

func actorString(a parley.Actor) string {
	if a.IsZero() {
		return "(none)"
	}
	s := a.Code
	if a.Sector != "" {
		s += " " + a.Sector
	}
	if a.Org != "" {
		s += " [" + a.Org + "]"
	}
	if a.Name != "" {
		s += " (" + a.Name + ")"
	}
	return s
}
