package date

import (
	"testing"
	"time"

	"github.com/parley-events/parley/sentence"
)

func FuzzResolve(f *testing.F) {
	for _, c := range readCases(f) {
		f.Add(c.sentence, c.published.Unix())
	}
	f.Add(story, day("2025-08-01").Unix())
	f.Add("Sept. 15–20, 2025 and 2/30/2025, 9999-99-99, the '00s", int64(0))
	r := mustResolver(f)
	sp := sentence.NewSplitter()
	f.Fuzz(func(t *testing.T, text string, pubUnix int64) {
		var pub time.Time
		if pubUnix != 0 {
			pub = time.Unix(pubUnix%(200*365*86400), 0).UTC()
		}
		prev := 0
		for _, x := range r.Resolve(text, sp.Split(text), pub) {
			if x.Span.Start < prev || x.Span.Start >= x.Span.End || x.Span.End > len(text) {
				t.Fatalf("span %v out of order or bounds (previous end %d, text %d bytes)", x.Span, prev, len(text))
			}
			prev = x.Span.End
			if x.Range != nil && x.Range.End.Before(x.Range.Start) {
				t.Fatalf("%q: range %v ends before it starts", x.Span.In(text), x.Range)
			}
		}
		r.InferPublished(text, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
		r.InferPublished(text, time.Time{})
	})
}

func BenchmarkResolve(b *testing.B) {
	r := mustResolver(b)
	sp := sentence.NewSplitter()
	sents := sp.Split(story)
	pub := day("2025-08-01")
	b.SetBytes(int64(len(story)))
	b.ReportAllocs()
	for b.Loop() {
		r.Resolve(story, sents, pub)
	}
}
