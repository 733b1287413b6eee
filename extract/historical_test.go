package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/sentence"
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

func TestNear(t *testing.T) {
	tests := []struct {
		text, trigger, timex string
		want                 bool
	}{
		{"The US cut ties with Cuba in 1961 amid tensions.", "cut ties", "1961", true},
		{"In 1961 the US cut ties with Cuba.", "cut ties", "1961", true},
		{"Libya offered to hand over two of its nationals suspected by the West of blowing up a plane in 1988.", "offered", "1988", false},
	}
	for _, tt := range tests {
		t.Run(tt.trigger, func(t *testing.T) {
			sents := sentence.NewSplitter().Split(tt.text)
			span := func(s string) parley.Span {
				i := strings.Index(tt.text, s)
				return parley.Span{Start: i, End: i + len(s)}
			}
			if got := near(sents[0].Tokens, span(tt.trigger), span(tt.timex)); got != tt.want {
				t.Errorf("near(%q, %q) = %v, want %v", tt.trigger, tt.timex, got, tt.want)
			}
		})
	}
}
