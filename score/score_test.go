package score

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/parley-events/parley"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// act builds an actor from "CODE SECTOR"; "CODE SECTOR/Name" adds a
// person's name and "IGO/Org" an org.
func act(s string) parley.Actor {
	spec, name, _ := strings.Cut(s, "/")
	f := strings.Fields(spec)
	a := parley.Actor{Code: f[0]}
	if len(f) > 1 {
		a.Sector = f[1]
	}
	if a.Code == "IGO" || a.Code == "NGO" {
		a.Org = name
	} else {
		a.Name = name
	}
	return a
}

func acts(ss ...string) []parley.Actor {
	var out []parley.Actor
	for _, s := range ss {
		out = append(out, act(s))
	}
	return out
}

func dr(s string) *parley.DateRange {
	d, err := parley.ParseDateRange(s)
	if err != nil {
		panic(err) // test data
	}
	return &d
}

// gev and pev build gold and predicted events: type, actors, recipients.
func gev(typ string, actors, recipients []parley.Actor) GoldEvent {
	return GoldEvent{Type: typ, Actors: actors, Recipients: recipients}
}

func pev(typ string, actors, recipients []parley.Actor) parley.Event {
	return parley.Event{Type: typ, Actors: actors, Recipients: recipients}
}

func optional(e GoldEvent) GoldEvent { e.Optional = true; return e }

func alt(e GoldEvent, types ...string) GoldEvent { e.AltTypes = types; return e }

func oneDoc(events ...GoldEvent) *Gold {
	return &Gold{Name: "test", Docs: []Doc{{ID: "d", Events: events}}}
}

type tpfp struct{ TP, FP, FN, Ignored int }

func counts(r *Report) tpfp {
	c := tpfp{TP: r.TP, FP: r.FP, FN: r.FN}
	for _, d := range r.Docs {
		c.Ignored += len(d.Ignored)
	}
	return c
}

