package date

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/sentence"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

const story = "DAMASCUS, Aug 1 (Reuters) - Syrian Foreign Minister Asaad al-Shaibani arrived in Moscow on Thursday, July 31. " +
	"Lavrov hosted him at the ministry. " +
	"Later, the two ministers signed a memorandum. " +
	"A day after the talks, Russian jets struck Idlib. " +
	"Less than a week before the visit, the council met; the shelling went on over the past two weeks. " +
	"The ministers will meet again next Friday."

func TestEventDate(t *testing.T) {
	r := mustResolver(t)
	sents := sentence.NewSplitter().Split(story)
	pub := day("2025-08-01")
	txs := r.Resolve(story, sents, pub)
	trigger := func(word string) (int, parley.Span) {
		at := strings.Index(story, word)
		for k, s := range sents {
			if s.Span.Contains(parley.Span{Start: at, End: at + len(word)}) {
				return k, parley.Span{Start: at, End: at + len(word)}
			}
		}
		t.Fatalf("%q not in any sentence", word)
		return 0, parley.Span{}
	}
	tests := []struct {
		trigger    string
		want       string
		wantSource string
	}{
		{"arrived", "2025-07-31", parley.DateFromText},
		{"hosted", "2025-07-31", parley.DateFromNarrative},
		{"signed", "2025-07-31", parley.DateFromText},          // "Later"
		{"struck", "2025-08-01", parley.DateFromText},          // "A day after"
		{"met", "2025-07-26/2025-07-31", parley.DateFromText},  // before the day after
		{"went", "2025-07-18/2025-08-01", parley.DateFromText}, // the past two weeks
		{"meet again", "2025-08-08", parley.DateFromText},
	}
	for _, tt := range tests {
		t.Run(tt.trigger, func(t *testing.T) {
			k, sp := trigger(tt.trigger)
			got, src := r.EventDate(txs, sents, k, sp, pub)
			if got == nil {
				t.Fatalf("EventDate(%q) = nil, want %s", tt.trigger, tt.want)
			}
			if got.String() != tt.want || src != tt.wantSource {
				t.Errorf("EventDate(%q) = %s (%s), want %s (%s)", tt.trigger, got, src, tt.want, tt.wantSource)
			}
		})
	}
	t.Run("published", func(t *testing.T) {
		text := "Lavrov hosted him at the ministry."
		s := sentence.NewSplitter().Split(text)
		got, src := r.EventDate(r.Resolve(text, s, pub), s, 0, parley.Span{Start: 7, End: 13}, pub)
		if got == nil || got.String() != "2025-08-01" || src != parley.DateFromPublished {
			t.Errorf("EventDate = %v (%s), want 2025-08-01 (published)", got, src)
		}
		got, src = r.EventDate(r.Resolve(text, s, time.Time{}), s, 0, parley.Span{Start: 7, End: 13}, time.Time{})
		if got != nil || src != "" {
			t.Errorf("EventDate without a date = %v (%q), want nil", got, src)
		}
	})
	t.Run("background year is no narrative", func(t *testing.T) {
		text := "The war began in 2011. Lavrov hosted him at the ministry."
		s := sentence.NewSplitter().Split(text)
		at := strings.Index(text, "hosted")
		got, src := r.EventDate(r.Resolve(text, s, pub), s, 1, parley.Span{Start: at, End: at + 6}, pub)
		if got == nil || got.String() != "2025-08-01" || src != parley.DateFromPublished {
			t.Errorf("EventDate = %v (%s), want 2025-08-01 (published)", got, src)
		}
	})
}

func TestAnchored(t *testing.T) {
	r := mustResolver(t)
	pub := day("2025-08-01")
	tests := []struct{ text, expr, want string }{
		{"The summit opened on July 20. A day after the summit, jets struck Idlib.", "A day after", "2025-07-21"},
		{"The summit opened on July 20. Two days later, jets struck Idlib.", "Two days later", "2025-07-22"},
		{"The summit opened on July 20. Less than a week after the summit, talks collapsed.", "Less than a week after", "2025-07-21/2025-07-26"},
		{"A day after the summit, jets struck Idlib.", "A day after", ""},
		{"Talks opened on July 20. The next day, the envoy left.", "The next day", "2025-07-21"},
		{"Talks opened on July 20 in Doha. Later that day, the envoy left.", "Later that day", "2025-07-20"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			var got []string
			for _, x := range r.Resolve(tt.text, sentence.NewSplitter().Split(tt.text), pub) {
				if x.Span.In(tt.text) == tt.expr {
					if x.Value != tt.want {
						t.Errorf("%q: %q = %q, want %q", tt.text, tt.expr, x.Value, tt.want)
					}
					return
				}
				got = append(got, x.Span.In(tt.text))
			}
			t.Errorf("%q: %q not found; got %q", tt.text, tt.expr, got)
		})
	}
}

