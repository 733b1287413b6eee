package article

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

// benchParagraphs makes n paragraphs of made-up news prose.
func benchParagraphs(n int) []string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("Officials from the two governments met on day %d to discuss the ceasefire, "+
			"the exchange of prisoners and the reopening of the border crossing, a spokesman said. "+
			"Talks are expected to resume next week in the capital, according to the statement.", i)
	}
	return ps
}

func BenchmarkReadJSONL(b *testing.B) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i := range 200 {
		rec := map[string]any{
			"id": fmt.Sprintf("doc-%d", i), "published": "2025-10-22", "title": "Talks resume",
			"text": strings.Join(benchParagraphs(8), "\n\n"), "lang": "en", "score": 0.5,
		}
		if err := enc.Encode(rec); err != nil {
			b.Fatal(err)
		}
	}
	data := in.Bytes()
	benchRead(b, "bench.jsonl", data, 200)
}

func BenchmarkHTML(b *testing.B) {
	var page strings.Builder
	page.WriteString(`<!DOCTYPE html><html><head><title>Talks resume</title>
<meta property="article:published_time" content="2025-10-22T08:00:00Z">
<script>var a = 1;</script><style>p { margin: 0 }</style></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<article><h1>Talks resume</h1>`)
	for _, p := range benchParagraphs(60) {
		fmt.Fprintf(&page, "<p>%s <a href=\"/x\">More</a> &amp; <em>more</em>.</p>\n", p)
	}
	page.WriteString(`</article><aside>Most read</aside><footer>Copyright</footer></body></html>`)
	benchRead(b, "bench.html", []byte(page.String()), 1)
}

func BenchmarkFeed(b *testing.B) {
	var feed strings.Builder
	feed.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>`)
	for i := range 50 {
		fmt.Fprintf(&feed, "<item><guid>g%d</guid><pubDate>Wed, 22 Oct 2025 08:30:00 GMT</pubDate><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>\n",
			i, strings.Join(benchParagraphs(4), "</p><p>"))
	}
	feed.WriteString(`</channel></rss>`)
	benchRead(b, "bench.xml", []byte(feed.String()), 50)
}

func benchRead(b *testing.B, name string, data []byte, want int) {
	r := NewReader(Options{})
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := r.ReadOne(ctx, name, bytes.NewReader(data),
			func(parley.Article) error { n++; return nil },
			func(e *Error) { b.Fatalf("reported %v", e) })
		if err != nil || n != want {
			b.Fatalf("ReadOne = %v with %d articles, want %d", err, n, want)
		}
	}
}
