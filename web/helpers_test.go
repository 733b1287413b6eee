package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/internal/storetest"
	"github.com/parley-events/parley/sqlite"
)

// The fixture: a few hand-written articles (written for these tests) about
// Russia, Syria and Iran in 2025, with events coded by hand, and one
// hostile article. Iran and Syria never cooperate directly; Russia
// cooperates with both, so it brokers between them.

var (
	rusGov   = parley.Actor{Code: "RUS", Sector: "GOV"}
	syrGov   = parley.Actor{Code: "SYR", Sector: "GOV"}
	irnGov   = parley.Actor{Code: "IRN", Sector: "GOV"}
	lavrov   = parley.Actor{Code: "RUS", Sector: "GOV", Name: "Sergey Lavrov", Title: "foreign minister"}
	shibani  = parley.Actor{Code: "SYR", Sector: "GOV", Name: "Asaad al-Shibani", Title: "foreign minister"}
	nato     = parley.Actor{Code: "IGO", Sector: "IGO", Org: "NATO"}
	moscow   = parley.Place{Name: "Moscow", Country: "RUS", Lat: 55.7558, Lon: 37.6173}
	damascus = parley.Place{Name: "Damascus", Country: "SYR", Lat: 33.5138, Lon: 36.2765}
)

// hostileText is an article sentence that tries every way into a page.
const hostileText = `Iran threatened Syria after <script>window.__pwned=1</script> reports of ` +
	`<img src=x onerror="window.__pwned=2"> raids, according to <a href="javascript:window.__pwned=3">this link</a>.`

// fixtureEvent describes an event by the text of its sentence and its
// trigger word.
type fixtureEvent struct {
	sentence, trigger, typ string
	actors, recipients     []parley.Actor
	date                   string
	place                  *parley.Place
	score                  float64
}

type fixtureArticle struct {
	doc, title, url, source, published string
	text                               string
	events                             []fixtureEvent
}

var fixtureArticles = []fixtureArticle{
	{
		doc: "moscow-talks", title: "Lavrov hosts Syrian counterpart", url: "https://news.example/moscow-talks",
		source: "Example Wire", published: "2025-07-15",
		text: "Russian Foreign Minister Sergey Lavrov met Syrian Foreign Minister Asaad al-Shibani in Moscow on Tuesday. " +
			"Russia and Syria agreed to expand trade.",
		events: []fixtureEvent{
			{sentence: "Russian Foreign Minister Sergey Lavrov met", trigger: "met", typ: "CONSULT",
				actors: []parley.Actor{lavrov}, recipients: []parley.Actor{shibani}, date: "2025-07-15", place: &moscow, score: 1},
			{sentence: "Russia and Syria agreed", trigger: "agreed", typ: "AGREE",
				actors: []parley.Actor{rusGov, syrGov}, date: "2025-07-15", place: &moscow, score: 4},
		},
	},
	{
		doc: "tehran-fuel", title: "Iran pledges fuel", source: "Example Daily", published: "2025-08-02",
		text: "Iran pledged fuel shipments to Russia on Saturday. Russia thanked Iran for its support.",
		events: []fixtureEvent{
			{sentence: "Iran pledged fuel", trigger: "pledged", typ: "AID",
				actors: []parley.Actor{irnGov}, recipients: []parley.Actor{rusGov}, date: "2025-08-02", score: 6},
			{sentence: "Russia thanked Iran", trigger: "thanked", typ: "SUPPORT",
				actors: []parley.Actor{rusGov}, recipients: []parley.Actor{irnGov}, date: "2025-08-02", score: 3},
		},
	},
	{
		doc: "damascus-aid", title: "Aid reaches Damascus", source: "Example Wire", published: "2025-10-20",
		text: "Russia sent humanitarian aid to Syria on Monday. Syria accused Iran of meddling in its affairs. " +
			"NATO criticized Russia over the deployment.",
		events: []fixtureEvent{
			{sentence: "Russia sent humanitarian aid", trigger: "sent", typ: "AID",
				actors: []parley.Actor{rusGov}, recipients: []parley.Actor{syrGov}, date: "2025-10-20", place: &damascus, score: 6},
			{sentence: "Syria accused Iran", trigger: "accused", typ: "ACCUSE",
				actors: []parley.Actor{syrGov}, recipients: []parley.Actor{irnGov}, date: "2025-10-20", score: -4},
			{sentence: "NATO criticized Russia", trigger: "criticized", typ: "ACCUSE",
				actors: []parley.Actor{nato}, recipients: []parley.Actor{rusGov}, date: "2025-10-21", score: -3},
		},
	},
	{
		doc: "hostile-1", title: `<script>window.__pwned=4</script>Hostile`, url: "javascript:window.__pwned=5",
		source: `<b onmouseover="window.__pwned=6">Feed</b>`, published: "2025-09-01",
		text: hostileText,
		events: []fixtureEvent{
			{sentence: hostileText, trigger: "threatened", typ: "THREATEN",
				actors: []parley.Actor{irnGov}, recipients: []parley.Actor{syrGov}, date: "2025-09-01", place: &damascus, score: -6},
		},
	},
}