func TestScoreCounts(t *testing.T) {
	rusIrn := gev("CONSULT", acts("RUS GOV"), acts("IRN GOV"))
	syrIsr := gev("ACCUSE", acts("SYR GOV"), acts("ISR GOV"))
	tests := []struct {
		name string
		gold []GoldEvent
		pred []parley.Event
		want tpfp
	}{
		{"perfect match", []GoldEvent{rusIrn, syrIsr},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("IRN GOV")), pev("ACCUSE", acts("SYR GOV"), acts("ISR MIL"))},
			tpfp{TP: 2}},
		{"no predictions", []GoldEvent{rusIrn, syrIsr}, nil, tpfp{FN: 2}},
		{"one miss", []GoldEvent{rusIrn, syrIsr},
			[]parley.Event{pev("ACCUSE", acts("SYR GOV"), acts("ISR GOV"))},
			tpfp{TP: 1, FN: 1}},
		{"one false positive", []GoldEvent{rusIrn},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("IRN GOV")), pev("AID", acts("USA"), acts("SYR"))},
			tpfp{TP: 1, FP: 1}},
		{"wrong category", []GoldEvent{syrIsr},
			[]parley.Event{pev("THREATEN", acts("SYR GOV"), acts("ISR GOV"))},
			tpfp{FP: 1, FN: 1}},
		{"wrong country", []GoldEvent{syrIsr},
			[]parley.Event{pev("ACCUSE", acts("SYR GOV"), acts("IRN GOV"))},
			tpfp{FP: 1, FN: 1}},
		{"alt type matches", []GoldEvent{alt(gev("AGREE", acts("SYR GOV"), acts("RUS GOV")), "SUPPORT", "CONCEDE")},
			[]parley.Event{pev("SUPPORT", acts("SYR GOV"), acts("RUS GOV"))},
			tpfp{TP: 1}},
		{"type not among alt types", []GoldEvent{alt(gev("AGREE", acts("SYR GOV"), acts("RUS GOV")), "SUPPORT")},
			[]parley.Event{pev("REJECT", acts("SYR GOV"), acts("RUS GOV"))},
			tpfp{FP: 1, FN: 1}},
		{"optional gold missed is not counted", []GoldEvent{optional(syrIsr)}, nil, tpfp{}},
		{"prediction of an optional event is not counted", []GoldEvent{rusIrn, optional(syrIsr)},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("IRN GOV")), pev("ACCUSE", acts("SYR GOV"), acts("ISR GOV"))},
			tpfp{TP: 1, Ignored: 1}},
		{"repeated prediction of an optional event is not counted", []GoldEvent{optional(syrIsr)},
			[]parley.Event{pev("ACCUSE", acts("SYR GOV"), acts("ISR GOV")), pev("ACCUSE", acts("SYR"), acts("ISR"))},
			tpfp{Ignored: 2}},
		{"CONSULT as given", []GoldEvent{rusIrn},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("IRN GOV"))},
			tpfp{TP: 1}},
		{"CONSULT the other way round", []GoldEvent{rusIrn},
			[]parley.Event{pev("CONSULT", acts("IRN GOV"), acts("RUS GOV"))},
			tpfp{TP: 1}},
		{"reciprocal CONSULT predicted", []GoldEvent{rusIrn},
			[]parley.Event{pev("CONSULT", acts("IRN GOV", "RUS GOV"), nil)},
			tpfp{TP: 1}},
		{"reciprocal AGREE, prediction one way", []GoldEvent{gev("AGREE", acts("SYR GOV", "RUS GOV"), nil)},
			[]parley.Event{pev("AGREE", acts("RUS GOV"), acts("SYR GOV"))},
			tpfp{TP: 1}},
		{"reciprocal AGREE, prediction the other way", []GoldEvent{gev("AGREE", acts("SYR GOV", "RUS GOV"), nil)},
			[]parley.Event{pev("AGREE", acts("SYR GOV"), acts("RUS GOV"))},
			tpfp{TP: 1}},
		{"reciprocal AGREE of three makes three dyads", []GoldEvent{gev("AGREE", acts("SYR", "RUS", "TUR"), nil)},
			[]parley.Event{pev("AGREE", acts("TUR"), acts("SYR"))},
			tpfp{TP: 1, FN: 2}},
		{"ordered ACCUSE reversed does not match", []GoldEvent{syrIsr},
			[]parley.Event{pev("ACCUSE", acts("ISR GOV"), acts("SYR GOV"))},
			tpfp{FP: 1, FN: 1}},
		{"ordered AGREE reversed does not match", []GoldEvent{gev("AGREE", acts("SYR GOV"), acts("RUS GOV"))},
			[]parley.Event{pev("AGREE", acts("RUS GOV"), acts("SYR GOV"))},
			tpfp{FP: 1, FN: 1}},
		{"IGO org mismatch", []GoldEvent{gev("CONSULT", acts("RUS GOV"), acts("IGO/Arab League"))},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("IGO/African Union"))},
			tpfp{FP: 1, FN: 1}},
		{"IGO org missing from prediction", []GoldEvent{gev("SUPPORT", acts("RUS GOV"), acts("NGO/ICRC"))},
			[]parley.Event{pev("SUPPORT", acts("RUS GOV"), acts("NGO"))},
			tpfp{FP: 1, FN: 1}},
		{"IGO org equal but for case", []GoldEvent{gev("CONSULT", acts("RUS GOV"), acts("IGO/Arab League"))},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("IGO/arab  league"))},
			tpfp{TP: 1}},
		{"gold IGO naming no org matches any IGO", []GoldEvent{gev("REJECT", acts("RUS GOV"), acts("IGO"))},
			[]parley.Event{pev("REJECT", acts("RUS GOV"), acts("IGO/UN Security Council"))},
			tpfp{TP: 1}},
		{"gold IGO naming no org matches an NGO", []GoldEvent{gev("ACCUSE", acts("IGO"), acts("USA"))},
			[]parley.Event{pev("ACCUSE", acts("NGO/Amnesty International"), acts("USA GOV"))},
			tpfp{TP: 1}},
		{"gold IMG matches an NGO armed group", []GoldEvent{gev("THREATEN", acts("IMG"), acts("USA"))},
			[]parley.Event{pev("THREATEN", acts("NGO REB/al-Qaeda"), acts("USA GOV"))},
			tpfp{TP: 1}},
		{"an unidentified attacker matches a gold event with no actor", []GoldEvent{gev("ASSAULT", nil, acts("IRQ CVL"))},
			[]parley.Event{pev("ASSAULT", acts("IRQ UAF"), acts("IRQ CVL"))},
			tpfp{TP: 1}},
		{"an identified attacker does not match a gold event with no actor", []GoldEvent{gev("ASSAULT", nil, acts("IRQ CVL"))},
			[]parley.Event{pev("ASSAULT", acts("IRQ MIL"), acts("IRQ CVL"))},
			tpfp{FP: 1, FN: 1}},
		{"gold IGO naming no org does not match a state", []GoldEvent{gev("ACCUSE", acts("IGO"), acts("USA"))},
			[]parley.Event{pev("ACCUSE", acts("FRA GOV"), acts("USA GOV"))},
			tpfp{FP: 1, FN: 1}},
		{"one to one", []GoldEvent{syrIsr},
			[]parley.Event{pev("ACCUSE", acts("SYR GOV"), acts("ISR GOV")), pev("ACCUSE", acts("SYR GOV"), acts("ISR GOV"))},
			tpfp{TP: 1, FP: 1}},
		{"maximum matching where greedy fails",
			[]GoldEvent{alt(gev("SUPPORT", acts("RUS"), acts("SYR")), "AID"), gev("AID", acts("RUS"), acts("SYR"))},
			// The AID prediction comes first and could take the SUPPORT
			// gold; only the maximum matching gives it the AID gold.
			[]parley.Event{pev("AID", acts("RUS"), acts("SYR")), pev("SUPPORT", acts("RUS"), acts("SYR"))},
			tpfp{TP: 2}},
		{"required gold before optional",
			[]GoldEvent{alt(gev("AGREE", acts("SYR"), acts("RUS")), "SUPPORT"), optional(gev("SUPPORT", acts("SYR"), acts("RUS")))},
			// The SUPPORT prediction also matches the optional gold: it is
			// the one left over, so nothing counts as a false positive.
			[]parley.Event{pev("SUPPORT", acts("SYR"), acts("RUS")), pev("AGREE", acts("SYR"), acts("RUS"))},
			tpfp{TP: 1, Ignored: 1}},
		{"one-sided gold event", []GoldEvent{gev("RETREAT", acts("SYR MIL"), nil)},
			[]parley.Event{pev("RETREAT", acts("SYR MIL"), nil)},
			tpfp{TP: 1}},
		{"one-sided gold, two-sided prediction", []GoldEvent{gev("RETREAT", acts("SYR MIL"), nil)},
			[]parley.Event{pev("RETREAT", acts("SYR MIL"), acts("ISR"))},
			tpfp{FP: 1, FN: 1}},
		{"gold with recipient only", []GoldEvent{gev("ASSAULT", nil, acts("IRQ CVL"))},
			[]parley.Event{pev("ASSAULT", nil, acts("IRQ"))},
			tpfp{TP: 1}},
		{"two actors to one recipient make two dyads", []GoldEvent{gev("CONSULT", acts("SYR GOV", "SYR MIL"), acts("RUS GOV"))},
			[]parley.Event{pev("CONSULT", acts("SYR GOV"), acts("RUS GOV"))},
			tpfp{TP: 1, FN: 1}},
		{"prediction with two recipients", []GoldEvent{gev("CONSULT", acts("RUS GOV"), acts("SYR GOV"))},
			[]parley.Event{pev("CONSULT", acts("RUS GOV"), acts("SYR GOV", "IRN GOV"))},
			tpfp{TP: 1, FP: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(oneDoc(tt.gold...), map[string][]parley.Event{"d": tt.pred}, Options{})
			if got := counts(r); got != tt.want {
				t.Errorf("got %+v, want %+v\n%s", got, tt.want, table(t, r))
			}
		})
	}
}

