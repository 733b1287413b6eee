package plover

import (
	"strings"
	"testing"
)

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// A sentence-sized token list, as the event coder passes per sentence.
var benchNorms = strings.Fields(`syrian troops and russian aircraft struck rebel positions near the turkish
border on tuesday , the foreign ministry said , as un envoys pressed for a ceasefire and aid convoys
waited to deliver food to displaced families .`)

func BenchmarkContexts(b *testing.B) {
	c := book(b)
	n := 0
	for _, t := range benchNorms {
		n += len(t) + 1
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		c.Contexts(benchNorms)
	}
}

func BenchmarkFromCAMEO(b *testing.B) {
	c := book(b)
	codes := []string{"042", "1123", "0315", "195", "2043", "010"}
	b.ReportAllocs()
	for b.Loop() {
		for _, code := range codes {
			c.FromCAMEO(code)
		}
	}
}
