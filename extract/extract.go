// Package extract is parley's pipeline: the one place that knows the order
// of the stages. An article goes through normalization, sentence splitting
// and tokenization, actor recognition and event coding, then gets its
// identifiers and dates; Ingest runs that over a batch and stores the
// results.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/data"
	"github.com/parley-events/parley/date"
	"github.com/parley-events/parley/event"
	"github.com/parley-events/parley/place"
	"github.com/parley-events/parley/plover"
	"github.com/parley-events/parley/sentence"
	"github.com/parley-events/parley/syntax"
	"github.com/parley-events/parley/token"
)

// Pipeline turns articles into events. Build it once with New; it is
// immutable and safe for concurrent use.
type Pipeline struct {
	kb     *actor.KB
	split  *sentence.Splitter
	rec    *actor.Recognizer
	coder  *event.Coder
	dates  *date.Resolver
	places *place.Gazetteer
	succ   []succession
	now    time.Time
}

// Config configures the pipeline.
type Config struct {
	// Now is when the articles are read. It is used only to fix the year of
	// a publication date inferred from a dateline that names none; zero
	// leaves such dates unknown. The pipeline never reads the clock.
	Now time.Time
}

// New builds the pipeline from parley's embedded dictionaries and lexicons.
func New() (*Pipeline, error) { return NewWithConfig(Config{}) }

// NewWithConfig is New with a configuration.
func NewWithConfig(cfg Config) (*Pipeline, error) {
	kb, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("extract: actor knowledge base: %w", err)
	}
	cb, err := plover.Default()
	if err != nil {
		return nil, fmt.Errorf("extract: PLOVER codebook: %w", err)
	}
	model, err := syntax.Default()
	if err != nil {
		return nil, fmt.Errorf("extract: syntax model: %w", err)
	}
	coder, err := event.NewCoder(data.Events, cb, model)
	if err != nil {
		return nil, fmt.Errorf("extract: event coder: %w", err)
	}
	dates, err := date.NewResolver()
	if err != nil {
		return nil, fmt.Errorf("extract: date resolver: %w", err)
	}
	places, err := place.Default()
	if err != nil {
		return nil, fmt.Errorf("extract: gazetteer: %w", err)
	}
	succ, err := loadSuccessions(data.Actors, successionsFile)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return &Pipeline{
		kb:     kb,
		split:  sentence.NewSplitter(),
		rec:    actor.NewRecognizer(kb),
		coder:  coder,
		dates:  dates,
		places: places,
		succ:   succ,
		now:    cfg.Now,
	}, nil
}

// KB returns the actor knowledge base the pipeline resolves names with.
func (p *Pipeline) KB() *actor.KB { return p.kb }

// WithLearned returns a copy of the pipeline whose actor recognizer also
// knows these people, learned from earlier articles (a Store's Learned), so
// that later articles resolve them by name. The receiver is not changed.
// People the knowledge base knows, and repeats, are left out; the first of
// several entries for one name wins.
func (p *Pipeline) WithLearned(people []parley.Learned) *Pipeline {
	if len(people) == 0 {
		return p
	}
	ls := make([]actor.Learned, len(people))
	for i, l := range people {
		ls[i] = actor.Learned{Name: l.Name, Role: l.Role, Org: l.Org, Evidence: l.Evidence, Known: l.Known}
	}
	c := *p
	c.rec = p.rec.WithLearned(ls)
	return &c
}

// Result is what the pipeline found in one article.
type Result struct {
	Article   *parley.Article
	Sentences []parley.Sentence
	Mentions  []parley.Mention
	Timexes   []date.Timex
	Places    []place.Mention
	Events    []parley.Event
	// Learned are the people the knowledge base does not know that the
	// text named with their office, in text order, with the evidence
	// sentence and the article's Key and Doc.
	Learned []parley.Learned
	// Warnings are things a user should know that did not stop the
	// article: an unknown publication date, one inferred from the text.
	Warnings []string
}

