package actor

import (
	"strings"
	"testing"
)

// The phrase index finds what the string maps it replaced found: the
// longest key at each unit, however the text's tokens cut it, and no key
// a run only shares a prefix or a hash prefix with.
func TestPhraseIndex(t *testing.T) {
	names := map[string]int{"united states": 0, "us": 1, "al-qaeda": 2, "united": 3}
	agents := map[string]int{"foreign minister": 0, "foreign ministers": 1, "troops": 2}
	homes := map[string]int{"darfur": 0}
	r := &Recognizer{index: newPhraseIndex(names, agents, homes)}
	tests := []struct {
		text string
		flag uint32
		want string // the longest phrase from the first unit; "" for none
	}{
		{"United States troops", namePrefix, "united states"},
		{"United Nations", namePrefix, "united"},
		{"U.S. officials", namePrefix, "us"},
		{"Al-Qaeda's leader", namePrefix, "al-qaeda"},
		{"Al - Qaeda", namePrefix, ""},
		{"Unite", namePrefix, ""},
		{"Foreign Ministers met", agentPrefix, "foreign ministers"},
		{"foreign ministry", agentPrefix, ""},
		{"troops", namePrefix, ""},
		{"Darfur rebels", homePrefix, "darfur"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var keys strings.Builder
			var us []unit
			for _, s := range tokenize(tc.text) {
				us = r.units(tc.text, s.Tokens, us, &keys)
			}
			got := ""
			var h uint64
			spaced := false
			for j := range us {
				v := us[j].px
				spaced = spaced || j > 0 && us[j].gap || us[j].spaced
				if j == 0 {
					h = us[j].hash
				} else {
					h = joinHash(h, &us[j])
					v = r.index.get(h, spaced)
				}
				if v&tc.flag == 0 {
					break
				}
				if p := r.index.phraseAt(v, us[:j+1]); p != nil {
					if k := runKey(us[:j+1]); p.key != k {
						t.Fatalf("phrase %q for the run %q", p.key, k)
					}
					got = p.key
				}
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func runKey(us []unit) string {
	key := ""
	for j, u := range us {
		key = joinKey(key, u, j == 0)
	}
	return key
}
