package actor

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/data"
)

// resolveCases are texts of several sentences: within-article resolution.
var resolveCases = []struct {
	name, text, day string
	want            []string
}{
	{"title after country resolves in the article",
		"Syrian Foreign Minister Asaad al-Shibani met Sergey Lavrov. The Syrian foreign minister thanked him.", "2025-08-01",
		[]string{`"Syrian Foreign Minister Asaad al-Shibani" person SYR GOV name=Asaad al-Shibani`, `"Sergey Lavrov" person RUS GOV name=Sergey Lavrov`,
			`"Syrian foreign minister" person SYR GOV name=Asaad al-Shibani`}},
	{"possessive title resolves from the KB by date", "Syria's foreign minister arrived.", "2025-08-01",
		[]string{`"Syria's foreign minister" person SYR GOV name=Asaad al-Shibani`}},
	{"the same title before his term", "Syria's foreign minister arrived.", "2023-08-01",
		[]string{`"Syria's foreign minister" person SYR GOV name=Faisal Mekdad`}},
	{"plural title stays a group", "Syria's defence ministers met.", "2025-08-01", []string{`"Syria's defence ministers" group SYR MIL`}},
	{"the minister", "Russian Defence Minister Andrei Belousov arrived. The minister said talks went well.", "2025-08-01",
		[]string{`"Russian Defence Minister Andrei Belousov" person RUS MIL name=Andrei Belousov`, `"minister" person RUS MIL name=Andrei Belousov`}},
	{"the minister unknown", "The minister said talks went well.", "2025-08-01", nil},
	{"pronoun subject", "Lavrov met Al-Shibani in Moscow. He said Russia would help.", "2025-08-01",
		[]string{`"Lavrov" person RUS GOV name=Sergey Lavrov`, `"Al-Shibani" person SYR GOV name=Asaad al-Shibani`,
			`"He" person RUS GOV name=Sergey Lavrov`, `"Russia" country RUS GOV`}},
	{"pronoun after possessive subject", "Larijani's meeting with Lavrentiev came after he visited Moscow.", "2025-10-22",
		[]string{`"Larijani" person IRN GOV name=Ali Larijani 's`, `"Lavrentiev" person RUS GOV name=Alexander Lavrentiev`,
			`"he" person IRN GOV name=Ali Larijani`, `"Moscow" capital RUS GOV`}},
	{"she after an unknown Mrs is hers", "Mr Putin met Mrs Smith. Mrs Smith said she was glad.", "2025-08-01",
		[]string{`"Putin" person RUS GOV name=Vladimir Putin`}},
	{"she skips a known Mr", "Mrs Smith arrived. Mr Putin spoke, and then she left.", "2025-08-01",
		[]string{`"Putin" person RUS GOV name=Vladimir Putin`}},
	{"he skips an unknown Mrs", "Mr Putin arrived. Mrs Smith spoke. He left.", "2025-08-01",
		[]string{`"Putin" person RUS GOV name=Vladimir Putin`, `"He" person RUS GOV name=Vladimir Putin`}},
	{"honorific ends the sentence", "It was signed by Mr", "2025-08-01", nil},
	{"pronoun not in subject position", "Putin spoke. Erdogan thanked him.", "2025-08-01",
		[]string{`"Putin" person RUS GOV name=Vladimir Putin`, `"Erdogan" person TUR GOV name=Recep Tayyip Erdogan`}},
	{"two sides", "Russia and Syria signed a deal. The two sides agreed to meet.", "",
		[]string{`"Russia" country RUS GOV`, `"Syria" country SYR GOV`, `"two sides" country RUS GOV`, `"two sides" country SYR GOV`}},
	{"both countries", "Iran met Saudi Arabia. Both countries praised China.", "",
		[]string{`"Iran" country IRN GOV`, `"Saudi Arabia" country SAU GOV`, `"Both countries" country IRN GOV`, `"Both countries" country SAU GOV`, `"China" country CHN GOV`}},
	{"two countries without the", "Two countries signed.", "", nil},
	{"capital as actor", "Moscow hosted the talks.", "", []string{`"Moscow" capital RUS GOV`}},
	{"capital after at the", "They met at the White House.", "", nil},
	{"capital after from", "Troops withdrew from Damascus.", "", nil},
	{"appositive after a known person", "Ali Larijani, the Secretary of Iran's Supreme National Security Council (SNSC), met Lavrentiev.", "2025-10-22",
		[]string{`"Ali Larijani" person IRN GOV name=Ali Larijani`, `"Lavrentiev" person RUS GOV name=Alexander Lavrentiev`}},
	{"appositive after an unknown person", "Mazen al-Faraya, Jordan's interior minister, visited Damascus. Al-Faraya said the border would open.", "2025-10-01",
		[]string{`"Mazen al-Faraya" person JOR GOV name=Mazen al-Faraya`, `"Damascus" capital SYR GOV`, `"Al-Faraya" person JOR GOV name=Mazen al-Faraya`}},
	{"appositive with a body", "Karim Saleh, the head of Iran's Supreme National Security Council, spoke.", "2025-10-01",
		[]string{`"Karim Saleh" person IRN GOV name=Karim Saleh`}},
	{"appositive with an international body", "Jane Roe, the chief of the UN refugee agency, spoke.", "2025-10-01",
		[]string{`"Jane Roe" person IGO IGO name=Jane Roe org=UNHCR`}},
	{"no appositive, no person", "Hollow Point, a town, was shelled.", "", nil},
	{"counterpart copies the title", "Syrian Foreign Minister Asaad al-Shibani met his Jordanian counterpart Ayman Safadi.", "2025-08-01",
		[]string{`"Syrian Foreign Minister Asaad al-Shibani" person SYR GOV name=Asaad al-Shibani`, `"Jordanian counterpart Ayman Safadi" person JOR GOV name=Ayman Safadi`}},
	{"unknown counterpart", "Turkish Defence Minister Yasar Guler met his Libyan counterpart Salem Zubeidi.", "2025-08-01",
		[]string{`"Turkish Defence Minister Yasar Guler" person TUR MIL name=Yaşar Güler`, `"Libyan counterpart Salem Zubeidi" person LBY MIL name=Salem Zubeidi`}},
	{"counterpart without a name from the KB", "Hakan Fidan called his Russian counterpart.", "2025-08-01",
		[]string{`"Hakan Fidan" person TUR GOV name=Hakan Fidan`, `"Russian counterpart" person RUS GOV name=Sergey Lavrov`}},
	{"learned surname later", "Lebanese Defence Minister Michel Haddad arrived. Haddad met the army chief.", "2025-08-01",
		[]string{`"Lebanese Defence Minister Michel Haddad" person LBN MIL name=Michel Haddad`, `"Haddad" person LBN MIL name=Michel Haddad`}},
	{"roles follow the date: Sharaa before", "Al-Sharaa's fighters entered Aleppo.", "2024-11-30", []string{`"Al-Sharaa" person SYR REB name=Ahmed al-Sharaa org=HTS 's`}},
	{"roles follow the date: Sharaa after", "Al-Sharaa's government met.", "2025-01-30", []string{`"Al-Sharaa" person SYR GOV name=Ahmed al-Sharaa 's`}},
	{"state media", "Xinhua and Anadolu reported it, as did SANA.", "", []string{`"Xinhua" org CHN MED org=Xinhua`, `"Anadolu" org TUR MED org=Anadolu`, `"SANA" org SYR MED org=SANA`}},
}