// Prepare normalizes an article as read into the form parley stores: the
// text in NFC with LF line ends, the publication date truncated to its UTC
// day, and Key set to the content hash of the text.
func Prepare(a *parley.Article) {
	a.Text = token.Normalize(a.Text)
	a.Title = strings.TrimSpace(token.Normalize(a.Title))
	if !a.Published.IsZero() {
		t := a.Published.UTC()
		a.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	a.Key = parley.Key(a.Text)
	if a.Doc == "" {
		a.Doc = a.Key
	}
}

// Process runs every stage over one article. The article must have been
// through Prepare.
func (p *Pipeline) Process(a *parley.Article) *Result {
	r := &Result{Article: a}
	if a.Published.IsZero() {
		if t, ok := p.dates.InferPublished(a.Text, p.now); ok {
			a.Published = t
			if a.Meta == nil {
				a.Meta = map[string]string{}
			}
			a.Meta["published_inferred"] = "text"
			r.Warnings = append(r.Warnings, fmt.Sprintf("no publication date given: %s inferred from the text", t.Format(time.DateOnly)))
		} else {
			r.Warnings = append(r.Warnings, "no publication date given or found in the text: relative dates stay unresolved")
		}
	}
	sents := p.split.Split(a.Text)
	ms, found := p.rec.FindAll(a.Text, sents, a.Published)
	ms = dropDatelines(a.Text, ms)
	tx := p.dates.Resolve(a.Text, sents, a.Published)
	pm := p.places.Locate(a.Text, sents)
	evs := p.coder.Code(a, sents, ms)
	for i := range evs {
		e := &evs[i]
		e.Article = a.Key
		e.Doc = a.Doc
		si := sentenceOf(sents, e.Sentence)
		// The date and place stages read the event itself (its Aux, type,
		// mode and states), not only its trigger: a past event is not
		// dated by a scheduled summit, a visit takes place at the host's.
		if e.Date == nil {
			e.Date, e.DateSource = p.dates.EventDateFor(tx, sents, si, e, a.Published)
		}
		if si >= 0 && near(sents[si].Tokens, e.Trigger, dateSpan(tx, e)) {
			historical(e, a.Published)
		}
		if e.Place == nil {
			e.Place = p.places.EventPlaceFor(pm, ms, sents, si, e, a.Text)
		}
		placeTarget(e)
		predecessors(e, a.Published, p.succ)
		e.ID = eventID(a.Key, e)
	}
	kept := evs[:0]
	for i := range evs {
		if !unplaced(&evs[i]) && !unhosted(&evs[i]) && !untargeted(&evs[i]) {
			kept = append(kept, evs[i])
		}
	}
	evs = kept
	var learned []parley.Learned
	for _, l := range found {
		learned = append(learned, parley.Learned{Name: l.Name, Role: l.Role, Org: l.Org, Evidence: l.Evidence, Known: l.Known,
			EvidenceText: l.Evidence.In(a.Text), Article: a.Key, Doc: a.Doc})
	}
	r.Sentences, r.Mentions, r.Timexes, r.Places, r.Events, r.Learned = sents, anchoredOnly(ms), tx, pm, evs, learned
	return r
}

// dateSpan returns the span of the time expression that dated e from its
// own sentence, or an empty span.
func dateSpan(tx []date.Timex, e *parley.Event) parley.Span {
	if e.Date == nil || e.DateSource != parley.DateFromText {
		return parley.Span{}
	}
	for _, t := range tx {
		if t.Range != nil && *t.Range == *e.Date && e.Sentence.Contains(t.Span) {
			return t.Span
		}
	}
	return parley.Span{}
}

// near reports whether span b lies within six words of span a in the
// sentence's tokens: "cut ties with Cuba in 1961" dates the cut; "offered
// to hand over two nationals suspected of blowing up a plane in 1988"
// does not date the offer.
func near(toks []parley.Token, a, b parley.Span) bool {
	if b.End <= b.Start {
		return false
	}
	between := 0
	for _, t := range toks {
		if t.Span.Start >= min(a.End, b.End) && t.Span.End <= max(a.Start, b.Start) && t.Kind == parley.Word {
			between++
		}
	}
	return between <= 6
}

// historical marks an event its own sentence dates more than a year before
// publication ("The US cut ties with Cuba in 1961"): PLOVER's historical
// auxiliary mode, an event before the article's window.
func historical(e *parley.Event, published time.Time) {
	if e.Aux != "" || e.Date == nil || e.DateSource != parley.DateFromText || published.IsZero() {
		return
	}
	if e.Date.End.Before(published.AddDate(-1, 0, 0)) {
		e.Aux = parley.AuxHistorical
	}
}

// unplaced gives the sides the text names without a state their state,
// and reports an event whose actor is still without one:
//   - an unidentified attacker (sector UAF: "a roadside bomb near Samarra
//     killed a U.S. soldier", IRQ UAF against USA MIL) is of the country of
//     the attack's place;
//   - other people named without a state ("ethnic Albanians", "a judge",
//     "demonstrators") act at home: against a recipient of one state they
//     are of that state ("ethnic Turks protested against Sweden's
//     decision", "Judge X opened investigations against Chilean
//     officials"), else of the event's place ("ethnic Albanians
//     demonstrated in Serbia", against their government then);
//   - a recipient without a state is the people of the actor's state when
//     its police, courts or government act on them, else of the place, or
//     is dropped.
//
// With no state to give, the text says nothing about the actor and the
// event is dropped.
func unplaced(e *parley.Event) bool {
	place := ""
	if e.Place != nil {
		place = e.Place.Country
	}
	anchored := false
	for i, a := range e.Actors {
		if a.Code != "" {
			continue
		}
		code := ""
		if a.Sector != parley.SectorUnidentified {
			code = oneState(e.Recipients)
		}
		if code == "" {
			code = place
		}
		if code == "" {
			return true
		}
		e.Actors[i].Code = code
		anchored = anchored || a.Sector != parley.SectorUnidentified
	}
	kept := e.Recipients[:0]
	for _, r := range e.Recipients {
		if r.Code == "" {
			code := ""
			if st := oneState(e.Actors); st != "" && stateSector[sectorOf(e.Actors)] {
				code = st
			}
			if code == "" {
				code = place
			}
			if code == "" {
				continue
			}
			r.Code = code
		}
		kept = append(kept, r)
	}
	e.Recipients = kept
	if anchored && e.Type == "PROTEST" && len(e.Recipients) == 0 {
		e.Recipients = []parley.Actor{{Code: e.Actors[0].Code, Sector: "GOV"}}
	}
	return false
}

// anchoredOnly drops the mentions of people named without a state
// ("ethnic Albanians"): the coder reads them, the events they act in get
// their state, but as mentions they name no actor a store can index.
func anchoredOnly(ms []parley.Mention) []parley.Mention {
	kept := ms[:0]
	for _, m := range ms {
		if m.Actor.Code != "" {
			kept = append(kept, m)
		}
	}
	return kept
}

// stateSector are the sectors of a state's own organs: acting on people
// named without a state, they act on their own state's people.
var stateSector = map[string]bool{"GOV": true, "COP": true, "JUD": true, "MIL": true, "LEG": true, "SPY": true}

// oneState returns the state code all of list shares ("" when the list is
// empty, names no state, names a body or several states).
func oneState(list []parley.Actor) string {
	code := ""
	for _, a := range list {
		if a.Code == "" || a.Code == "IGO" || a.Code == "NGO" || code != "" && a.Code != code {
			return ""
		}
		code = a.Code
	}
	return code
}

// sectorOf returns the sector all of list shares, or "".
func sectorOf(list []parley.Actor) string {
	s := ""
	for i, a := range list {
		if i > 0 && a.Sector != s {
			return ""
		}
		s = a.Sector
	}
	return s
}

// unhosted gives a visit that names no host ("arrived in Amman") the
// government of the state its place is in, and reports a visit still
// without one: a place in the actor's own state, or no place, is no visit
// to another party.
func unhosted(e *parley.Event) bool {
	if e.Type != "CONSULT" || e.Mode != "visit" || len(e.Recipients) > 0 || len(e.Actors) != 1 {
		return false
	}
	if e.Place == nil || e.Place.Country == "" || e.Place.Country == e.Actors[0].Code {
		return true
	}
	e.Recipients = []parley.Actor{{Code: e.Place.Country, Sector: "GOV"}}
	return false
}

// untargeted reports a threat of force the coder kept for its place
// ("threatened to impose a curfew in Algiers") that the place stage could
// not give a target: a threat needs one.
func untargeted(e *parley.Event) bool {
	return e.Type == "THREATEN" && plover.ForcefulThreat(e.Mode) && len(e.Recipients) == 0 && len(e.Actors) < 2
}

// placeTarget gives an attack, a coercive act or a sanction (which PLOVER
// requires a recipient for: "Red Cross officials suspended aid deliveries
// in Baghdad") that names no recipient the country of the place its own
// sentence puts it in, a sanction only when that is another state: PLOVER codes
// "Israeli tanks fired at targets in Jericho" and "rebels exploded bombs
// in Kabul" against the state where they struck, and a threat of either
// ("threatened to impose a curfew in Algiers") alike. Only a place the
// event's own sentence names counts (the place stage gives these events no
// other).
func placeTarget(e *parley.Event) {
	forceful := e.Type == "ASSAULT" || e.Type == "COERCE" || e.Type == "THREATEN" && plover.ForcefulThreat(e.Mode)
	if !forceful && e.Type != "SANCTION" || len(e.Recipients) > 0 || e.Place == nil || e.Place.Country == "" {
		return
	}
	if e.Type == "SANCTION" && oneState(e.Actors) == e.Place.Country {
		return // "suspended flights at home": no one else named
	}
	e.Recipients = []parley.Actor{{Code: e.Place.Country}}
}

// Document returns what a Store keeps of the result: the article with its
// events, actor mentions and learned people.
func (r *Result) Document() *parley.Document {
	return &parley.Document{Article: r.Article, Events: r.Events, Mentions: r.Mentions, Learned: r.Learned}
}

// Dates returns the time expressions of a prepared article, resolved
// against its publication date.
func (p *Pipeline) Dates(a *parley.Article) []date.Timex {
	return p.dates.Resolve(a.Text, p.split.Split(a.Text), a.Published)
}

// Places returns the place names of a prepared article, resolved or not.
func (p *Pipeline) Places(a *parley.Article) []place.Mention {
	return p.places.Locate(a.Text, p.split.Split(a.Text))
}

// sentenceOf returns the index of the sentence with this span, or of the
// one that contains its start.
func sentenceOf(sents []parley.Sentence, span parley.Span) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].Span.End > span.Start })
	if i == len(sents) {
		return len(sents) - 1
	}
	return i
}

// eventID is stable for the same article, sentence, trigger, category and
// dyad, so recoding the same text gives the same IDs.
func eventID(key string, e *parley.Event) string {
	var b strings.Builder
	b.WriteString(key)
	b.WriteByte('|')
	b.WriteString(e.Type)
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(e.Trigger.Start))
	b.WriteByte('|')
	for _, a := range e.Actors {
		b.WriteString(a.Code + "/" + a.Sector + "/" + a.Name + "/" + a.Org + ";")
	}
	b.WriteByte('>')
	for _, a := range e.Recipients {
		b.WriteString(a.Code + "/" + a.Sector + "/" + a.Name + "/" + a.Org + ";")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}
