package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// Batch is an article with what was found in it, as Store.Put takes
// them.
type Batch struct {
	Article  parley.Article
	Events   []parley.Event
	Mentions []parley.Mention
	Learned  []parley.Learned
}

// Document returns the batch as a Store takes it, pointing at the batch's
// article and slices.
func (b *Batch) Document() *parley.Document {
	return &parley.Document{Article: &b.Article, Events: b.Events, Mentions: b.Mentions, Learned: b.Learned}
}

// learnedName is the person of the pool that synthetic articles present as
// learned from their text (the others stand for knowledge-base people).
const learnedName = "José Ramos-Horta"

// The pools synthetic events draw their participants from. Claimants never
// act, so that a filter on one of them must find nothing.
var (
	states = []parley.Actor{
		{Code: "RUS", Sector: "GOV"}, {Code: "USA", Sector: "GOV"}, {Code: "UKR", Sector: "MIL"},
		{Code: "SYR", Sector: "GOV"}, {Code: "IRN", Sector: "GOV"}, {Code: "TUR", Sector: "MIL"},
		{Code: "FRA", Sector: "GOV"}, {Code: "CHN", Sector: "GOV"}, {Code: "ISR", Sector: "MIL"},
		{Code: "EGY", Sector: "GOV"}, {Code: "QAT", Sector: "GOV"}, {Code: "TLS", Sector: "GOV"},
	}
	people = []parley.Actor{
		{Code: "RUS", Sector: "GOV", Name: "Sergey Lavrov", Title: "Foreign Minister"},
		{Code: "USA", Sector: "GOV", Name: "Antony Blinken", Title: "Secretary of State"},
		{Code: "TUR", Sector: "GOV", Name: "Hakan Fidan", Title: "Foreign Minister"},
		{Code: "TLS", Sector: "GOV", Name: "José Ramos-Horta", Title: "President"},
	}
	orgs = []parley.Actor{
		{Code: "NGO", Sector: "NGO", Org: "ICRC"},
		{Code: "IGO", Sector: "IGO", Org: "United Nations"},
		{Code: "IGO", Sector: "IGO", Org: "NATO"},
	}
	claimants = []parley.Actor{
		{Code: "RUS", Sector: "GOV", Name: "Maria Zakharova", Title: "Spokeswoman"},
		{Code: "USA", Sector: "GOV", Name: "Matthew Miller", Title: "Spokesman"},
	}
	types    = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	contexts = []string{"diplomacy", "economic", "military", "humanitarian", "territory"}
	places   = []parley.Place{
		{Name: "Geneva", Country: "CHE", Lat: 46.2044, Lon: 6.1432},
		{Name: "Moscow", Country: "RUS", Lat: 55.7558, Lon: 37.6173},
		{Name: "Dili", Country: "TLS", Lat: -8.5569, Lon: 125.5603},
		{}, // a place that is known to be given but not resolved
	}
	verbs = []string{"met", "accused", "agreed with", "warned", "supported", "sanctioned", "consulted", "attacked"}
)

// Generate returns n synthetic articles with perArticle events each. The
// same arguments give the same batches. Texts are about 1 KB and distinct;
// events refer to sentences of their article, have IDs that do not follow
// their order, and vary every field: some are undated, some last several
// days, some have no recipients, a claimant, a place that is the zero
// Place, or no context. Each actor and recipient named in a sentence is a
// mention (a person, a body without its "the", or "CODE officials" as a
// group); the first sentence naming José Ramos-Horta gives him as a
// learned person, valid from the publication day.
func Generate(n, perArticle int) []Batch {
	r := rand.New(rand.NewPCG(uint64(n), uint64(perArticle)))
	base := time.Date(2023, time.January, 1, 0, 0, 0, 0, time.UTC)
	out := make([]Batch, 0, n)
	for i := range n {
		published := base.AddDate(0, 0, r.IntN(730))
		var text strings.Builder
		fmt.Fprintf(&text, "Synthetic report %d.\n\n", i)
		var events []parley.Event
		var mentions []parley.Mention
		var learned []parley.Learned
		for j := range perArticle {
			e := randomEvent(r, published)
			who, whom := name(e.Actors), name(e.Recipients)
			if whom == "" {
				whom = "reporters"
			}
			verb := verbs[r.IntN(len(verbs))]
			start := text.Len()
			fmt.Fprintf(&text, "%s %s %s on day %d of item %d. ", who, verb, whom, j, i)
			e.Sentence = parley.Span{Start: start, End: text.Len() - 1}
			e.Trigger = parley.Span{Start: start + len(who) + 1, End: start + len(who) + 1 + len(verb)}
			events = append(events, e)
			mentions = nameMentions(mentions, e.Actors, start)
			mentions = nameMentions(mentions, e.Recipients, e.Trigger.End+1)
			if len(learned) == 0 && slices.ContainsFunc(slices.Concat(e.Actors, e.Recipients), func(a parley.Actor) bool { return a.Name == learnedName }) {
				p := people[slices.IndexFunc(people, func(a parley.Actor) bool { return a.Name == learnedName })]
				learned = append(learned, parley.Learned{Name: p.Name, Evidence: e.Sentence,
					Role: parley.Role{Code: p.Code, Sector: p.Sector, Title: p.Title, ValidFrom: day(published)}})
			}
		}
		for text.Len() < 1000 {
			text.WriteString("Officials on all sides declined to comment further on the talks. ")
		}
		a := parley.Article{
			Doc:       fmt.Sprintf("doc-%04d", i),
			URL:       fmt.Sprintf("https://news.example/%d", i),
			Title:     fmt.Sprintf("Report %d", i),
			Source:    []string{"Wire", "Daily", ""}[i%3],
			Published: published.Add(time.Duration(r.IntN(86400)) * time.Second),
			Text:      text.String(),
			Origin:    fmt.Sprintf("synthetic.jsonl:%d", i+1),
		}
		if i%4 == 0 {
			a.Published = time.Time{}
		}
		if i%2 == 0 {
			a.Meta = map[string]string{"section": "world", "n": fmt.Sprint(i)}
		}
		a.Key = parley.Key(a.Text)
		for j := range events {
			e := &events[j]
			e.Article, e.Doc = a.Key, a.Doc
			e.SentenceText = e.Sentence.In(a.Text)
			sum := sha256.Sum256(fmt.Appendf(nil, "%s/%d", a.Key, j))
			e.ID = hex.EncodeToString(sum[:8])
		}
		if a.Published.IsZero() {
			for j := range learned {
				learned[j].Role.ValidFrom = time.Time{}
			}
		}
		out = append(out, Batch{Article: a, Events: events, Mentions: mentions, Learned: learned})
	}
	return out
}

