package actor

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func mustDefault(t testing.TB) *KB {
	t.Helper()
	kb, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return kb
}

func TestDefaultLoads(t *testing.T) {
	kb := mustDefault(t)
	if n := len(kb.countries); n < 240 {
		t.Errorf("countries: got %d, want at least 240", n)
	}
	if n := len(kb.orgs); n < 60 {
		t.Errorf("orgs: got %d, want at least 60", n)
	}
	if n := len(kb.people); n < 40 {
		t.Errorf("people: got %d, want at least 40", n)
	}
	for _, c := range kb.countries {
		if !isCode(c.Alpha3, 3) || !isCode(c.Alpha2, 2) || c.Name == "" {
			t.Errorf("country %+v lacks a code or name", c)
		}
	}
}

func TestLoadReportsEveryError(t *testing.T) {
	fsys := fstest.MapFS{
		"countries.tsv": {Data: []byte("alpha3\talpha2\tname\taliases\tadjectives\tcapitals\n" +
			"SYR\tSY\tSyria\t\tSyrian\tDamascus\n" +
			"sy\tXX\tBad\n" + // line 3: bad alpha3
			"LBN\tLB\tLebanon\t\tSyrian\n")}, // line 4: adjective of two countries
		"orgs.tsv": {Data: []byte("org\tcode\tsector\taliases\n" +
			"UN\tIGO\tIGO\tUnited Nations\n" +
			"Club\tZZZ\tNGO\n")}, // line 3: unknown code
		"people.tsv": {Data: []byte("# comment\nname\taliases\tcode\tsector\ttitle\torg\tvalid_from\tvalid_to\n" +
			"A B\t\tSYR\tGOV\tpresident\t\t2024-13-01\n" + // line 3: bad date
			"C D\t\tSYR\tGOV\tpresident\tNope\n" + // line 4: unknown org
			"E F\t\tSYR\tGOV\tpresident\t\t2025-01-01\t2024-01-01\n")}, // line 5: ends before start
		"agents.tsv": {Data: []byte("agent\tsector\tperson\taliases\n" +
			"troops\tMIL\tmaybe\n" + // line 2: bad flag
			"army\tMIL\tno\t\textra\n")}, // line 3: too many fields
		"homelands.tsv": {Data: []byte("name\tcode\n" +
			"Darfur\tSDN\n" + // SDN is not in this test's countries: line 2
			"\tSYR\n" + // line 3: no name
			"Idlib\tSYR\n" +
			"Idlib\tSYR\n")}, // line 5: listed twice
	}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("Load: no error for broken data")
	}
	for _, want := range []string{
		"countries.tsv:3:", `"Syrian" belongs to both SYR and LBN`,
		"orgs.tsv:3:", "people.tsv:3:", "people.tsv:4:", "people.tsv:5:",
		"agents.tsv:2:", "agents.tsv:3:",
		"homelands.tsv:2:", "homelands.tsv:3:", "homelands.tsv:5:",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load error lacks %q; got:\n%v", want, err)
		}
	}
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) || len(joined.Unwrap()) < 8 {
		t.Errorf("Load: want every error joined, got %v", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if err == nil || !strings.Contains(err.Error(), "countries.tsv") || !strings.Contains(err.Error(), "people.tsv") {
		t.Errorf("Load(empty) = %v, want errors naming every missing table", err)
	}
}

func TestExtraMerges(t *testing.T) {
	kb := mustDefault(t)
	tests := []struct {
		code, name string
		adjective  string // must be present
		notAdj     string // must be absent
	}{
		{"ARE", "United Arab Emirates", "Emirati", "Emirian"},
		{"YEM", "Yemen", "Yemeni", "Yemenite"},
		{"SYR", "Syria", "Syrian", ""},
		{"XKX", "Kosovo", "Kosovar", ""},
		{"WLF", "Wallis and Futuna", "", "Welsh"},
	}
	for _, tc := range tests {
		c, ok := kb.Country(tc.code)
		if !ok {
			t.Errorf("Country(%s) missing", tc.code)
			continue
		}
		if c.Name != tc.name {
			t.Errorf("%s name = %q, want %q", tc.code, c.Name, tc.name)
		}
		if tc.adjective != "" && !slices.Contains(c.Adjectives, tc.adjective) {
			t.Errorf("%s adjectives %q lack %q", tc.code, c.Adjectives, tc.adjective)
		}
		if tc.notAdj != "" && slices.Contains(c.Adjectives, tc.notAdj) {
			t.Errorf("%s adjectives %q still hold %q", tc.code, c.Adjectives, tc.notAdj)
		}
	}
}

func TestPeopleRolesValid(t *testing.T) {
	kb := mustDefault(t)
	for _, name := range []string{"Vladimir Putin", "Sergey Lavrov", "Andrei Belousov", "Sergei Shoigu", "Alexander Lavrentiev",
		"Ahmed al-Sharaa", "Bashar al-Assad", "Asaad al-Shibani", "Marhaf Abu Qasra", "Ali Khamenei", "Masoud Pezeshkian",
		"Abbas Araghchi", "Ali Larijani", "Mohammad Bagher Ghalibaf", "Benjamin Netanyahu", "Donald Trump", "Antonio Guterres"} {
		if _, ok := kb.Person(name); !ok {
			t.Errorf("Person(%q) missing", name)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S.", "us"}, {"Erdoğan", "erdogan"}, {"Al-Sharaa", "al-sharaa"}, {"Israel\u2019s", "israel's"},
		{"  New   York ", "new york"}, {"Médecins Sans Frontières", "medecins sans frontieres"}, {"Ł\u00f3dź", "lodz"},
		{"Hay`at", "hay'at"}, {"syria", "syria"},
	}
	for _, tc := range tests {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// heads are the titles of heads of state or government.
var heads = map[string]bool{"president": true, "prime minister": true, "king": true, "queen": true, "emir": true,
	"sultan": true, "chancellor": true, "supreme leader": true, "acting president": true, "emperor": true,
	"chairman of the Presidential Leadership Council": true, "chairman of the Sovereignty Council": true,
	"chairman of the Presidential Council": true}

func TestCoverage(t *testing.T) {
	kb := mustDefault(t)
	g20 := []string{"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
	mena := []string{"DZA", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "OMN", "PSE", "QAT", "SAU", "SYR", "TUN", "TUR", "ARE", "YEM"}
	holds := func(code string, on time.Time, fits func(string) bool) bool {
		for _, p := range kb.people {
			for _, r := range p.Roles {
				if r.Code == code && r.ValidOn(on) && fits(r.Title) {
					return true
				}
			}
		}
		return false
	}
	for _, code := range slices.Concat(g20, mena) {
		if _, ok := kb.Country(code); !ok {
			t.Errorf("%s is not a country", code)
		}
		for _, d := range []string{"2025-06-01", "2019-06-01"} {
			if !holds(code, day(d), func(title string) bool { return heads[title] }) {
				t.Errorf("%s: no head of state or government on %s", code, d)
			}
		}
		if !holds(code, day("2025-06-01"), func(title string) bool {
			return kb.office(title) == "foreign minister" || title == "secretary of state" || title == "acting foreign minister"
		}) {
			t.Errorf("%s: no foreign minister on 2025-06-01", code)
		}
	}
	// the EU
	for _, org := range []string{"European Commission", "EU"} {
		if _, ok := kb.Org(org); !ok {
			t.Errorf("org %s missing", org)
		}
	}
}

func TestHolder(t *testing.T) {
	kb := mustDefault(t)
	tests := []struct {
		code, office, day, want string
	}{
		{"SYR", "president", "2024-12-01", "Bashar al-Assad"},
		{"SYR", "president", "2025-01-01", "Ahmed al-Sharaa"},
		{"USA", "defense secretary", "2025-06-01", "Pete Hegseth"},
		{"USA", "defence minister", "2022-06-01", "Lloyd Austin"},
		{"GBR", "foreign secretary", "2025-06-01", "David Lammy"},
		{"IRN", "foreign minister", "2023-01-01", "Hossein Amir-Abdollahian"},
		{"RUS", "defence minister", "2023-01-01", "Sergei Shoigu"},
		{"SYR", "president", "", ""},
		{"ATA", "president", "2025-01-01", ""},
	}
	for _, tc := range tests {
		p, _, ok := kb.Holder(tc.code, tc.office, day(tc.day))
		if got := p.Name; got != tc.want || ok != (tc.want != "") {
			t.Errorf("Holder(%s, %s, %s) = %q, %v; want %q", tc.code, tc.office, tc.day, got, ok, tc.want)
		}
	}
}

func TestLoadRefusesOverlapsAndDuplicates(t *testing.T) {
	base := fstest.MapFS{
		"countries.tsv": {Data: []byte("alpha3\talpha2\tname\taliases\tadjectives\tcapitals\nSYR\tSY\tSyria\t\tSyrian\tDamascus\n")},
		"orgs.tsv":      {Data: []byte("org\tcode\tsector\taliases\nUN\tIGO\tIGO\n")},
		"agents.tsv":    {Data: []byte("agent\tsector\tperson\taliases\nforeign minister\tGOV\tyes\tforeign secretary\n")},
	}
	tests := []struct {
		name, people string
		want         []string
	}{
		{"overlapping terms of one office",
			"A B\t\tSYR\tGOV\tforeign minister\t\t2020-01-01\t2022-01-01\n" +
				"C D\t\tSYR\tGOV\tforeign secretary\t\t2021-06-01\t\n",
			[]string{"people.tsv:3:", "C D", "overlaps A B's term (line 2)"}},
		{"an open term overlapping a later one",
			"A B\t\tSYR\tGOV\tforeign minister\t\t2020-01-01\t\n" +
				"C D\t\tSYR\tGOV\tforeign minister\t\t2024-01-01\t\n",
			[]string{"people.tsv:3:", "overlaps A B's term"}},
		{"duplicate row",
			"A B\t\tSYR\tGOV\tforeign minister\t\t2020-01-01\t2022-01-01\n" +
				"A B\t\tSYR\tGOV\tforeign minister\t\t2020-01-01\t2022-01-01\n",
			[]string{"people.tsv:3:", "the same role as line 2"}},
		{"unknown country code",
			"A B\t\tXYZ\tGOV\tforeign minister\t\t2020-01-01\t\n",
			[]string{"people.tsv:2:", `code "XYZ"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := maps.Clone(base)
			fsys["people.tsv"] = &fstest.MapFile{Data: []byte("name\taliases\tcode\tsector\ttitle\torg\tvalid_from\tvalid_to\n" + tc.people)}
			_, err := Load(fsys)
			if err == nil {
				t.Fatal("Load: no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load error lacks %q; got:\n%v", w, err)
				}
			}
		})
	}
	// a handover on one day is not an overlap
	fsys := maps.Clone(base)
	fsys["people.tsv"] = &fstest.MapFile{Data: []byte("name\taliases\tcode\tsector\ttitle\torg\tvalid_from\tvalid_to\n" +
		"A B\t\tSYR\tGOV\tforeign minister\t\t2020-01-01\t2022-01-01\nC D\t\tSYR\tGOV\tforeign minister\t\t2022-01-01\t\n")}
	if _, err := Load(fsys); err != nil {
		t.Errorf("Load with a same-day handover: %v", err)
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
