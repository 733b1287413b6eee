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
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/event"
	"github.com/parley-events/parley/sentence"
	"github.com/parley-events/parley/token"
)

// Pipeline turns articles into events. Build it once with New; it is
// immutable and safe for concurrent use.
type Pipeline struct {
	kb    *actor.KB
	split *sentence.Splitter
	rec   *actor.Recognizer
	coder *event.Coder
}

// New builds the pipeline from parley's embedded dictionaries and lexicons.
func New() (*Pipeline, error) {
	kb, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("extract: actor knowledge base: %w", err)
	}
	coder, err := event.Default()
	if err != nil {
		return nil, fmt.Errorf("extract: event coder: %w", err)
	}
	return &Pipeline{
		kb:    kb,
		split: sentence.NewSplitter(),
		rec:   actor.NewRecognizer(kb),
		coder: coder,
	}, nil
}

// KB returns the actor knowledge base the pipeline resolves names with.
func (p *Pipeline) KB() *actor.KB { return p.kb }

// Result is what the pipeline found in one article.
type Result struct {
	Article   *parley.Article
	Sentences []parley.Sentence
	Mentions  []parley.Mention
	Events    []parley.Event
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
	sents := p.split.Split(a.Text)
	ms := p.rec.Find(a.Text, sents, a.Published)
	evs := p.coder.Code(a, sents, ms)
	for i := range evs {
		e := &evs[i]
		e.Article = a.Key
		e.Doc = a.Doc
		if e.Date == nil && !a.Published.IsZero() {
			d := parley.Day(a.Published)
			e.Date = &d
			e.DateSource = parley.DateFromPublished
		}
		e.ID = eventID(a.Key, e)
	}
	return &Result{Article: a, Sentences: sents, Mentions: ms, Events: evs}
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