func TestResolve(t *testing.T) {
	r := NewRecognizer(mustDefault(t))
	for _, tc := range resolveCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range r.Find(tc.text, tokenize(tc.text), day(tc.day)) {
				got = append(got, describe(tc.text, m))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestFindAllLearned(t *testing.T) {
	r := NewRecognizer(mustDefault(t))
	tests := []struct {
		name, text string
		want       []string // name code sector title | evidence
	}{
		{"title", "Jordanian Interior Minister Mazen al-Faraya visited. He left.",
			[]string{"Mazen al-Faraya JOR GOV interior minister | Jordanian Interior Minister Mazen al-Faraya visited."}},
		{"appositive", "Talks began. Karim Saleh, the head of Iran's Supreme National Security Council, spoke.",
			[]string{"Karim Saleh IRN GOV head of Supreme National Security Council | Karim Saleh, the head of Iran's Supreme National Security Council, spoke."}},
		{"counterpart", "Turkish Defence Minister Yasar Guler met his Libyan counterpart Salem Zubeidi.",
			[]string{"(known) Yaşar Güler TUR MIL defence minister | Turkish Defence Minister Yasar Guler met his Libyan counterpart Salem Zubeidi.",
				"Salem Zubeidi LBY MIL defence minister | Turkish Defence Minister Yasar Guler met his Libyan counterpart Salem Zubeidi."}},
		{"known people are only attested", "Russian Foreign Minister Sergey Lavrov spoke.",
			[]string{"(known) Sergey Lavrov RUS GOV foreign minister | Russian Foreign Minister Sergey Lavrov spoke."}},
		{"learned once", "Lebanese Defence Minister Michel Haddad arrived. Lebanese Defence Minister Michel Haddad left.",
			[]string{"Michel Haddad LBN MIL defence minister | Lebanese Defence Minister Michel Haddad arrived."}},
	}
	pub := day("2025-08-01")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ls := r.FindAll(tc.text, tokenize(tc.text), pub)
			var got []string
			for _, l := range ls {
				known := ""
				if l.Known {
					known = "(known) "
				}
				got = append(got, known+l.Name+" "+l.Role.Code+" "+l.Role.Sector+" "+l.Role.Title+" | "+l.Evidence.In(tc.text))
				if !l.Role.ValidFrom.Equal(pub) {
					t.Errorf("%s: ValidFrom %v, want the article's date", l.Name, l.Role.ValidFrom)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FindAll(%q) learned mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestWithLearned(t *testing.T) {
	r := NewRecognizer(mustDefault(t))
	first := "Lebanese Defence Minister Michel Haddad arrived in Damascus."
	_, ls := r.FindAll(first, tokenize(first), day("2025-08-01"))
	if len(ls) != 1 {
		t.Fatalf("learned %v, want Michel Haddad", ls)
	}
	later := "Michel Haddad met Lavrov. Haddad said the talks went well."
	want := []string{`"Michel Haddad" person LBN MIL name=Michel Haddad`, `"Lavrov" person RUS GOV name=Sergey Lavrov`, `"Haddad" person LBN MIL name=Michel Haddad`}
	r2 := r.WithLearned(append(ls, Learned{Name: "Sergei Lavrov", Role: parley.Role{Code: "RUS", Sector: "GOV"}}))
	var got []string
	for _, m := range r2.Find(later, tokenize(later), day("2025-09-01")) {
		got = append(got, describe(later, m))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WithLearned: Find(%q) mismatch (-want +got):\n%s", later, diff)
	}
	// the receiver is unchanged
	for _, m := range r.Find(later, tokenize(later), day("2025-09-01")) {
		if m.Actor.Name == "Michel Haddad" {
			t.Errorf("WithLearned changed its receiver: %s", describe(later, m))
		}
	}
	if n, m := len(r.kb.people), len(r2.kb.people); m != n+1 {
		t.Errorf("WithLearned: %d people, want %d (a known name is not added twice)", m, n+1)
	}
}

// withoutPeople returns the embedded tables with the people.tsv rows of
// these names left out.
func withoutPeople(t *testing.T, names ...string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, f := range []string{countriesFile, countriesExtraFile, orgsFile, peopleFile, agentsFile} {
		b, err := fs.ReadFile(data.Actors, "actors/"+f)
		if err != nil {
			t.Fatal(err)
		}
		if f == peopleFile {
			var keep []string
			for _, line := range strings.Split(string(b), "\n") {
				drop := false
				for _, n := range names {
					drop = drop || strings.HasPrefix(line, n+"\t")
				}
				if !drop {
					keep = append(keep, line)
				}
			}
			b = []byte(strings.Join(keep, "\n"))
		}
		m[f] = &fstest.MapFile{Data: b}
	}
	return m
}

// seedLearned runs FindAll with kb over the seed articles and returns
// each learned or attested person's "code sector title" by name, checking
// that each evidence sentence names them.
func seedLearned(t *testing.T, kb *KB, known bool) map[string]string {
	t.Helper()
	f, err := os.Open("../../shared/corpus/seeds.jsonl")
	if err != nil {
		t.Skipf("seed corpus not available (%v): it lives in ../shared, outside the repository", err)
	}
	defer f.Close()
	r := NewRecognizer(kb)
	got := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct{ Text, Published string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse(time.DateOnly, a.Published)
		_, ls := r.FindAll(a.Text, tokenize(a.Text), pub)
		for _, l := range ls {
			if l.Known != known {
				continue
			}
			got[l.Name] = l.Role.Code + " " + l.Role.Sector + " " + l.Role.Title
			if ev := l.Evidence.In(a.Text); !strings.Contains(strings.ToLower(ev), strings.ToLower(l.Name)) {
				t.Errorf("%s: evidence %q does not name them", l.Name, ev)
			}
		}
	}
	return got
}

// TestSeedsAttested runs FindAll with the full knowledge base: the people
// it knows whose role the seed texts state are reported as Known, with
// their evidence sentences.
func TestSeedsAttested(t *testing.T) {
	got := seedLearned(t, mustDefault(t), true)
	for name, want := range map[string]string{
		"Alexander Lavrentiev": "RUS GOV special envoy",
		"Marhaf Abu Qasra":     "SYR MIL defence minister",
	} {
		if got[name] != want {
			t.Errorf("attested %s as %q, want %q (all: %v)", name, got[name], want, got)
		}
	}
}

// TestSeedsLearned runs FindAll over the seed articles with a knowledge
// base that does not know Lavrentiev and Abu Qasra: both are learned, with
// their roles and evidence sentences.
func TestSeedsLearned(t *testing.T) {
	kb, err := Load(withoutPeople(t, "Alexander Lavrentiev", "Marhaf Abu Qasra"))
	if err != nil {
		t.Fatal(err)
	}
	got := seedLearned(t, kb, false)
	for name, want := range map[string]string{
		"Alexander Lavrentiev": "RUS GOV special envoy",
		"Marhaf Abu Qasra":     "SYR MIL defence minister",
	} {
		if got[name] != want {
			t.Errorf("learned %s as %q, want %q (all learned: %v)", name, got[name], want, got)
		}
	}
}