func table(t *testing.T, r *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteTable(&b, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestScoreDocuments(t *testing.T) {
	g := &Gold{Name: "two", Docs: []Doc{
		{ID: "a", Events: []GoldEvent{gev("ACCUSE", acts("SYR"), acts("ISR"))}},
		{ID: "b", Events: []GoldEvent{gev("CONSULT", acts("RUS"), acts("IRN"))}},
	}}
	pred := map[string][]parley.Event{
		// Right event, wrong document: a false positive in a, a miss in b.
		"a": {pev("CONSULT", acts("RUS"), acts("IRN")), pev("ACCUSE", acts("SYR"), acts("ISR"))},
		// Not a gold document: not scored.
		"z": {pev("ASSAULT", acts("ISR"), acts("SYR"))},
	}
	r := Score(g, pred, Options{})
	if got, want := counts(r), (tpfp{TP: 1, FP: 1, FN: 1}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	want := map[string]Counts{
		"ACCUSE":  {TP: 1, Precision: 1, Recall: 1, F1: 1},
		"CONSULT": {FP: 1, FN: 1},
	}
	if diff := cmp.Diff(want, r.PerType); diff != "" {
		t.Errorf("PerType (-want +got):\n%s", diff)
	}
	if got := len(r.Docs); got != 2 {
		t.Errorf("got %d doc reports, want 2", got)
	}
}

func TestPerTypeUsesGoldTypeForMatches(t *testing.T) {
	g := oneDoc(alt(gev("AGREE", acts("SYR"), acts("RUS")), "SUPPORT"), gev("AID", acts("USA"), acts("SYR")))
	r := Score(g, map[string][]parley.Event{"d": {
		pev("SUPPORT", acts("SYR"), acts("RUS")),
		pev("SUPPORT", acts("USA"), acts("SYR")),
	}}, Options{})
	got := map[string][3]int{}
	for k, c := range r.PerType {
		got[k] = [3]int{c.TP, c.FP, c.FN}
	}
	want := map[string][3]int{"AGREE": {1, 0, 0}, "SUPPORT": {0, 1, 0}, "AID": {0, 0, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("per type [tp fp fn] (-want +got):\n%s", diff)
	}
}

func TestCountsFinish(t *testing.T) {
	tests := []struct {
		in   Counts
		want Counts
	}{
		{Counts{}, Counts{}},
		{Counts{TP: 3, FP: 1, FN: 2}, Counts{TP: 3, FP: 1, FN: 2, Precision: 0.75, Recall: 0.6, F1: 2 * 0.75 * 0.6 / 1.35}},
		{Counts{FP: 2}, Counts{FP: 2}},
		{Counts{FN: 2}, Counts{FN: 2}},
		{Counts{TP: 1}, Counts{TP: 1, Precision: 1, Recall: 1, F1: 1}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d/%d", tt.in.TP, tt.in.FP, tt.in.FN), func(t *testing.T) {
			got := tt.in
			got.finish()
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreAttributes(t *testing.T) {
	withAttrs := func(e GoldEvent, date string, place *GoldPlace, aux string) GoldEvent {
		if date != "" {
			e.Date = dr(date)
		}
		e.Place, e.Aux = place, aux
		return e
	}
	predAttrs := func(e parley.Event, date string, place *parley.Place, aux string) parley.Event {
		if date != "" {
			e.Date = dr(date)
		}
		e.Place, e.Aux = place, aux
		return e
	}
	moscow := &GoldPlace{Name: "Moscow", Country: "RUS"}
	sharaaPutin := gev("CONSULT", acts("SYR GOV/Ahmed al-Sharaa"), acts("RUS GOV/Vladimir Putin"))
	// ahmad is a SamePerson standing in for the knowledge base.
	ahmad := func(a, b string) bool {
		f := func(s string) string { return foldPerson(strings.ReplaceAll(strings.ToLower(s), "ahmad", "ahmed")) }
		return f(a) == f(b)
	}
	type want struct{ Name, Date, PlaceCountry, PlaceName, Aux [2]int }
	tests := []struct {
		name string
		gold GoldEvent
		pred parley.Event
		opt  Options
		want want // [correct, total]
	}{
		{"names folded by default",
			sharaaPutin, pev("CONSULT", acts("SYR GOV/Ahmed Al Sharaa"), acts("RUS GOV/vladimir putin")), Options{},
			want{Name: [2]int{2, 2}, Aux: [2]int{1, 1}}},
		{"spelling variant is another name by default",
			sharaaPutin, pev("CONSULT", acts("SYR GOV/Ahmad Al-Sharaa"), acts("RUS GOV/Vladimir Putin")), Options{},
			want{Name: [2]int{1, 2}, Aux: [2]int{1, 1}}},
		{"spelling variant, SamePerson",
			sharaaPutin, pev("CONSULT", acts("SYR GOV/Ahmad Al-Sharaa"), acts("RUS GOV/Vladimir Putin")), Options{SamePerson: ahmad},
			want{Name: [2]int{2, 2}, Aux: [2]int{1, 1}}},
		{"names compared across a swapped CONSULT",
			sharaaPutin, pev("CONSULT", acts("RUS GOV/Vladimir Putin"), acts("SYR GOV/Ahmad al-Sharaa")), Options{SamePerson: ahmad},
			want{Name: [2]int{2, 2}, Aux: [2]int{1, 1}}},
		{"unnamed prediction",
			sharaaPutin, pev("CONSULT", acts("SYR GOV"), acts("RUS GOV")), Options{},
			want{Name: [2]int{0, 2}, Aux: [2]int{1, 1}}},
		{"day inside the gold interval",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "2025-10-13/2025-10-19", nil, ""),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "2025-10-15", nil, ""), Options{},
			want{Date: [2]int{1, 1}, Aux: [2]int{1, 1}}},
		{"interval inside the gold month",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "2024-12", nil, ""),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "2024-12-01/2024-12-08", nil, ""), Options{},
			want{Date: [2]int{1, 1}, Aux: [2]int{1, 1}}},
		{"interval reaching outside the gold one",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "2025-10-13/2025-10-19", nil, ""),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "2025-10-12/2025-10-15", nil, ""), Options{},
			want{Date: [2]int{0, 1}, Aux: [2]int{1, 1}}},
		{"no predicted date",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "2025-07-31", nil, ""),
			pev("AGREE", acts("SYR"), acts("RUS")), Options{},
			want{Date: [2]int{0, 1}, Aux: [2]int{1, 1}}},
		{"no gold date is not scored",
			gev("AGREE", acts("SYR"), acts("RUS")),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "2025-07-31", nil, ""), Options{},
			want{Aux: [2]int{1, 1}}},
		{"place right",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "", moscow, ""),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "", &parley.Place{Name: "moscow", Country: "RUS"}, ""), Options{},
			want{PlaceCountry: [2]int{1, 1}, PlaceName: [2]int{1, 1}, Aux: [2]int{1, 1}}},
		{"place name wrong",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "", moscow, ""),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "", &parley.Place{Name: "Sochi", Country: "RUS"}, ""), Options{},
			want{PlaceCountry: [2]int{1, 1}, PlaceName: [2]int{0, 1}, Aux: [2]int{1, 1}}},
		{"place name folded",
			withAttrs(gev("ASSAULT", acts("ISR"), acts("SYR")), "", &GoldPlace{Name: "Suwayda", Country: "SYR"}, ""),
			predAttrs(pev("ASSAULT", acts("ISR"), acts("SYR")), "", &parley.Place{Name: "SUWAYDÁ", Country: "SYR"}, ""), Options{},
			want{PlaceCountry: [2]int{1, 1}, PlaceName: [2]int{1, 1}, Aux: [2]int{1, 1}}},
		{"no predicted place",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "", moscow, ""),
			pev("AGREE", acts("SYR"), acts("RUS")), Options{},
			want{PlaceCountry: [2]int{0, 1}, PlaceName: [2]int{0, 1}, Aux: [2]int{1, 1}}},
		{"gold place with country only",
			withAttrs(gev("AGREE", acts("SYR"), acts("RUS")), "", &GoldPlace{Country: "IRN"}, ""),
			predAttrs(pev("AGREE", acts("SYR"), acts("RUS")), "", &parley.Place{Name: "Tehran", Country: "IRN"}, ""), Options{},
			want{PlaceCountry: [2]int{1, 1}, Aux: [2]int{1, 1}}},
		{"aux missed",
			withAttrs(gev("ASSAULT", acts("RUS MIL"), acts("SYR CVL")), "", nil, "historical"),
			pev("ASSAULT", acts("RUS MIL"), acts("SYR CVL")), Options{},
			want{Aux: [2]int{0, 1}}},
		{"aux right",
			withAttrs(gev("ASSAULT", acts("RUS MIL"), acts("SYR CVL")), "", nil, "historical"),
			predAttrs(pev("ASSAULT", acts("RUS MIL"), acts("SYR CVL")), "", nil, "historical"), Options{},
			want{Aux: [2]int{1, 1}}},
		{"aux where gold has none",
			gev("ASSAULT", acts("RUS MIL"), acts("SYR CVL")),
			predAttrs(pev("ASSAULT", acts("RUS MIL"), acts("SYR CVL")), "", nil, "future"), Options{},
			want{Aux: [2]int{0, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(oneDoc(tt.gold), map[string][]parley.Event{"d": {tt.pred}}, tt.opt)
			if r.TP != 1 {
				t.Fatalf("got %d true positives, want 1\n%s", r.TP, table(t, r))
			}
			ca := func(a Attr) [2]int { return [2]int{a.Correct, a.Total} }
			got := want{ca(r.Name), ca(r.Date), ca(r.PlaceCountry), ca(r.PlaceName), ca(r.Aux)}
			if got != tt.want {
				t.Errorf("[correct total]: got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// With two gold meetings of one dyad, the matching pairs each prediction
// with the meeting whose names and date it gets right, whatever the order.
func TestMatchingPrefersRightAttributes(t *testing.T) {
	g1 := GoldEvent{Type: "CONSULT", Actors: acts("RUS GOV/Alexander Lavrentiev"), Recipients: acts("IRN GOV/Ali Larijani"), Date: dr("2025-10-21")}
	g2 := GoldEvent{Type: "CONSULT", Actors: acts("RUS GOV/Alexander Lavrentiev"), Recipients: acts("IRN GOV/Abbas Araghchi"), Date: dr("2025-10-20")}
	p1 := pev("CONSULT", acts("RUS GOV/Alexander Lavrentiev"), acts("IRN GOV/Abbas Araghchi"))
	p1.Date = dr("2025-10-20")
	p2 := pev("CONSULT", acts("IRN GOV/Ali Larijani"), acts("RUS GOV/Alexander Lavrentiev"))
	p2.Date = dr("2025-10-21")
	for _, tt := range []struct {
		name string
		gold []GoldEvent
		pred []parley.Event
	}{
		{"in order", []GoldEvent{g1, g2}, []parley.Event{p2, p1}},
		{"gold reversed", []GoldEvent{g2, g1}, []parley.Event{p2, p1}},
		{"predictions reversed", []GoldEvent{g1, g2}, []parley.Event{p1, p2}},
		{"both reversed", []GoldEvent{g2, g1}, []parley.Event{p1, p2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(oneDoc(tt.gold...), map[string][]parley.Event{"d": tt.pred}, Options{})
			if r.TP != 2 || r.Name.Correct != 4 || r.Date.Correct != 2 {
				t.Errorf("got tp %d, names %d/%d, dates %d/%d; want tp 2, names 4/4, dates 2/2\n%s",
					r.TP, r.Name.Correct, r.Name.Total, r.Date.Correct, r.Date.Total, table(t, r))
			}
		})
	}
}

func TestFoldPerson(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Ahmed al-Sharaa", "Ahmed Al-Sharaa", true},
		{"Ahmed al-Sharaa", "ahmed al sharaa", true},
		{"Ahmed al-Sharaa", "Ahmed Sharaa", true},
		{"Ahmed al-Sharaa", "Ahmad al-Sharaa", false},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", true},
		{"Sergey Lavrov", "Sergei Lavrov", false},
		{"Abbas Araghchi", "Abbas  Araghchi", true},
		{"Al", "al", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := (Options{}).samePerson(tt.a, tt.b); got != tt.same {
				t.Errorf("samePerson(%q, %q) = %v, want %v (folded %q, %q)", tt.a, tt.b, got, tt.same, foldPerson(tt.a), foldPerson(tt.b))
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	r := Score(oneDoc(gev("ACCUSE", acts("SYR"), acts("ISR"))), map[string][]parley.Event{"d": {pev("ACCUSE", acts("SYR"), acts("ISR"))}}, Options{})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{
		"precision", "recall", "f1", "tp", "fp", "fn", "per_type",
		"name_accuracy", "date_accuracy", "place_country_accuracy", "place_name_accuracy", "aux_accuracy",
		"name_total", "date_total", "place_country_total", "place_name_total", "aux_total",
	} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON has no key %q: %s", k, b)
		}
	}
	if got["f1"] != 1.0 || got["aux_total"] != 1.0 {
		t.Errorf("f1 %v, aux_total %v; want 1, 1: %s", got["f1"], got["aux_total"], b)
	}
}

// TestReportGolden checks the table, verbose listing and JSON of a small
// scored document against testdata/report.golden (go test -update rewrites
// it).
func TestReportGolden(t *testing.T) {
	g := oneDoc(
		GoldEvent{Evidence: "Lavrov met al-Shibani", Type: "CONSULT", Actors: acts("RUS GOV/Sergey Lavrov"), Recipients: acts("SYR GOV/Asaad al-Shibani"), Date: dr("2025-07-31"), Place: &GoldPlace{Name: "Moscow", Country: "RUS"}},
		GoldEvent{Evidence: "Syria condemned Israel", Type: "ACCUSE", Actors: acts("SYR GOV"), Recipients: acts("ISR GOV")},
		GoldEvent{Evidence: "troops withdrew", Type: "RETREAT", Actors: acts("SYR MIL"), Optional: true},
	)
	p := []parley.Event{
		{Type: "CONSULT", Actors: acts("SYR GOV/Asaad al-Shibani"), Recipients: acts("RUS GOV/Sergei Lavrov"), Date: dr("2025-07-30"), Place: &parley.Place{Name: "Moscow", Country: "RUS"}, SentenceText: "Al-Shibani met Lavrov."},
		{Type: "ACCUSE", Actors: acts("ISR GOV"), Recipients: acts("SYR GOV"), SentenceText: "Syria condemned Israel."},
		{Type: "RETREAT", Actors: acts("SYR MIL"), SentenceText: "Troops withdrew."},
	}
	r := Score(g, map[string][]parley.Event{"d": p}, Options{})
	var b bytes.Buffer
	if err := r.WriteTable(&b, true); err != nil {
		t.Fatal(err)
	}
	j, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
	b.Write(j)
	b.WriteString("\n")
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("report differs from %s (-want +got):\n%s", golden, diff)
	}
}
