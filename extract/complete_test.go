package extract

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parley-events/parley"
)

func TestPredecessors(t *testing.T) {
	succ := []succession{{code: "SSD", from: "SDN", since: time.Date(2011, 7, 9, 0, 0, 0, 0, time.UTC)}}
	day := func(y int) *parley.DateRange {
		d := time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)
		return &parley.DateRange{Start: d, End: d.AddDate(0, 0, 1)}
	}
	tests := []struct {
		name      string
		date      *parley.DateRange
		published time.Time
		want      string // actor code, recipient code, place country
	}{
		{"before independence", day(2000), time.Time{}, "SDN SDN SDN"},
		{"after independence", day(2015), time.Time{}, "SDN SSD SSD"},
		{"no event date: the publication date", nil, time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC), "SDN SDN SDN"},
		{"no date at all", nil, time.Time{}, "SDN SSD SSD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parley.Event{
				Actors:     []parley.Actor{{Code: "SDN", Sector: "REB"}},
				Recipients: []parley.Actor{{Code: "SSD", Sector: "GOV"}},
				Date:       tt.date,
				Place:      &parley.Place{Name: "Juba", Country: "SSD"},
			}
			predecessors(&e, tt.published, succ)
			got := e.Actors[0].Code + " " + e.Recipients[0].Code + " " + e.Place.Country
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestLoadSuccessionsErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"bad date", "code\tfrom\tsince\nSSD\tSDN\t9 July 2011\n", "s.tsv:2: since"},
		{"short row", "code\tfrom\tsince\nSSD\tSDN\n", "s.tsv:2: want code, from and since"},
		{"long code", "code\tfrom\tsince\nSSDX\tSDN\t2011-07-09\n", "s.tsv:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadSuccessions(fstest.MapFS{"s.tsv": {Data: []byte(tt.text)}}, "s.tsv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := loadSuccessions(fstest.MapFS{}, "none.tsv"); err == nil || !strings.Contains(err.Error(), "none.tsv") {
		t.Errorf("missing file: error %v, want it to name the file", err)
	}
}

func TestUnplaced(t *testing.T) {
	place := func(c string) *parley.Place { return &parley.Place{Name: "x", Country: c} }
	tests := []struct {
		name    string
		e       parley.Event
		dropped bool
		want    string // actors > recipients, codes and sectors
	}{
		{"attacker by place", parley.Event{Type: "ASSAULT", Actors: []parley.Actor{{Sector: "UAF"}}, Recipients: []parley.Actor{{Code: "USA", Sector: "MIL"}}, Place: place("IRQ")}, false, "IRQ UAF>USA MIL"},
		{"attacker without place", parley.Event{Type: "ASSAULT", Actors: []parley.Actor{{Sector: "UAF"}}, Recipients: []parley.Actor{{Code: "USA", Sector: "MIL"}}}, true, ""},
		{"protesters by place, against their government", parley.Event{Type: "PROTEST", Actors: []parley.Actor{{Sector: "CVL"}}, Place: place("SRB")}, false, "SRB CVL>SRB GOV"},
		{"people against one state", parley.Event{Type: "REQUEST", Actors: []parley.Actor{{Sector: "CVL"}}, Recipients: []parley.Actor{{Code: "SWE", Sector: "GOV"}}}, false, "SWE CVL>SWE GOV"},
		{"a body is no home state", parley.Event{Type: "REQUEST", Actors: []parley.Actor{{Sector: "CVL"}}, Recipients: []parley.Actor{{Code: "IGO", Sector: "IGO"}}}, true, ""},
		{"police act on their own people", parley.Event{Type: "COERCE", Actors: []parley.Actor{{Code: "EGY", Sector: "COP"}}, Recipients: []parley.Actor{{Sector: "CVL"}}, Place: place("LBY")}, false, "EGY COP>EGY CVL"},
		{"a government acts on its own people", parley.Event{Type: "ACCUSE", Actors: []parley.Actor{{Code: "FRA", Sector: "GOV"}}, Recipients: []parley.Actor{{Sector: "CVL"}}}, false, "FRA GOV>FRA CVL"},
		{"a recipient without a state is dropped", parley.Event{Type: "ACCUSE", Actors: []parley.Actor{{Code: "IGO", Sector: "IGO"}}, Recipients: []parley.Actor{{Sector: "CVL"}}}, false, "IGO IGO>"},
	}
	side := func(list []parley.Actor) string {
		var s []string
		for _, a := range list {
			s = append(s, a.Code+" "+a.Sector)
		}
		return strings.Join(s, ";")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.e
			if got := unplaced(&e); got != tt.dropped {
				t.Fatalf("dropped %v, want %v", got, tt.dropped)
			}
			if tt.dropped {
				return
			}
			if got := side(e.Actors) + ">" + side(e.Recipients); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
