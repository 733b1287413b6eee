package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite data/plover/cameo2plover.tsv from the shared source table")

// The source table in the shared checkout, relative to this directory.
var source = filepath.Join("..", "..", "..", "..", "shared", "gold", "plover-gsr", "CAMEO2PLOVER-2021.txt")

// TestCommittedIsCurrent checks data/plover/cameo2plover.tsv is what the
// converter makes of the shared CAMEO2PLOVER-2021.txt.
func TestCommittedIsCurrent(t *testing.T) {
	src, err := os.ReadFile(source)
	if err != nil {
		t.Skipf("the shared source table is absent (%v): cannot check data/plover/cameo2plover.tsv", err)
	}
	want, err := convert(src, filepath.Base(source))
	if err != nil {
		t.Fatalf("convert: %v", err)
	}
	committed := filepath.Join("..", "..", "..", "data", "plover", "cameo2plover.tsv")
	if *update {
		if err := os.WriteFile(committed, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("data/plover/cameo2plover.tsv is stale; run go test ./plover/internal/gencrosswalk -update, or go run ./plover/internal/gencrosswalk -in %s -o data/plover/cameo2plover.tsv (-generated +committed):\n%s",
			"../shared/gold/plover-gsr/CAMEO2PLOVER-2021.txt", diff)
	}
}

func TestConvert(t *testing.T) {
	const header = "cameo\tcategory\tmode\tcontexts\tnote\n"
	tests := []struct {
		name string
		in   string
		rows string   // the output without its # lines
		errs []string // wanted error lines, when conversion fails
	}{
		{
			name: "header, modes, contexts, comments, sorted",
			in: "# title\n\n04: CONSULT\n042: CONSULT, visit,   # Make a visit\n" +
				"041: CONSULT, Phone , # by phone\n0312: AGREE,  ,   military # intent\n094: ACCUSE, investigate, military; legal # war crimes\n~~~~~\n",
			rows: header + "0312\tAGREE\t\tmilitary\t\n04\tCONSULT\t\t\t\n041\tCONSULT\tphone\t\t\n042\tCONSULT\tvisit\t\t\n094\tACCUSE\tinvestigate\tmilitary,legal\t\n",
		},
		{
			name: "fixes noted",
			in:   "186: ASSAULT, assassinate, # x\n175: ASSAULT, pro_autocracy , military # y\n175: ASSAULT, pro_autocracy , military # z\n082: CONCEDE, , democracy\n",
			rows: header +
				"082\tCONCEDE\t\tpro_democracy\tcontext 'democracy' -> pro_democracy (table 2.1)\n" +
				"175\tASSAULT\t\tmilitary,pro_autocracy\t'pro_autocracy' is a context written in the mode field; moved to contexts\n" +
				"186\tASSAULT\ttargeted\t\t'assassinate' -> targeted: table 3.11 targeted covers assassinations\n",
		},
		{
			name: "repeated header keeps the first",
			in:   "08: CONCEDE\n080: CONCEDE, ,\n08: RETREAT\n084: RETREAT, ,\n",
			rows: header + "08\tCONCEDE\t\t\t\n080\tCONCEDE\t\t\t\n084\tRETREAT\t\t\t\n",
		},
		{
			name: "errors",
			in: "042 CONSULT, visit\n0x2: CONSULT\n04567: CONSULT\n042: CONSULT, visit, a, b\n043: Consult2\n" +
				"044: CONSULT, third party,\n045: CONSULT, , human rights\n046: CONSULT\n046: AGREE\n",
			errs: []string{
				`src.txt:1: "042 CONSULT, visit": no ':' after the CAMEO code`,
				`src.txt:2: "0x2: CONSULT": CAMEO code "0x2" is not 2 to 4 digits`,
				`src.txt:3: "04567: CONSULT": CAMEO code "04567" is not 2 to 4 digits`,
				`src.txt:4: "042: CONSULT, visit, a, b": 4 fields, want at most category, mode, contexts`,
				`src.txt:5: "043: Consult2": category "CONSULT2" is not a word`,
				`src.txt:6: "044: CONSULT, third party,": mode "third party" has a space`,
				`src.txt:7: "045: CONSULT, , human rights": context "human rights" has a space`,
				"src.txt:9: code 046 is AGREE\t\t here but CONSULT\t\t at line 8",
			},
		},
		{
			name: "empty",
			in:   "# nothing\n",
			errs: []string{"src.txt: no codes found"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := convert([]byte(tt.in), "src.txt")
			if tt.errs != nil {
				if err == nil {
					t.Fatalf("convert succeeded, want errors:\n%s", out)
				}
				if diff := cmp.Diff(tt.errs, strings.Split(err.Error(), "\n")); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("convert: %v", err)
			}
			var rows []string
			for _, l := range strings.SplitAfter(string(out), "\n") {
				if !strings.HasPrefix(l, "#") {
					rows = append(rows, l)
				}
			}
			if diff := cmp.Diff(tt.rows, strings.Join(rows, "")); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(in, []byte("04: CONSULT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-in", in}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.HasSuffix(stdout.String(), "04\tCONSULT\t\t\t\n") {
		t.Errorf("stdout = %q", stdout.String())
	}
	out := filepath.Join(dir, "out.tsv")
	if err := run([]string{"-in", in, "-o", out}, &stdout, &stderr); err != nil {
		t.Fatalf("run -o: %v", err)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasSuffix(b, []byte("04\tCONSULT\t\t\t\n")) {
		t.Errorf("-o wrote %q, %v", b, err)
	}
	if err := run(nil, &stdout, &stderr); err == nil {
		t.Error("run without -in succeeded")
	}
}

// FuzzConvert: convert never panics, and what it writes has five columns a row.
func FuzzConvert(f *testing.F) {
	f.Add("04: CONSULT\n042: CONSULT, visit, diplomatic; legal # x\n")
	f.Add("175: ASSAULT, pro_autocracy , military\n08: CONCEDE\n08: RETREAT\n~~\n")
	f.Add(":\n0: ,,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		out, err := convert([]byte(in), "fuzz")
		if err != nil {
			return
		}
		for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
			if strings.HasPrefix(l, "#") {
				continue
			}
			if n := strings.Count(l, "\t"); n != 4 {
				t.Fatalf("row %q has %d tabs, want 4", l, n)
			}
		}
	})
}
