package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

func TestActorDetail(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	span := func(text, s string, nth int) parley.Span {
		at := 0
		for range nth {
			at += strings.Index(text[at:], s) + 1
		}
		i := at + strings.Index(text[at:], s)
		return parley.Span{Start: i, End: i + len(s)}
	}
	horta := parley.Actor{Code: "TLS", Sector: "GOV", Name: "José Ramos-Horta", Title: "President"}
	// Non-ASCII text before the spans: aliases are cut by byte offsets.
	t1 := "Élysée: Timorese President José Ramos-Horta met the Red Cross. Ramos-Horta and the ICRC agreed; Timor’s army stood by."
	a1 := parley.Article{Key: "k1", Doc: "d1", Text: t1, Published: day(3, 2)}
	m1 := []parley.Mention{
		{Span: span(t1, "Timorese President José Ramos-Horta", 0), Kind: parley.MentionPerson, Actor: horta},
		{Span: span(t1, "Red Cross", 0), Kind: parley.MentionOrg, Actor: parley.Actor{Code: "NGO", Sector: "NGO", Org: "ICRC"}},
		{Span: span(t1, "Ramos-Horta", 1), Kind: parley.MentionPerson, Actor: horta},
		{Span: span(t1, "ICRC", 0), Kind: parley.MentionOrg, Actor: parley.Actor{Code: "NGO", Sector: "NGO", Org: "ICRC"}},
		{Span: span(t1, "Timor’s army", 0), Kind: parley.MentionGroup, Actor: parley.Actor{Code: "TLS", Sector: "MIL"}},
	}
	l1 := []parley.Learned{{Name: "José Ramos-Horta", Role: parley.Role{Code: "TLS", Sector: "GOV", Title: "President", ValidFrom: day(3, 2)},
		Evidence: parley.Span{Start: 0, End: strings.Index(t1, ".") + 1}}}
	t2 := "Ramos-Horta visited Timor-Leste."
	a2 := parley.Article{Key: "k2", Doc: "d2", Text: t2, Published: day(3, 9)}
	m2 := []parley.Mention{
		{Span: span(t2, "Ramos-Horta", 0), Kind: parley.MentionPerson, Actor: horta},
		{Span: span(t2, "Timor-Leste", 0), Kind: parley.MentionCountry, Actor: parley.Actor{Code: "TLS", Sector: "GOV"}},
	}
	t3 := "Envoy Ana Pessoa spoke."
	a3 := parley.Article{Key: "k3", Doc: "d3", Text: t3}
	l3 := []parley.Learned{{Name: "Ana Pessoa", Role: parley.Role{Code: "TLS", Sector: "GOV", Title: "Envoy"}, Evidence: parley.Span{Start: 0, End: len(t3)}}}
	for _, d := range []*parley.Document{
		{Article: &a1, Mentions: m1, Learned: l1},
		{Article: &a2, Mentions: m2},
		{Article: &a3, Learned: l3},
	} {
		if _, err := db.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	learnedHorta := l1[0]
	learnedHorta.Article, learnedHorta.Doc, learnedHorta.EvidenceText = a1.Key, a1.Doc, learnedHorta.Evidence.In(t1)
	learnedPessoa := l3[0]
	learnedPessoa.Article, learnedPessoa.Doc, learnedPessoa.EvidenceText = a3.Key, a3.Doc, t3

	tests := []struct {
		name string
		want *ActorDetail
	}{
		{"josé RAMOS-HORTA", &ActorDetail{
			ActorSummary: parley.ActorSummary{Key: "person:José Ramos-Horta", Code: "TLS", Sector: "GOV", Name: "José Ramos-Horta", Title: "President",
				Mentions: 3, Articles: 2, FirstSeen: day(3, 2), LastSeen: day(3, 9), Learned: true},
			Aliases: []Alias{{"Ramos-Horta", 2}, {"Timorese President José Ramos-Horta", 1}},
			Learned: []parley.Learned{learnedHorta},
		}},
		{"icrc", &ActorDetail{
			ActorSummary: parley.ActorSummary{Key: "org:ICRC", Code: "NGO", Sector: "NGO", Org: "ICRC", Mentions: 2, Articles: 1, FirstSeen: day(3, 2), LastSeen: day(3, 2)},
			Aliases:      []Alias{{"ICRC", 1}, {"Red Cross", 1}},
		}},
		{"TLS", &ActorDetail{ // every sector: the army and the state; the latest is the state
			ActorSummary: parley.ActorSummary{Key: "code:TLS", Code: "TLS", Sector: "GOV", Mentions: 2, Articles: 2, FirstSeen: day(3, 2), LastSeen: day(3, 9)},
			Aliases:      []Alias{{"Timor-Leste", 1}, {"Timor’s army", 1}},
		}},
		{"Ana Pessoa", &ActorDetail{ // learned, never mentioned
			ActorSummary: parley.ActorSummary{Key: "person:Ana Pessoa", Code: "TLS", Sector: "GOV", Name: "Ana Pessoa", Title: "Envoy", Learned: true},
			Learned:      []parley.Learned{learnedPessoa},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.ActorDetail(ctx, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ActorDetail(%q) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
	if _, err := db.ActorDetail(ctx, "Nobody"); !errors.Is(err, parley.ErrNotFound) || !strings.Contains(err.Error(), "Nobody") {
		t.Errorf("ActorDetail(Nobody) error = %v, want one naming it and wrapping ErrNotFound", err)
	}
}
