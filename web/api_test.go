package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/article"
	"github.com/parley-events/parley/extract"
	"github.com/parley-events/parley/graph"
	"github.com/parley-events/parley/internal/storetest"
)

func fixtureHandler(t *testing.T) http.Handler {
	t.Helper()
	return newTestServer(t, openStore(t, fixtureBatches(t)), nil, Config{}).Handler()
}

func eventIDs(evs []parley.Event) []string {
	ids := []string{}
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestAPIEvents(t *testing.T) {
	h := fixtureHandler(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"moscow-talks-0", "moscow-talks-1", "tehran-fuel-0", "tehran-fuel-1", "hostile-1-0", "damascus-aid-0", "damascus-aid-1", "damascus-aid-2"}},
		{"actor=SYR", []string{"moscow-talks-0", "moscow-talks-1", "hostile-1-0", "damascus-aid-0", "damascus-aid-1"}},
		{"actor=" + url.QueryEscape("Sergey Lavrov"), []string{"moscow-talks-0"}},
		{"actor=NATO", []string{"damascus-aid-2"}},
		{"type=aid", []string{"tehran-fuel-0", "damascus-aid-0"}},
		{"type=AID&actor=IRN", []string{"tehran-fuel-0"}},
		{"since=2025-08-01&until=2025-09-30", []string{"tehran-fuel-0", "tehran-fuel-1", "hostile-1-0"}},
		{"since=2025-10-21", []string{"damascus-aid-2"}},
		{"doc=tehran-fuel", []string{"tehran-fuel-0", "tehran-fuel-1"}},
		{"actor=QAT", []string{}},
		{"limit=2", []string{"moscow-talks-0", "moscow-talks-1"}},
		{"limit=3&after=moscow-talks-1", []string{"tehran-fuel-0", "tehran-fuel-1", "hostile-1-0"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var page struct {
				Events []parley.Event `json:"events"`
				Next   string         `json:"next"`
			}
			getJSON(t, h, "/api/events?"+tt.query, http.StatusOK, &page)
			if diff := cmp.Diff(tt.want, eventIDs(page.Events)); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAPIEventsPaging walks a synthetic store page by page and checks the
// pages join up to the whole list, in order, with no repeats.
func TestAPIEventsPaging(t *testing.T) {
	h := newTestServer(t, openStore(t, storetest.Generate(60, 5)), nil, Config{}).Handler()
	for _, filter := range []string{"", "actor=RUS&", "type=ASSAULT&", "since=2023-06-01&until=2024-06-01&"} {
		t.Run(filter, func(t *testing.T) {
			var all struct {
				Events []parley.Event `json:"events"`
				Next   string         `json:"next"`
			}
			getJSON(t, h, "/api/events?"+filter+"limit=1000", http.StatusOK, &all)
			if all.Next != "" {
				t.Fatalf("one page of 1000 has next %q", all.Next)
			}
			if filter == "" && len(all.Events) != 300 {
				t.Fatalf("got %d events, want 300", len(all.Events))
			}
			var got []parley.Event
			after := ""
			for pages := 0; ; pages++ {
				if pages > 100 {
					t.Fatal("paging does not end")
				}
				target := "/api/events?" + filter + "limit=17"
				if after != "" {
					target += "&after=" + after
				}
				var page struct {
					Events []parley.Event `json:"events"`
					Next   string         `json:"next"`
				}
				getJSON(t, h, target, http.StatusOK, &page)
				if len(page.Events) > 17 {
					t.Fatalf("page of %d events, limit 17", len(page.Events))
				}
				got = append(got, page.Events...)
				if page.Next == "" {
					break
				}
				if page.Next != page.Events[len(page.Events)-1].ID {
					t.Fatalf("next %q is not the page's last event %q", page.Next, page.Events[len(page.Events)-1].ID)
				}
				after = page.Next
			}
			if diff := cmp.Diff(eventIDs(all.Events), eventIDs(got)); diff != "" {
				t.Errorf("paged events differ from one page (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAPIErrors checks every validation error: its status and its JSON body.
func TestAPIErrors(t *testing.T) {
	h := fixtureHandler(t)
	long := strings.Repeat("a", 101)
	tests := []struct {
		method, target string
		status         int
		want           string // in the error message
	}{
		{"GET", "/api/events?type=FOO", 400, "type"},
		{"GET", "/api/events?type=%3Cscript%3E", 400, "PLOVER category"},
		{"GET", "/api/events?since=2025-13-01", 400, "since"},
		{"GET", "/api/events?since=07/15/2025", 400, "YYYY-MM-DD"},
		{"GET", "/api/events?until=2025-07", 400, "until"},
		{"GET", "/api/events?since=2025-08-01&until=2025-07-01", 400, "before since"},
		{"GET", "/api/events?limit=0", 400, "limit"},
		{"GET", "/api/events?limit=1001", 400, "limit"},
		{"GET", "/api/events?limit=-5", 400, "limit"},
		{"GET", "/api/events?limit=ten", 400, "limit"},
		{"GET", "/api/events?actor=%3Cscript%3E", 400, "actor"},
		{"GET", "/api/events?actor=" + long, 400, "actor"},
		{"GET", "/api/events?actor=1234", 400, "no letter"},
		{"GET", "/api/events?actor=R", 400, "actor"},
		{"GET", "/api/events?after=not%20an%20id", 400, "after"},
		{"GET", "/api/events?after=no-such-event", 400, "no such event"},
		{"GET", "/api/events?doc=" + strings.Repeat("d", 301), 400, "doc"},
		{"GET", "/api/events?actor=RUS&actor=SYR", 400, "more than once"},
		{"GET", "/api/events/bad%20id", 400, "id"},
		{"GET", "/api/events/no-such-event", 404, "not found"},
		{"GET", "/api/dyad?a=RUS", 400, "parameter b"},
		{"GET", "/api/dyad?b=RUS", 400, "parameter a"},
		{"GET", "/api/dyad?a=RUS&b=rus", 400, "same actor"},
		{"GET", "/api/dyad?a=RUS&b=SYR&by=year", 400, "by"},
		{"GET", "/api/network?type=NOPE", 400, "type"},
		{"GET", "/api/network?since=yesterday", 400, "since"},
		{"GET", "/api/network?sector=maybe", 400, "sector"},
		{"GET", "/api/brokers?a=IRN", 400, "parameter b"},
		{"GET", "/api/brokers?a=IRN&b=IRN", 400, "same actor"},
		{"GET", "/api/timeline", 400, "actor"},
		{"GET", "/api/timeline?actor=RUS&by=day", 400, "by"},
		{"GET", "/api/timeline?actor=RUS&limit=5000", 400, "limit"},
		{"GET", "/api/places?type=x", 400, "type"},
		{"GET", "/api/search", 400, "q"},
		{"GET", "/api/search?q=" + strings.Repeat("w", 201), 400, "q"},
		{"GET", "/api/search?q=%22%22", 400, "no word"},
		{"GET", "/api/actors/%3Cb%3E", 400, "code"},
		{"GET", "/api/actors/RUS?limit=0", 400, "limit"},
		{"GET", "/api/nothing", 404, "Not Found"},
		{"POST", "/api/events", 405, "Method Not Allowed"},
		{"DELETE", "/api/events/moscow-talks-0", 405, "Method Not Allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			res, b := do(t, h, tt.method, tt.target, nil, nil)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body %s", res.StatusCode, tt.status, b)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
			var e apiError
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatalf("body %s: %v", b, err)
			}
			if e.Status != tt.status || !strings.Contains(e.Error, tt.want) {
				t.Errorf("body %+v, want status %d and an error mentioning %q", e, tt.status, tt.want)
			}
			if tt.status == 405 && res.Header.Get("Allow") == "" {
				t.Errorf("405 without an Allow header")
			}
		})
	}
}

func TestAPIEvent(t *testing.T) {
	h := fixtureHandler(t)
	type mark struct{ Kind, Text string }
	tests := []struct {
		id      string
		marks   []mark
		url     string
		article string
	}{
		{"moscow-talks-0", []mark{{"actor", "Sergey Lavrov"}, {"event", "met"}, {"recipient", "Asaad al-Shibani"}},
			"https://news.example/moscow-talks", "moscow-talks"},
		// A joint event: both actors are named; no recipient.
		{"moscow-talks-1", []mark{{"actor", "Russia"}, {"actor", "Syria"}, {"event", "agreed"}}, "https://news.example/moscow-talks", "moscow-talks"},
		// An org, and a country named after the trigger.
		{"damascus-aid-2", []mark{{"actor", "NATO"}, {"event", "criticized"}, {"recipient", "Russia"}}, "", "damascus-aid"},
		// A javascript: URL is never given as the article's link.
		{"hostile-1-0", []mark{{"actor", "Iran"}, {"event", "threatened"}, {"recipient", "Syria"}}, "", "hostile-1"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			var d eventDetail
			getJSON(t, h, "/api/events/"+tt.id, http.StatusOK, &d)
			if d.Event.ID != tt.id {
				t.Fatalf("event %q, want %q", d.Event.ID, tt.id)
			}
			if d.Article == nil || d.Article.Doc != tt.article || d.Article.URL != tt.url {
				t.Errorf("article %+v, want doc %q url %q", d.Article, tt.article, tt.url)
			}
			if d.Sentence != d.Event.SentenceText {
				t.Errorf("sentence %q, want the event's %q", d.Sentence, d.Event.SentenceText)
			}
			var got []mark
			for _, h := range d.Highlights {
				got = append(got, mark{h.Kind, d.Sentence[h.Start:h.End]})
			}
			if diff := cmp.Diff(tt.marks, got); diff != "" {
				t.Errorf("highlights (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIDyad(t *testing.T) {
	h := fixtureHandler(t)
	var r graph.DyadReport
	getJSON(t, h, "/api/dyad?a=RUS&b=SYR", http.StatusOK, &r)
	type cell struct {
		Period, From string
		Events       int
	}
	var got []cell
	for _, row := range r.Rows {
		got = append(got, cell{row.Period, row.From, row.Events})
	}
	// July: Lavrov met al-Shibani (RUS→SYR) and the joint AGREE (both
	// ways); October: aid (RUS→SYR).
	want := []cell{{"2025-07", "RUS", 2}, {"2025-07", "SYR", 1}, {"2025-10", "RUS", 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if r.Events != 3 || !strings.Contains(r.Trend, "RUS–SYR") {
		t.Errorf("events %d trend %q, want 3 events and a RUS–SYR trend", r.Events, r.Trend)
	}
	getJSON(t, h, "/api/dyad?a=RUS&b=SYR&by=week", http.StatusOK, &r)
	if r.By != "week" || len(r.Rows) == 0 || !strings.Contains(r.Rows[0].Period, "-W") {
		t.Errorf("by week: %+v", r)
	}
	getJSON(t, h, "/api/dyad?a=QAT&b=TLS", http.StatusOK, &r)
	if r.Events != 0 || r.Rows == nil {
		t.Errorf("empty dyad: %+v, want no events and rows []", r)
	}
}

func TestAPINetwork(t *testing.T) {
	h := fixtureHandler(t)
	tests := []struct {
		query string
		nodes []string
		edges []string
	}{
		{"", []string{"IRN", "NATO", "RUS", "SYR"},
			[]string{"IRN>RUS", "IRN>SYR", "NATO>RUS", "RUS>IRN", "RUS>SYR", "SYR>IRN", "SYR>RUS"}},
		{"type=AID", []string{"IRN", "RUS", "SYR"}, []string{"IRN>RUS", "RUS>SYR"}},
		{"since=2025-10-01", []string{"IRN", "NATO", "RUS", "SYR"}, []string{"NATO>RUS", "RUS>SYR", "SYR>IRN"}},
		{"until=2025-07-31&sector=true", []string{"RUS-GOV", "SYR-GOV"}, []string{"RUS-GOV>SYR-GOV", "SYR-GOV>RUS-GOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var n graph.Network
			getJSON(t, h, "/api/network?"+tt.query, http.StatusOK, &n)
			var nodes, edges []string
			for _, x := range n.Nodes {
				nodes = append(nodes, x.ID)
			}
			for _, e := range n.Edges {
				edges = append(edges, e.Source+">"+e.Target)
			}
			if diff := cmp.Diff(tt.nodes, nodes); diff != "" {
				t.Errorf("nodes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.edges, edges); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIBrokers(t *testing.T) {
	h := fixtureHandler(t)
	var r graph.BrokerReport
	getJSON(t, h, "/api/brokers?a=IRN&b=SYR", http.StatusOK, &r)
	if len(r.Direct) != 0 || len(r.Brokers) == 0 || r.Brokers[0].Actor != "RUS" {
		t.Fatalf("brokers %+v, want RUS first and no direct cooperation", r)
	}
	if diff := cmp.Diff([]string{"tehran-fuel-0", "tehran-fuel-1"}, r.Brokers[0].ToA); diff != "" {
		t.Errorf("RUS's events with IRN (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"damascus-aid-0", "moscow-talks-0", "moscow-talks-1"}, r.Brokers[0].ToB); diff != "" {
		t.Errorf("RUS's events with SYR (-want +got):\n%s", diff)
	}
}

func TestAPITimeline(t *testing.T) {
	h := fixtureHandler(t)
	var r struct {
		Actor   string              `json:"actor"`
		Events  []parley.Event      `json:"events"`
		Periods []graph.TimelineRow `json:"periods"`
		Total   int                 `json:"total"`
	}
	getJSON(t, h, "/api/timeline?actor=IRN&limit=2", http.StatusOK, &r)
	var periods []string
	for _, p := range r.Periods {
		periods = append(periods, p.Period)
	}
	if diff := cmp.Diff([]string{"2025-08", "2025-09", "2025-10"}, periods); diff != "" {
		t.Errorf("periods (-want +got):\n%s", diff)
	}
	if r.Total != 4 || len(r.Events) != 2 {
		t.Errorf("total %d, %d events; want 4 in all and the first 2", r.Total, len(r.Events))
	}
}

func TestAPISearch(t *testing.T) {
	h := fixtureHandler(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"humanitarian", []string{"damascus-aid-0"}},
		{"HUMANITARIAN aid", []string{"damascus-aid-0"}},
		{"human*", []string{"damascus-aid-0"}},
		{`"fuel`, []string{"tehran-fuel-0"}}, // FTS5 syntax in input is not an error
		{"fuel OR trade", []string{}},        // operators are words, all required
		{"NEAR(", []string{}},
		{"nothing-matches-this", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			var r struct {
				Events []parley.Event `json:"events"`
			}
			getJSON(t, h, "/api/search?q="+url.QueryEscape(tt.q), http.StatusOK, &r)
			if diff := cmp.Diff(tt.want, eventIDs(r.Events)); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIActor(t *testing.T) {
	h := fixtureHandler(t)
	tests := []struct {
		code, query, kind string
		events            int
		counterparts      []string
		roles             bool
	}{
		{"RUS", "RUS", "country", 6, []string{"SYR", "IRN", "NATO"}, false},
		{"Russia", "RUS", "country", 6, []string{"SYR", "IRN", "NATO"}, false},
		{"Sergei%20Lavrov", "Sergey Lavrov", "person", 1, []string{"SYR"}, true},
		{"NATO", "NATO", "org", 1, []string{"RUS"}, false},
		{"QAT", "QAT", "country", 0, []string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			var p Profile
			getJSON(t, h, "/api/actors/"+tt.code, http.StatusOK, &p)
			if p.Query != tt.query || p.Kind != tt.kind || p.Events != tt.events {
				t.Errorf("query %q kind %q events %d, want %q %q %d", p.Query, p.Kind, p.Events, tt.query, tt.kind, tt.events)
			}
			var cps []string
			for _, c := range p.Counterparts {
				cps = append(cps, c.Actor)
			}
			if cps == nil {
				cps = []string{}
			}
			if diff := cmp.Diff(tt.counterparts, cps); diff != "" {
				t.Errorf("counterparts (-want +got):\n%s", diff)
			}
			if tt.roles != (len(p.Roles) > 0) {
				t.Errorf("roles %+v, want some: %v", p.Roles, tt.roles)
			}
			if len(p.Recent) != min(p.Events, 50) {
				t.Errorf("%d recent events, want %d", len(p.Recent), min(p.Events, 50))
			}
		})
	}
	// Without a knowledge base the store is asked as is.
	s, err := New(openStore(t, fixtureBatches(t)), nil, nil, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var p Profile
	getJSON(t, s.Handler(), "/api/actors/RUS", http.StatusOK, &p)
	if p.Kind != "" || p.Events != 6 {
		t.Errorf("without kb: kind %q events %d, want \"\" and 6", p.Kind, p.Events)
	}
}

func TestAPIStats(t *testing.T) {
	h := fixtureHandler(t)
	var st struct {
		Articles   int      `json:"articles"`
		Events     int      `json:"events"`
		Categories []string `json:"categories"`
		Ingest     bool     `json:"ingest"`
	}
	getJSON(t, h, "/api/stats", http.StatusOK, &st)
	if st.Articles != 4 || st.Events != 8 || !slices.Contains(st.Categories, "CONSULT") || st.Ingest {
		t.Errorf("stats %+v, want 4 articles, 8 events, the categories, ingest off", st)
	}
}

func TestAPIPlaces(t *testing.T) {
	h := fixtureHandler(t)
	var r placesAnswer
	getJSON(t, h, "/api/places", http.StatusOK, &r)
	var got []string
	for _, p := range r.Places {
		got = append(got, p.Name)
	}
	if diff := cmp.Diff([]string{"Damascus", "Moscow"}, got); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	if r.Located != 4 || r.Total != 8 {
		t.Errorf("located %d of %d, want 4 of 8", r.Located, r.Total)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := fixtureHandler(t)
	for _, target := range []string{"/", "/network", "/dyad", "/map", "/actors/RUS", "/events/hostile-1-0",
		"/api/events", "/api/nothing", "/static/app.css", "/static/js/common.js", "/static/nothing.js", "/nothing"} {
		t.Run(target, func(t *testing.T) {
			res, _ := do(t, h, http.MethodGet, target, nil, nil)
			got := res.Header.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
				if !strings.Contains(got, want) {
					t.Errorf("CSP %q lacks %q", got, want)
				}
			}
			if strings.Contains(got, "unsafe") {
				t.Errorf("CSP %q allows something unsafe", got)
			}
			if v := res.Header.Get("X-Content-Type-Options"); v != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", v)
			}
			if v := res.Header.Get("Referrer-Policy"); v != "no-referrer" {
				t.Errorf("Referrer-Policy %q", v)
			}
		})
	}
}

// extractIngester is the Ingester the command wires: the real article
// readers and extraction pipeline, into store.
func extractIngester(t *testing.T, store parley.Store) Ingester {
	p, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	return func(ctx context.Context, body io.Reader, contentType, name string) (any, []string, error) {
		if name == "" {
			name = "upload.jsonl"
		}
		var problems []string
		read := func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
			return article.NewReader(article.Options{}).ReadOne(ctx, name, body, yield, report)
		}
		sum, err := p.Ingest(ctx, store, read, extract.IngestOptions{Workers: 1,
			Report: func(err error) { problems = append(problems, err.Error()) }})
		return sum, problems, err
	}
}

func TestAPIIngest(t *testing.T) {
	store := openStore(t)
	ingest := extractIngester(t, store)
	const upload = `{"id": "up-1", "published": "2025-07-15", "text": "Russian Foreign Minister Sergey Lavrov met Syrian President Ahmed al-Sharaa in Moscow on Tuesday."}` + "\n" + `{"id": 5, "broken`
	tests := []struct {
		name   string
		token  string // the server's
		ingest Ingester
		auth   string
		status int
	}{
		{"disabled", "", ingest, "Bearer secret", 404},
		{"no ingester", "secret", nil, "Bearer secret", 404},
		{"no token", "secret", ingest, "", 403},
		{"not bearer", "secret", ingest, "Basic c2VjcmV0", 403},
		{"wrong token", "secret", ingest, "Bearer guess", 401},
		{"prefix of token", "secret", ingest, "Bearer secre", 401},
		{"right token", "secret", ingest, "Bearer secret", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newTestServer(t, store, tt.ingest, Config{IngestToken: tt.token}).Handler()
			hdr := http.Header{"Content-Type": {"application/x-ndjson"}}
			if tt.auth != "" {
				hdr.Set("Authorization", tt.auth)
			}
			res, b := do(t, h, http.MethodPost, "/api/articles?name=upload.jsonl", strings.NewReader(upload), hdr)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body %s", res.StatusCode, tt.status, b)
			}
			if tt.status != 200 {
				var e apiError
				if err := json.Unmarshal(b, &e); err != nil || e.Status != tt.status {
					t.Errorf("body %s, want a JSON error with status %d", b, tt.status)
				}
				return
			}
			var r struct {
				Summary  extract.Summary `json:"summary"`
				Problems []string        `json:"problems"`
			}
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			if r.Summary.New != 1 || r.Summary.Events == 0 || len(r.Problems) != 1 {
				t.Errorf("answer %s, want 1 new article with events and 1 problem", b)
			}
			var page struct {
				Events []parley.Event `json:"events"`
			}
			getJSON(t, h, "/api/events?doc=up-1", http.StatusOK, &page)
			if len(page.Events) != r.Summary.Events {
				t.Errorf("%d events stored for up-1, summary says %d", len(page.Events), r.Summary.Events)
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		h := newTestServer(t, store, ingest, Config{IngestToken: "secret", MaxUpload: 64}).Handler()
		hdr := http.Header{"Authorization": {"Bearer secret"}}
		res, b := do(t, h, http.MethodPost, "/api/articles", strings.NewReader(upload), hdr)
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413; body %s", res.StatusCode, b)
		}
	})
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"talks", `"talks"`},
		{"peace  talks", `"peace" "talks"`},
		{"negotiat*", `"negotiat"*`},
		{`"quoted phrase"`, `"quoted" "phrase"`},
		{`a"b`, `"ab"`},
		{"-- ...", ""},
		{"NEAR(x y)", `"NEAR(x" "y)"`},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
