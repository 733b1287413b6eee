package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley/plover"
)

// TestCurrent checks that the committed lexicon is what the converter
// makes of the dictionary today.
func TestCurrent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "reference", "dictionaries", "CAMEO.2.0.txt"))
	if err != nil {
		t.Skipf("PETRARCH dictionary not available (../shared absent?): %v", err)
	}
	cb, err := plover.Default()
	if err != nil {
		t.Fatal(err)
	}
	got, err := convert(string(src), cb, parseDrop(dropTSV))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "data", "events", "verbs_petrarch.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("data/events/verbs_petrarch.tsv is stale; run go run ./event/internal/genverbs (-want +got):\n%s", cmp.Diff(string(want), string(got)))
	}
}

func TestConvert(t *testing.T) {
	cb, err := plover.Default()
	if err != nil {
		t.Fatal(err)
	}
	const src = `####### SYNONYM SETS #######
&WEAPON
+RIFLE
+MORTAR_SHELL

####### VERB PATTERNS #######
---  DESPATCH   [---]  ---
DISPATCH
EXPORT
+SEND_OFF {+SENT_OFF} [160]
- * &WEAPON                    [072]         # EXPORT
- * (TO {BANNED PARTIES}) $    [072]         # DISPATCH
- POLICE * &WEAPON             [072]         # DISPATCH
- * + (TO)                     [072]         # DISPATCH
- * SPECULATION                [010]         # DISMISS
- * {MOCK ATTACKS}             [999]         # EXPORT
---  CRACK   [170]  ---
+CRACK_DOWN
+KILLED_AND
`
	b, err := convert(src, cb, map[string]bool{"export * mortar shell": true})
	if err != nil {
		t.Fatal(err)
	}
	got := rowsOf(string(b))
	want := []string{
		"AID\t-\texport * rifle\t-",
		"AID\t-\tdispatch * to banned parties\t-",
		"COERCE\t-\tcrack down\t-",
		"SANCTION\t-\tsend off\t-",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("convert (-want +got):\n%s", diff)
	}
}

// rowsOf returns the first four columns of each row.
func rowsOf(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		out = append(out, f[0]+"\t"+f[1]+"\t"+f[2]+"\t"+f[3])
	}
	return out
}
