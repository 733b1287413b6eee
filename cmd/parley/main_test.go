package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
)

// run runs parley in-process and returns its stdout, stderr and error.
func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }}
	err := m.Run(context.Background(), args)
	return stdout.String(), stderr.String(), err
}

var summaryRE = regexp.MustCompile(`(\d+) new, (\d+) already stored, (\d+) skipped; (\d+) events`)

func summary(t *testing.T, out string) (created, already, skipped, events string) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no ingest summary in output:\n%s", out)
	}
	return m[1], m[2], m[3], m[4]
}

// shared returns a path under ../shared, skipping the test when it is absent.
func shared(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s is absent (../shared is not beside this checkout): %v", p, err)
	}
	return p
}

func TestIngestSeedsTwice(t *testing.T) {
	seeds := shared(t, "corpus/seeds.jsonl")
	db := filepath.Join(t.TempDir(), "p.db")

	out, stderr, err := run(t, "", "ingest", "--db", db, seeds)
	if err != nil {
		t.Fatalf("first ingest: %v\n%s", err, stderr)
	}
	n, already, skipped, events := summary(t, out)
	if n != "2" || already != "0" || skipped != "0" || events == "0" {
		t.Fatalf("first ingest: got %q, want 2 new, 0 already stored, 0 skipped and some events", out)
	}
	before := dump(t, db)

	out, stderr, err = run(t, "", "ingest", "--db", db, seeds)
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, stderr)
	}
	if n, already, skipped, _ := summary(t, out); n != "0" || already != "2" || skipped != "0" {
		t.Fatalf("second ingest: got %q, want 0 new, 2 already stored, 0 skipped", out)
	}
	// The same texts as plain-text files are the same articles.
	dir := shared(t, "corpus/seeds")
	out, stderr, err = run(t, "", "ingest", "--db", db, "--published", "2025-10-22", dir)
	if err != nil {
		t.Fatalf("ingest of the text files: %v\n%s", err, stderr)
	}
	if n, already, _, _ := summary(t, out); n != "0" || already != "2" {
		t.Errorf("text files of the same articles: got %q, want 0 new, 2 already stored", out)
	}
	if after := dump(t, db); after != before {
		t.Errorf("re-ingest changed the stored events:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// dump returns every stored event as JSON Lines.
func dump(t *testing.T, db string) string {
	t.Helper()
	out, stderr, err := run(t, "", "events", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatalf("events: %v\n%s", err, stderr)
	}
	return out
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out, stderr, err := run(t, "", "demo", "--db", db)
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	n, _, skipped, _ := summary(t, out)
	if n == "0" || skipped != "0" {
		t.Errorf("demo stored %s articles and skipped %s; want some stored and none skipped", n, skipped)
	}
	jsonl := dump(t, db)
	lines := strings.Split(strings.TrimSpace(jsonl), "\n")
	if len(lines) < 20 {
		t.Fatalf("demo found %d events, want at least 20", len(lines))
	}
	codes := map[string]bool{}
	for _, l := range lines {
		var e parley.Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("events --format jsonl wrote a line that does not read back: %v\n%s", err, l)
		}
		for _, a := range append(e.Actors, e.Recipients...) {
			codes[a.Code] = true
		}
	}
	for _, c := range []string{"RUS", "SYR", "IRN"} {
		if !codes[c] {
			t.Errorf("demo events never name %s", c)
		}
	}
	// Running the demo again stores nothing new.
	out, _, err = run(t, "", "demo", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if n, _, _, _ := summary(t, out); n != "0" {
		t.Errorf("second demo stored %s new articles, want 0", n)
	}
}

// TestBadInput feeds each kind of bad input to ingest next to a good
// article, and checks the message, the exit status, and that what was
// already stored is unchanged.
func TestBadInput(t *testing.T) {
	good := "Syrian Foreign Minister Asaad al-Shibani met Russian Foreign Minister Sergey Lavrov in Moscow on Thursday.\n"
	tests := []struct {
		name  string
		file  string
		body  []byte
		flags []string
		want  string // a regular expression the error line must match
		// already is how many articles the summary should count as already
		// stored: the good article, and any good line of the bad file.
		already string
	}{
		{name: "missing file", file: "", want: `nosuch\.txt: .*no such file`},
		{name: "invalid UTF-8", file: "bad.txt", body: []byte("Syria and Russia\nmet \xff\xfe today\n"), want: `bad\.txt:2: .*UTF-8`},
		{name: "JSONL not JSON", file: "bad.jsonl", body: []byte(`{"id":"a","text":"` + strings.TrimSpace(good) + `"}` + "\n{not json\n"), want: `bad\.jsonl:2: .*JSON`, already: "2"},
		{name: "JSONL without text", file: "notext.jsonl", body: []byte(`{"id":"b","title":"x"}` + "\n"), want: `notext\.jsonl:1: .*text`},
		{name: "HTML without text", file: "empty.html", body: []byte("<html><head><title>t</title><script>var x=1</script></head><body><nav>Home</nav></body></html>"), want: `empty\.html: .*text`},
		{name: "feed not XML", file: "feed.xml", body: []byte("<rss><channel><item><title>x</title></item>\n<item>"), want: `feed\.xml:\d+: .*XML`},
		{name: "over the size limit", file: "big.txt", body: bytes.Repeat([]byte("Syria. "), 100), flags: []string{"--max-bytes", "200"}, want: `big\.txt: .*limit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "p.db")
			goodPath := filepath.Join(dir, "good.txt")
			if err := os.WriteFile(goodPath, []byte(good), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, stderr, err := run(t, "", "ingest", "--db", db, "--published", "2025-07-31", goodPath); err != nil {
				t.Fatalf("ingest of a good article: %v\n%s", err, stderr)
			}
			before := dump(t, db)
			if before == "" {
				t.Fatal("the good article gave no events; the test needs some to compare")
			}

			bad := filepath.Join(dir, "nosuch.txt")
			if tt.file != "" {
				bad = filepath.Join(dir, tt.file)
				if err := os.WriteFile(bad, tt.body, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"ingest", "--db", db}, tt.flags...)
			args = append(args, bad, goodPath)
			out, stderr, err := run(t, "", args...)
			if !errors.Is(err, errSkipped) {
				t.Errorf("ingest returned %v, want errSkipped (exit status 1)", err)
			}
			if !regexp.MustCompile(tt.want).MatchString(stderr) {
				t.Errorf("stderr does not match %q:\n%s", tt.want, stderr)
			}
			_, already, skipped, _ := summary(t, out)
			if skipped == "0" {
				t.Errorf("summary %q counts no skipped input", strings.TrimSpace(out))
			}
			if want := cmp.Or(tt.already, "1"); already != want {
				t.Errorf("summary %q: want %s already stored", strings.TrimSpace(out), want)
			}
			if after := dump(t, db); after != before {
				t.Errorf("a failed ingest changed the stored events:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"events", "--format", "xml"}, {"ingest"}, {"eval"}} {
		_, _, err := run(t, "", args...)
		if !errors.Is(err, errUsage) {
			t.Errorf("parley %s: got %v, want a usage error", strings.Join(args, " "), err)
		}
	}
	out, _, err := run(t, "", "help", "ingest")
	if err != nil || !strings.Contains(out, "-max-bytes") {
		t.Errorf("help ingest: err %v, output lacks -max-bytes:\n%s", err, out)
	}
}

func TestEvalSeeds(t *testing.T) {
	gold := shared(t, "gold/seeds.jsonl")
	out, stderr, err := run(t, "", "eval", "--gold", gold, "--json")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json is not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"precision", "recall", "f1", "tp", "fp", "fn", "per_type", "name_accuracy", "date_accuracy", "place_country_accuracy", "place_name_accuracy", "aux_accuracy"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("eval --json lacks %q", k)
		}
	}
	t.Logf("seeds: precision %v recall %v f1 %v", rep["precision"], rep["recall"], rep["f1"])
}

// TestAnalysis runs the query commands over the seeds (when ../shared is
// present) and over the demo corpus: Russia links Iran and Syria, and the
// Russia–Syria dyad shows the July and October 2025 contacts.
func TestAnalysis(t *testing.T) {
	dbs := map[string]string{}
	demo := filepath.Join(t.TempDir(), "demo.db")
	if _, stderr, err := run(t, "", "demo", "--db", demo); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	dbs["demo"] = demo
	if seeds := filepath.Join("..", "..", "..", "shared", "corpus", "seeds.jsonl"); fileExists(seeds) {
		db := filepath.Join(t.TempDir(), "seeds.db")
		if _, stderr, err := run(t, "", "ingest", "--db", db, seeds); err != nil {
			t.Fatalf("ingest seeds: %v\n%s", err, stderr)
		}
		dbs["seeds"] = db
	} else {
		t.Log("../shared is absent: checking the demo corpus only")
	}
	for name, db := range dbs {
		t.Run(name, func(t *testing.T) {
			out, stderr, err := run(t, "", "brokers", "--db", db, "--json", "IRN", "SYR")
			if err != nil {
				t.Fatalf("brokers: %v\n%s", err, stderr)
			}
			var br struct {
				Brokers []struct {
					Actor string   `json:"actor"`
					ToA   []string `json:"to_a"`
					ToB   []string `json:"to_b"`
				} `json:"brokers"`
			}
			if err := json.Unmarshal([]byte(out), &br); err != nil {
				t.Fatal(err)
			}
			if len(br.Brokers) == 0 || br.Brokers[0].Actor != "RUS" || len(br.Brokers[0].ToA) == 0 || len(br.Brokers[0].ToB) == 0 {
				t.Errorf("brokers IRN SYR: want RUS first with events on both sides, got %s", out)
			}
			out, stderr, err = run(t, "", "dyad", "--db", db, "RUS", "SYR")
			if err != nil {
				t.Fatalf("dyad: %v\n%s", err, stderr)
			}
			for _, period := range []string{"2025-07", "2025-10"} {
				if name == "seeds" && period == "2025-07" && !strings.Contains(out, period) {
					// The seed dated 2025-08-01 reports the 31 July visit;
					// until event dates come from the text it is dated August.
					period = "2025-08"
				}
				if !strings.Contains(out, period) {
					t.Errorf("dyad RUS SYR lacks %s:\n%s", period, out)
				}
			}
			for _, args := range [][]string{{"network"}, {"timeline", "RUS"}, {"search", "Moscow"}} {
				out, stderr, err := run(t, "", append(args[:1:1], append([]string{"--db", db}, args[1:]...)...)...)
				if err != nil || !strings.Contains(out, "RUS") {
					t.Errorf("%s: err %v, output lacks RUS:\n%s%s", args[0], err, out, stderr)
				}
			}
		})
	}
	if _, _, err := run(t, "", "dyad", "--db", demo, "--by", "year", "RUS", "SYR"); !errors.Is(err, errUsage) {
		t.Errorf("dyad --by year: got %v, want a usage error", err)
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if _, stderr, err := run(t, "", "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	for _, f := range []string{"gdelt", "plover", "csv", "jsonl", "graphml", "geojson"} {
		out, stderr, err := run(t, "", "export", "--db", db, "--format", f)
		if err != nil || out == "" {
			t.Errorf("export --format %s: err %v, %d bytes\n%s", f, err, len(out), stderr)
		}
	}
	pq := filepath.Join(dir, "e.parquet")
	if _, stderr, err := run(t, "", "export", "--db", db, "--format", "parquet", "-o", pq); err != nil {
		t.Fatalf("export parquet: %v\n%s", err, stderr)
	}
	if b, err := os.ReadFile(pq); err != nil || !bytes.HasPrefix(b, []byte("PAR1")) {
		t.Errorf("export parquet wrote no Parquet file (err %v)", err)
	}
	for _, args := range [][]string{{"export", "--db", db}, {"export", "--db", db, "--format", "parquet"}, {"export", "--db", db, "--format", "xls"}} {
		if _, _, err := run(t, "", args...); !errors.Is(err, errUsage) {
			t.Errorf("parley %s: got %v, want a usage error", strings.Join(args, " "), err)
		}
	}
}

func TestDatesAndPlaces(t *testing.T) {
	text := "Lavrov met al-Shibani on Tuesday in Moscow; talks resume in mid-October at Hmeimim.\n"
	out, stderr, err := run(t, text, "dates", "--published", "2025-10-22", "-")
	if err != nil {
		t.Fatalf("dates: %v\n%s", err, stderr)
	}
	for _, want := range []string{`"text":"Tuesday","type":"DATE","value":"2025-10-21"`, `"text":"mid-October"`} {
		if !strings.Contains(out, want) {
			t.Errorf("dates output lacks %s:\n%s", want, out)
		}
	}
	out, stderr, err = run(t, text, "places")
	if err != nil {
		t.Fatalf("places: %v\n%s", err, stderr)
	}
	for _, want := range []string{`"text":"Moscow","name":"Moscow","country":"RUS"`, `"text":"Hmeimim"`, `"country":"SYR"`} {
		if !strings.Contains(out, want) {
			t.Errorf("places output lacks %s:\n%s", want, out)
		}
	}
	if _, _, err := run(t, "\xff\xfe", "places"); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("places on invalid UTF-8: got %v, want an error naming UTF-8", err)
	}
}

func TestEvalDatesAndPlaces(t *testing.T) {
	timeDir := shared(t, "gold/time")
	out, stderr, err := run(t, "", "eval", "--gold", timeDir, "--json")
	if err != nil {
		t.Fatalf("eval time: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "DATE+TIME") {
		t.Errorf("eval on TimeML lacks the DATE+TIME group:\n%s", out)
	}
	out, stderr, err = run(t, "", "eval", "--gold", shared(t, "gold/geo/TR-News.xml"))
	if err != nil {
		t.Fatalf("eval geo: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "within 161 km") {
		t.Errorf("eval on TR-News lacks the distance accuracy:\n%s", out)
	}
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, stderr, err := run(t, "", "demo", "--db", db, "--serve=false"); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	m := &Main{Stdin: strings.NewReader(""), Stdout: pw, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v", err)
	}
	go io.Copy(io.Discard, pr)
	url := regexp.MustCompile(`http://\S+/`).FindString(line)
	if url == "" {
		t.Fatalf("no URL in %q", line)
	}
	resp, err := http.Get(url + "api/brokers?a=IRN&b=SYR")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"actor":"RUS"`) {
		t.Errorf("GET /api/brokers: %d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("Content-Security-Policy") == "" {
		t.Error("no Content-Security-Policy header")
	}
	resp, err = http.Post(url+"api/articles", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST /api/articles without --ingest-token: status %d, want 404 (read-only)", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after cancel: %v", err)
	}
}

func TestIngestInfersPublished(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	dated := filepath.Join(dir, "dated.txt")
	os.WriteFile(dated, []byte("Russia and Syria sign accord\n\nOn Thursday, July 31, Russian Foreign Minister Sergey Lavrov met Syrian Foreign Minister Asaad al-Shibani in Moscow.\n"), 0o644)
	undated := filepath.Join(dir, "undated.txt")
	os.WriteFile(undated, []byte("Russian Foreign Minister Sergey Lavrov met Syrian Foreign Minister Asaad al-Shibani in Moscow on Tuesday.\n"), 0o644)
	_, stderr, err := run(t, "", "ingest", "--db", db, dated, undated)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "dated.txt: warning: no publication date given: 2025-07-31 inferred from the text") {
		t.Errorf("no warning about the inferred date:\n%s", stderr)
	}
	if !strings.Contains(stderr, "undated.txt: warning: no publication date given or found") {
		t.Errorf("no warning about the unknown date:\n%s", stderr)
	}
	out := dump(t, db)
	if !strings.Contains(out, `"date":"2025-07-31"`) {
		t.Errorf("the event of the dated story is not dated 2025-07-31:\n%s", out)
	}
}
