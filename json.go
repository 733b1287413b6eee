package parley

import (
	"encoding/json"
	"fmt"
)

// eventJSON is the wire form of an Event: the JSON Lines contract that
// `parley events --format jsonl` writes and other tools read.
type eventJSON struct {
	ID         string   `json:"id"`
	Doc        string   `json:"doc"`
	Article    string   `json:"article"`
	Type       string   `json:"type"`
	Mode       string   `json:"mode"`
	Aux        string   `json:"aux"`
	Context    []string `json:"context"`
	Actors     []Actor  `json:"actor"`
	Recipients []Actor  `json:"recipient"`
	ClaimedBy  []Actor  `json:"claimed_by,omitempty"`
	Date       *string  `json:"date"`
	DateSource string   `json:"date_source,omitempty"`
	Place      *Place   `json:"place"`
	CAMEO      string   `json:"cameo"`
	Goldstein  float64  `json:"goldstein"`
	Score      float64  `json:"plover_score"`
	Sentence   string   `json:"sentence"`
	Span       [2]int   `json:"span"`
	Trigger    [2]int   `json:"trigger"`
	Mentions   int      `json:"mentions"`
}

// MarshalJSON writes the event in parley's JSON Lines schema (see README):
// the date as "YYYY-MM-DD", "START/END" or null, spans as [start, end].
func (e Event) MarshalJSON() ([]byte, error) {
	w := eventJSON{
		ID: e.ID, Doc: e.Doc, Article: e.Article, Type: e.Type, Mode: e.Mode, Aux: e.Aux,
		Context: nonNil(e.Context), Actors: nonNilActors(e.Actors), Recipients: nonNilActors(e.Recipients),
		ClaimedBy: e.ClaimedBy, DateSource: e.DateSource, Place: e.Place,
		CAMEO: e.CAMEO, Goldstein: e.Goldstein, Score: e.PLOVERScore,
		Sentence: e.SentenceText, Span: [2]int{e.Sentence.Start, e.Sentence.End},
		Trigger: [2]int{e.Trigger.Start, e.Trigger.End}, Mentions: e.Mentions,
	}
	if e.Date != nil {
		s := e.Date.String()
		w.Date = &s
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w eventJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Event{
		ID: w.ID, Doc: w.Doc, Article: w.Article, Type: w.Type, Mode: w.Mode, Aux: w.Aux,
		Context: w.Context, Actors: w.Actors, Recipients: w.Recipients, ClaimedBy: w.ClaimedBy,
		DateSource: w.DateSource, Place: w.Place, CAMEO: w.CAMEO, Goldstein: w.Goldstein,
		PLOVERScore: w.Score, SentenceText: w.Sentence,
		Sentence: Span{w.Span[0], w.Span[1]}, Trigger: Span{w.Trigger[0], w.Trigger[1]},
		Mentions: w.Mentions,
	}
	if w.Date != nil {
		d, err := ParseDateRange(*w.Date)
		if err != nil {
			return fmt.Errorf("event %s: %w", w.ID, err)
		}
		e.Date = &d
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilActors(s []Actor) []Actor {
	if s == nil {
		return []Actor{}
	}
	return s
}
