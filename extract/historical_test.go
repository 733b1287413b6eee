package extract

import (
	"testing"
	"time"

	"github.com/parley-events/parley"
)

func TestHistorical(t *testing.T) {
	pub := time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) *parley.DateRange {
		r := parley.Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
		return &r
	}
	tests := []struct {
		name   string
		date   *parley.DateRange
		source string
		aux    string
		want   string
	}{
		{"a year given in the sentence, long before", day(1961, 1, 3), parley.DateFromText, "", parley.AuxHistorical},
		{"within the year before publication", day(2016, 12, 20), parley.DateFromText, "", ""},
		{"dated by the narrative only", day(1961, 1, 3), parley.DateFromNarrative, "", ""},
		{"another mode stands", day(1961, 1, 3), parley.DateFromText, parley.AuxNegation, parley.AuxNegation},
		{"no date", nil, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parley.Event{Date: tt.date, DateSource: tt.source, Aux: tt.aux}
			historical(&e, pub)
			if e.Aux != tt.want {
				t.Errorf("aux = %q, want %q", e.Aux, tt.want)
			}
		})
	}
}