// fixtureBatches turns the fixture into what Store.Put takes.
func fixtureBatches(t testing.TB) []storetest.Batch {
	t.Helper()
	var out []storetest.Batch
	for _, fa := range fixtureArticles {
		pub, err := time.Parse(time.DateOnly, fa.published)
		if err != nil {
			t.Fatal(err)
		}
		a := parley.Article{Doc: fa.doc, Title: fa.title, URL: fa.url, Source: fa.source, Published: pub, Text: fa.text}
		a.Key = parley.Key(a.Text)
		var evs []parley.Event
		for i, fe := range fa.events {
			start := strings.Index(fa.text, fe.sentence)
			if start < 0 {
				t.Fatalf("%s: sentence %q not in text", fa.doc, fe.sentence)
			}
			// The sentence runs to the next ". " or the end.
			end := len(fa.text)
			if k := strings.Index(fa.text[start:], ". "); k >= 0 && fe.sentence != hostileText {
				end = start + k + 1
			}
			tr := strings.Index(fa.text[start:end], fe.trigger)
			if tr < 0 {
				t.Fatalf("%s: trigger %q not in sentence", fa.doc, fe.trigger)
			}
			d, err := parley.ParseDateRange(fe.date)
			if err != nil {
				t.Fatal(err)
			}
			e := parley.Event{
				ID: fmt.Sprintf("%s-%d", fa.doc, i), Article: a.Key, Doc: a.Doc, Type: fe.typ,
				Actors: fe.actors, Recipients: fe.recipients, Date: &d, DateSource: parley.DateFromText,
				Place: fe.place, PLOVERScore: fe.score, Goldstein: fe.score, Mentions: 1,
				Sentence: parley.Span{Start: start, End: end},
				Trigger:  parley.Span{Start: start + tr, End: start + tr + len(fe.trigger)},
			}
			e.SentenceText = e.Sentence.In(a.Text)
			evs = append(evs, e)
		}
		out = append(out, storetest.Batch{Article: a, Events: evs})
	}
	return out
}

// openStore returns a fresh SQLite store in t.TempDir() holding the batches.
func openStore(t testing.TB, batches ...[]storetest.Batch) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, bs := range batches {
		for i := range bs {
			if _, err := db.Put(ctx, bs[i].Document()); err != nil {
				t.Fatalf("Put(%s): %v", bs[i].Article.Doc, err)
			}
		}
	}
	return db
}

func defaultKB(t testing.TB) *actor.KB {
	t.Helper()
	kb, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

// newTestServer builds a server over store with the embedded knowledge base.
func newTestServer(t testing.TB, store Store, ingest Ingester, cfg Config) *Server {
	t.Helper()
	s, err := New(store, defaultKB(t), ingest, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get runs a request against h and returns the status and body.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// getJSON requests target and decodes the JSON answer into v, failing the
// test unless the status is want.
func getJSON(t testing.TB, h http.Handler, target string, want int, v any) {
	t.Helper()
	res, b := do(t, h, http.MethodGet, target, nil, nil)
	if res.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d; body %s", target, res.StatusCode, want, b)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q, want JSON", target, ct)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v; body %s", target, err, b)
	}
}