func TestInferPublished(t *testing.T) {
	r := mustResolver(t)
	tests := []struct {
		name, text string
		want       string // "" for none
	}{
		{"dateline with agency", "MOSCOW, Aug 1 (Reuters) - Russia and Syria signed a deal in 2025.", "2025-08-01"},
		{"dateline with dash", "DAMASCUS, July 31 — Syrian troops entered the city on Thursday. The 2025 budget was passed.", "2025-07-31"},
		{"dateline with year", "GENEVA, March 3, 2024 (AP) - Talks opened.", "2024-03-03"},
		{"dateline without year", "MOSCOW, Aug 1 (Reuters) - Talks opened.", "2025-08-01"},
		{"weekday fixes the year", "Lavrov met Shaibani on Thursday, July 31, in Moscow, as planned since 2024.", "2025-07-31"},
		{"nothing", "Lavrov met Shaibani in Moscow.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := r.InferPublished(tt.text, day("2026-03-01"))
			s := ""
			if ok {
				s = got.Format(time.DateOnly)
			}
			if diff := cmp.Diff(tt.want, s); diff != "" {
				t.Errorf("InferPublished(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// narrativeStory is news phrasing for EventDateFor: a past meeting, a
// "came two days after" flashback, reported speech with its own "past
// week", a scheduled summit and a future meeting.
const narrativeStory = "Ukrainian and Polish ministers met in Kyiv on Wednesday, March 5. " +
	"The meeting came two days after Polish officials visited Lviv. " +
	"At a news conference, the minister said \"drone attacks over the past week\" had hit the grid. " +
	"He invited Poland to a summit scheduled for April 20. " +
	"The two ministers signed a memorandum. " +
	"The envoys will meet again next Friday."

func TestEventDateFor(t *testing.T) {
	r := mustResolver(t)
	sents := sentence.NewSplitter().Split(narrativeStory)
	pub := day("2025-03-06")
	txs := r.Resolve(narrativeStory, sents, pub)
	tests := []struct {
		trigger    string
		aux        string
		want       string
		wantSource string
	}{
		{"met", "", "2025-03-05", parley.DateFromText},
		{"meeting", "", "2025-03-05", parley.DateFromText},                  // the subject of "came two days after"
		{"visited", "", "2025-03-03", parley.DateFromText},                  // two days before the meeting
		{"said", "", "2025-03-05", parley.DateFromNarrative},                // not the quotation's "past week", not the flashback
		{"attacks", "", "2025-02-26/2025-03-05", parley.DateFromText},       // the past week of when it was said
		{"invited", "", "2025-03-05", parley.DateFromNarrative},             // not the scheduled April 20
		{"signed", "", "2025-03-05", parley.DateFromNarrative},              // a future date sets no narrative
		{"meet again", parley.AuxFuture, "2025-03-07", parley.DateFromText}, // "will meet next Friday"
	}
	for _, tt := range tests {
		t.Run(tt.trigger, func(t *testing.T) {
			at := strings.Index(narrativeStory, tt.trigger)
			sp := parley.Span{Start: at, End: at + len(tt.trigger)}
			k := -1
			for i, s := range sents {
				if s.Span.Contains(sp) {
					k = i
				}
			}
			if at < 0 || k < 0 {
				t.Fatalf("%q not in any sentence", tt.trigger)
			}
			e := &parley.Event{Trigger: sp, Aux: tt.aux}
			got, src := r.EventDateFor(txs, sents, k, e, pub)
			if got == nil || got.String() != tt.want || src != tt.wantSource {
				t.Errorf("EventDateFor(%q) = %v (%s), want %s (%s)", tt.trigger, got, src, tt.want, tt.wantSource)
			}
		})
	}
}
