package actor

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
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
	}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("Load: no error for broken data")
	}
	for _, want := range []string{
		"countries.tsv:3:", `"Syrian" belongs to both SYR and LBN`,
		"orgs.tsv:3:", "people.tsv:3:", "people.tsv:4:", "people.tsv:5:",
		"agents.tsv:2:", "agents.tsv:3:",
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
