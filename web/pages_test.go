package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestPagesRender loads every page and checks what it must show.
func TestPagesRender(t *testing.T) {
	h := fixtureHandler(t)
	tests := []struct {
		target string
		status int
		want   []string
	}{
		{"/", 200, []string{"<h1>Events</h1>", `<option>CONSULT</option>`, `src="/static/js/events.js"`}},
		{"/network", 200, []string{`src="/static/vendor/cytoscape.min.js"`, `id="graph"`}},
		{"/dyad", 200, []string{`id="chart"`, `src="/static/js/dyad.js"`}},
		{"/map", 200, []string{`href="/static/vendor/leaflet.css"`, `src="/static/vendor/leaflet.js"`}},
		{"/actors/RUS", 200, []string{"Russia", "Russian Federation", `href="/actors/SYR"`, `href="/events/damascus-aid-0"`}},
		{"/actors/Sergey%20Lavrov", 200, []string{"foreign minister", "2004-03-09", `href="/events/moscow-talks-0"`}},
		{"/events/moscow-talks-0", 200, []string{
			`<mark class="hl hl-actor" title="actor: Sergey Lavrov">Sergey Lavrov</mark>`,
			`<mark class="hl hl-event" title="event: CONSULT">met</mark>`,
			`<a href="https://news.example/moscow-talks" rel="noreferrer noopener">source</a>`}},
		{"/events/no-such-event", 404, []string{"not found"}},
		{"/events/bad%20id", 400, []string{"not an event ID"}},
		{"/actors/%3Cb%3E", 400, []string{"code"}},
		{"/static/vendor/README.md", 200, []string{"cytoscape", "3.34.4", "BSD-2-Clause"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res, b := do(t, h, http.MethodGet, tt.target, nil, nil)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
	res, _ := do(t, h, http.MethodGet, "/actors/?code=Sergey+Lavrov", nil, nil)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/actors/Sergey%20Lavrov" {
		t.Errorf("actor box: status %d Location %q, want 303 to /actors/Sergey%%20Lavrov", res.StatusCode, loc)
	}
}

// TestHostileText checks that the hostile article's markup never reaches a
// page as markup: the sentence, title, source and URL are all escaped or
// dropped on every page that shows them.
func TestHostileText(t *testing.T) {
	h := fixtureHandler(t)
	bad := []string{"<script>window", "<img", "<b onmouseover", "<a href=\"javascript", `href="javascript`,
		"onerror=\"window", "window.__pwned=5"}
	for _, target := range []string{"/events/hostile-1-0", "/actors/IRN", "/actors/SYR", "/actors/Iran", "/"} {
		t.Run(target, func(t *testing.T) {
			res, b := do(t, h, http.MethodGet, target, nil, nil)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			page := string(b)
			for _, s := range bad {
				if strings.Contains(page, s) {
					i := strings.Index(page, s)
					t.Errorf("page contains %q unescaped: …%s…", s, page[max(0, i-60):min(len(page), i+60)])
				}
			}
			if target == "/events/hostile-1-0" {
				for _, want := range []string{"&lt;script&gt;window.__pwned=1&lt;/script&gt;", "&lt;img src=x onerror=",
					"&lt;script&gt;window.__pwned=4&lt;/script&gt;Hostile"} {
					if !strings.Contains(page, want) {
						t.Errorf("page lacks the escaped text %q", want)
					}
				}
			}
		})
	}
}