func randomEvent(r *rand.Rand, published time.Time) parley.Event {
	e := parley.Event{
		Type:        types[r.IntN(len(types))],
		Actors:      []parley.Actor{participant(r)},
		Goldstein:   float64(r.IntN(21)-10) / 2,
		PLOVERScore: float64(r.IntN(100)) / 100,
		CAMEO:       fmt.Sprintf("%03d", 10+r.IntN(190)),
		Mentions:    1 + r.IntN(4),
	}
	if r.IntN(5) == 0 {
		e.Actors = append(e.Actors, participant(r))
	}
	switch r.IntN(6) {
	case 0: // no recipient
	case 1:
		e.Recipients = []parley.Actor{participant(r), participant(r)}
	default:
		e.Recipients = []parley.Actor{participant(r)}
	}
	if r.IntN(5) == 0 {
		e.ClaimedBy = []parley.Actor{claimants[r.IntN(len(claimants))]}
	}
	switch d := r.IntN(10); {
	case d == 0: // undated
	case d <= 2:
		s := published.AddDate(0, 0, -r.IntN(40))
		dr := parley.DateRange{Start: s, End: s.AddDate(0, 0, 1+r.IntN(30))}
		e.Date, e.DateSource = &dr, parley.DateFromText
	default:
		dr := parley.Day(published.AddDate(0, 0, -r.IntN(3)))
		e.Date, e.DateSource = &dr, parley.DateFromPublished
	}
	if k := r.IntN(len(places) + 2); k < len(places) {
		p := places[k]
		e.Place = &p
	}
	if r.IntN(3) > 0 {
		e.Context = []string{contexts[r.IntN(len(contexts))]}
		if r.IntN(3) == 0 {
			e.Context = append(e.Context, contexts[r.IntN(len(contexts))])
		}
	}
	switch r.IntN(8) {
	case 0:
		e.Aux = parley.AuxFuture
	case 1:
		e.Aux = parley.AuxNegation
	}
	if r.IntN(4) == 0 {
		e.Mode = "verbal"
	}
	return e
}

func participant(r *rand.Rand) parley.Actor {
	switch k := r.IntN(10); {
	case k < 2:
		return people[r.IntN(len(people))]
	case k < 4:
		return orgs[r.IntN(len(orgs))]
	}
	return states[r.IntN(len(states))]
}

// nameMentions appends the mentions of the actors as name writes them from
// byte offset start on.
func nameMentions(ms []parley.Mention, as []parley.Actor, start int) []parley.Mention {
	at := start
	for i, a := range as {
		if i > 0 {
			at += len(" and ")
		}
		m := parley.Mention{Actor: a}
		switch {
		case a.Name != "":
			m.Kind, m.Span = parley.MentionPerson, parley.Span{Start: at, End: at + len(a.Name)}
			at = m.Span.End
		case a.Org != "":
			at += len("the ")
			m.Kind, m.Span = parley.MentionOrg, parley.Span{Start: at, End: at + len(a.Org)}
			at = m.Span.End
		default:
			m.Kind, m.Span = parley.MentionGroup, parley.Span{Start: at, End: at + len(a.Code+" officials")}
			at = m.Span.End
		}
		ms = append(ms, m)
	}
	return ms
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

// name is how a sentence of a synthetic text names actors.
func name(as []parley.Actor) string {
	var parts []string
	for _, a := range as {
		switch {
		case a.Name != "":
			parts = append(parts, a.Name)
		case a.Org != "":
			parts = append(parts, "the "+a.Org)
		default:
			parts = append(parts, a.Code+" officials")
		}
	}
	return strings.Join(parts, " and ")
}
