package parley

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of byte offsets into an article's
// stored (normalized) text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Distance is how many bytes lie between s and o; 0 when they overlap or touch.
func (s Span) Distance(o Span) int {
	switch {
	case s.End <= o.Start:
		return o.Start - s.End
	case o.End <= s.Start:
		return s.Start - o.End
	}
	return 0
}

// In returns the text the span covers, or "" when the span does not fit text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Article is one news story as parley stores it.
type Article struct {
	// Key is the content hash of the normalized text (see Key); it is the
	// article's identity in the store, so the same text is stored once.
	Key string `json:"key"`
	// Doc is the identifier the input gave: a JSONL "id", a feed item's guid
	// or link, or the file name of a plain-text or HTML file.
	Doc    string `json:"doc"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	// Published is the publication date; the zero time when unknown.
	Published time.Time `json:"published,omitzero"`
	// Text is the normalized text (Unicode NFC, line endings LF). Every Span
	// refers to it.
	Text string `json:"text"`
	// Meta keeps input fields parley has no column for.
	Meta map[string]string `json:"meta,omitempty"`
	// Origin names where the article was read: "path" or "path:line".
	Origin string `json:"origin,omitempty"`
}

// Key returns the content hash that identifies a normalized text: the
// SHA-256 of the text with runs of white space folded to one space and the
// ends trimmed, in hex, shortened to 32 digits.
func Key(text string) string {
	h := sha256.New()
	space := false
	started := false
	var buf [4]byte
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		n := utf8.EncodeRune(buf[:], r)
		h.Write(buf[:n])
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota + 1
	Number
	Punct
	Symbol
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Symbol:
		return "symbol"
	}
	return "unknown"
}

// Token is a word, number or punctuation mark with its place in the text.
type Token struct {
	Span Span `json:"span"`
	// Norm is the form used for matching: lower case, typographic quotes,
	// apostrophes and dashes folded to ASCII, diacritics kept.
	Norm string    `json:"norm"`
	Kind TokenKind `json:"kind"`
}

// Sentence is a sentence of an article with its tokens.
type Sentence struct {
	Span   Span    `json:"span"`
	Tokens []Token `json:"tokens,omitempty"`
}

// Dep is the syntax of one token of a sentence: its universal part of
// speech, its Penn Treebank tag, its head (the index of another token of
// the same sentence, -1 for the root) and its Universal Dependencies
// relation to that head (nsubj, obj, obl:agent, nsubj:pass...).
type Dep struct {
	Tag  string `json:"tag"`
	XPOS string `json:"xpos,omitempty"`
	Head int    `json:"head"`
	Rel  string `json:"rel"`
}

// Actor is a coded participant in an event: a state, one of its sectors, an
// international or non-governmental body, or a named person acting for one.
type Actor struct {
	// Code is an ISO 3166-1 alpha-3 code, or "IGO" / "NGO" for bodies not
	// tied to one state.
	Code string `json:"code"`
	// Sector is the PLOVER/CAMEO sector: GOV, MIL, REB, OPP, PTY, COP, JUD,
	// LEG, CVL, MED, BUS, NGO, IGO...
	Sector string `json:"sector,omitempty"`
	// Name is the canonical name of a person, when the actor is one.
	Name string `json:"name,omitempty"`
	// Org names an international or non-governmental body (Code IGO/NGO),
	// or an armed group.
	Org string `json:"org,omitempty"`
	// Title is the person's office as of the event, when known.
	Title string `json:"title,omitempty"`
}

// SectorUnidentified is PLOVER's sector for unidentified armed forces
// ("unknown gunmen", "a roadside bomb killed"). The coder gives such an
// actor no Code; the pipeline gives it the country of the place the
// sentence puts the attack in, or drops the event.
const SectorUnidentified = "UAF"

// IsZero reports whether the actor carries no code.
func (a Actor) IsZero() bool { return a.Code == "" }

// Role is a dated office: Lavrov is RUS GOV, foreign minister, from 2004.
type Role struct {
	Code      string    `json:"code"`
	Sector    string    `json:"sector"`
	Title     string    `json:"title,omitempty"`
	ValidFrom time.Time `json:"valid_from,omitzero"`
	ValidTo   time.Time `json:"valid_to,omitzero"`
}

// ValidOn reports whether the role was held on day t (a zero t matches any role).
func (r Role) ValidOn(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	if !r.ValidFrom.IsZero() && t.Before(r.ValidFrom) {
		return false
	}
	if !r.ValidTo.IsZero() && t.After(r.ValidTo) {
		return false
	}
	return true
}

// MentionKind says how an actor was named.
type MentionKind string

// Mention kinds.
const (
	MentionCountry   MentionKind = "country"   // "Syria", "the U.S."
	MentionAdjective MentionKind = "adjective" // "Syrian", "Iranian"
	MentionCapital   MentionKind = "capital"   // "Moscow hosted", "the Kremlin"
	MentionPerson    MentionKind = "person"    // "Sergey Lavrov", "Lavrov"
	MentionOrg       MentionKind = "org"       // "the Red Cross", "NATO"
	MentionGroup     MentionKind = "group"     // "Syrian troops", "Iranian officials"
)

// Mention is a span of text that names an actor.
type Mention struct {
	Span  Span        `json:"span"`
	Kind  MentionKind `json:"kind"`
	Actor Actor       `json:"actor"`
	// Possessive is set for "Syria's", "Iran's": the mention modifies a noun.
	Possessive bool `json:"possessive,omitempty"`
}

// DateRange is the day or the interval of days an event happened on; Start
// and End are both at midnight UTC and equal for a single day.
type DateRange struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Day returns a one-day range.
func Day(t time.Time) DateRange {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return DateRange{Start: d, End: d}
}

// String formats the range as YYYY-MM-DD, or YYYY-MM-DD/YYYY-MM-DD.
func (d DateRange) String() string {
	if d.Start.Equal(d.End) {
		return d.Start.Format(time.DateOnly)
	}
	return d.Start.Format(time.DateOnly) + "/" + d.End.Format(time.DateOnly)
}

// ParseDateRange reads YYYY-MM-DD, YYYY-MM (the whole month), YYYY (the
// whole year) or an interval START/END of those.
func ParseDateRange(s string) (DateRange, error) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		x, err := ParseDateRange(a)
		if err != nil {
			return DateRange{}, err
		}
		y, err := ParseDateRange(b)
		if err != nil {
			return DateRange{}, err
		}
		if y.End.Before(x.Start) {
			return DateRange{}, errors.New("date range " + s + " ends before it starts")
		}
		return DateRange{Start: x.Start, End: y.End}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return DateRange{Start: t, End: t}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return DateRange{Start: t, End: t.AddDate(0, 1, -1)}, nil
	}
	if t, err := time.Parse("2006", s); err == nil {
		return DateRange{Start: t, End: t.AddDate(1, 0, -1)}, nil
	}
	return DateRange{}, errors.New("date " + strings.TrimSpace(s) + " is not YYYY-MM-DD, YYYY-MM, YYYY or START/END")
}

// Within reports whether d lies inside o.
func (d DateRange) Within(o DateRange) bool {
	return !d.Start.Before(o.Start) && !d.End.After(o.End)
}

// Place is where an event happened.
type Place struct {
	Name    string  `json:"name,omitempty"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Auxiliary modes (PLOVER): an event reported as not having happened as a
// plain fact.
const (
	AuxHistorical   = "historical"
	AuxFuture       = "future"
	AuxHypothetical = "hypothetical"
	AuxNegation     = "negation"
)

// Date sources: where an event's date came from.
const (
	DateFromText      = "text"
	DateFromNarrative = "narrative"
	DateFromPublished = "published"
)

// Event is one coded event: who did what to whom, when and where, with the
// sentence that reports it. Its JSON form (json.go) is the schema that
// `parley events --format jsonl` writes.
type Event struct {
	// ID is stable for the same article, sentence, category and dyad.
	ID string
	// Article is the Key of the article the event came from; Doc its input id.
	Article string
	Doc     string

	Type    string // PLOVER category: AGREE, CONSULT...
	Mode    string
	Aux     string
	Context []string

	Actors     []Actor
	Recipients []Actor
	// ClaimedBy is who reported the event, for reported speech ("X said
	// that Y attacked Z").
	ClaimedBy []Actor

	Date       *DateRange
	DateSource string
	Place      *Place

	CAMEO       string
	Goldstein   float64
	PLOVERScore float64

	// Sentence is the span of the reporting sentence; Trigger the span of
	// the verb or noun that names the event.
	Sentence     Span
	SentenceText string
	Trigger      Span
	Mentions     int
}

// EventFilter selects events from a Store. Zero fields match everything.
type EventFilter struct {
	Actor string // a country code, org or person name, as actor or recipient
	Type  string // PLOVER category
	Doc   string // article Doc or Key
	Since time.Time
	Until time.Time
	Limit int
	After string // paging: return events ordered after this event ID
}

// Learned is a person parley learned from an article's text rather than
// from its knowledge base: named with a title ("Jordanian Interior Minister
// Mazen al-Faraya"), an appositive or as someone's counterpart.
type Learned struct {
	Name string `json:"name"`
	// Role is the person's country (or body), sector and title as the
	// text gives them; ValidFrom is the article's publication day (zero
	// when unknown).
	Role Role `json:"role"`
	// Org is the body the person was named for, if any.
	Org string `json:"org,omitempty"`
	// Evidence is the span of the sentence that named the person.
	Evidence Span `json:"evidence"`
	// Known is set when the knowledge base already knew the person: the
	// text only attests the role, as evidence.
	Known bool `json:"known,omitempty"`
	// EvidenceText is the text of that sentence; Article the Key and Doc
	// the input id of the article it came from. A Store fills them.
	EvidenceText string `json:"evidence_text,omitempty"`
	Article      string `json:"article,omitempty"`
	Doc          string `json:"doc,omitempty"`
}

// Document is an article with what the pipeline found in it, as a Store
// keeps it: the events, the actor mentions and the people learned.
type Document struct {
	Article  *Article
	Events   []Event
	Mentions []Mention
	Learned  []Learned
}

// PutResult says what storing a document did.
type PutResult struct {
	Created  bool // false when the article was already stored
	Events   int  // events stored with it
	Mentions int  // actor mentions stored with it
	Learned  int  // learned people stored with it
}

// ActorFilter selects the actors a Store lists. Zero fields match
// everything.
type ActorFilter struct {
	Country string // actor code: an ISO alpha-3 code, IGO or NGO
	Sector  string // GOV, MIL...
	// Learned keeps only people learned from the text.
	Learned bool
}

// ActorSummary is an actor named in the stored articles, with how often.
// An actor is a person (by Name), else a body (by Org), else a code and
// sector ("RUS GOV", "SYR MIL", "IRN").
type ActorSummary struct {
	// Key identifies the actor among the summaries: "person:NAME",
	// "org:ORG" or "code:CODE SECTOR".
	Key    string `json:"key"`
	Code   string `json:"code"`
	Sector string `json:"sector,omitempty"`
	Name   string `json:"name,omitempty"`
	Org    string `json:"org,omitempty"`
	Title  string `json:"title,omitempty"`
	// Mentions counts the mentions, Articles the articles that have one.
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
	// FirstSeen and LastSeen are the earliest and latest publication
	// dates of those articles; zero when none has a date.
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	// Learned is set for a person learned from the text (see Learned)
	// rather than known to the knowledge base.
	Learned bool `json:"learned,omitempty"`
}

// Store keeps articles with their events, actor mentions and learned
// people. Implementations: sqlite (embedded, the default) and, for
// scale-out, PostgreSQL.
type Store interface {
	// Put stores a document in one transaction. A document whose
	// article's Key is already stored is left as it is.
	Put(ctx context.Context, d *Document) (PutResult, error)
	// Article returns the stored article with this Key or Doc, or an error
	// wrapping ErrNotFound.
	Article(ctx context.Context, keyOrDoc string) (*Article, error)
	// Events returns the events that pass the filter, ordered by date, then ID.
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	// Mentions returns the actor mentions stored with the article whose Key
	// (or Doc) this is, in the order they were put, or an error wrapping
	// ErrNotFound when there is no such article.
	Mentions(ctx context.Context, keyOrDoc string) ([]Mention, error)
	// Actors lists the actors of the stored mentions that pass the filter,
	// most mentioned first, then by Key.
	Actors(ctx context.Context, f ActorFilter) ([]ActorSummary, error)
	// Learned returns the people learned from the stored articles, in the
	// order of their articles' dates (undated last), then as stored.
	Learned(ctx context.Context) ([]Learned, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Stats counts what a Store holds.
type Stats struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
}

// ErrNotFound is returned (wrapped) when a lookup finds nothing.
var ErrNotFound = errors.New("not found")
