package extract

import (
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

func TestDropDatelines(t *testing.T) {
	tests := []struct {
		name, text, mention string
		kept                bool
	}{
		{"agency", "LONDON (Reuters) - An explosion in Shiraz injured 37 people.", "Reuters", false},
		{"place and agency", "LONDON (Reuters) - An explosion in Shiraz injured 37 people.", "LONDON", false},
		{"state and agency", "NEWARK, N.J. (AP) - United Airlines has apologized.", "AP", false},
		{"dash only", "BEIRUT — A cease-fire unraveled on Wednesday.", "BEIRUT", false},
		{"no dash: an actor", "NATO Secretary General Mark Rutte arrived.", "NATO", true},
		{"no dash: a country", "US President Joe Biden spoke.", "US", true},
		{"story after the dateline", "LONDON (Reuters) - Iran said it would retaliate.", "Iran", true},
		{"not at a line start", "Talks in LONDON (Reuters reported) - went on.", "LONDON", true},
		{"headline in capitals", "IRAN WARNS US OVER STRIKES", "IRAN", true},
		{"sentence start", "Russia hosted the talks.", "Russia", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := -1
			for i := 0; i+len(tt.mention) <= len(tt.text); i++ {
				if tt.text[i:i+len(tt.mention)] == tt.mention {
					start = i
					break
				}
			}
			if start < 0 {
				t.Fatalf("%q not in %q", tt.mention, tt.text)
			}
			ms := []parley.Mention{{Span: parley.Span{Start: start, End: start + len(tt.mention)}}}
			got := len(dropDatelines(tt.text, ms)) == 1
			if got != tt.kept {
				t.Errorf("dropDatelines(%q) keeps %q = %v, want %v", tt.text, tt.mention, got, tt.kept)
			}
		})
	}
}

func TestBareDateline(t *testing.T) {
	tests := []struct {
		name, text, mention string
		kind                parley.MentionKind
		kept                bool
	}{
		{"a capital in capitals before a name", "WASHINGTON Barack Obama said Russia attacked.", "WASHINGTON", parley.MentionCapital, false},
		{"on a later line", "Headline\nMOSCOW Vladimir Putin spoke.", "MOSCOW", parley.MentionCapital, false},
		{"written normally", "Moscow Mayor Sergei Sobyanin spoke.", "Moscow", parley.MentionCapital, true},
		{"before a lower-case word", "MOSCOW says no.", "MOSCOW", parley.MentionCapital, true},
		{"a headline in capitals", "MOSCOW WARNS KYIV", "MOSCOW", parley.MentionCapital, true},
		{"a country, not a capital", "IRAN Foreign Minister Abbas Araghchi spoke.", "IRAN", parley.MentionCountry, true},
		{"not at a line start", "Talks with WASHINGTON Post reporters.", "WASHINGTON", parley.MentionCapital, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, tt.mention)
			ms := []parley.Mention{{Span: parley.Span{Start: start, End: start + len(tt.mention)}, Kind: tt.kind}}
			if got := len(dropDatelines(tt.text, ms)) == 1; got != tt.kept {
				t.Errorf("dropDatelines(%q) keeps %q = %v, want %v", tt.text, tt.mention, got, tt.kept)
			}
		})
	}
}
