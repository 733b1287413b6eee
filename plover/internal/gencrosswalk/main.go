// Command gencrosswalk converts the Open Event Data Alliance's CAMEO to PLOVER
// conversion table (CAMEO2PLOVER-2021.txt) into parley's cameo2plover.tsv:
//
//	go run ./plover/internal/gencrosswalk -in ../shared/gold/plover-gsr/CAMEO2PLOVER-2021.txt -o data/plover/cameo2plover.tsv
//
// The source lists one CAMEO code a line, "CODE: CATEGORY, mode, context;
// context # CAMEO description", under two-digit headers "CODE: CATEGORY".
// The converter keeps the facts (code, category, mode, contexts), drops the
// descriptions, sorts by code and brings the few modes and contexts that are
// not in the PLOVER manual's lists to the manual's names (see modeFixes and
// contextFixes); each such row says what it changed in its note column.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencrosswalk:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencrosswalk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "CAMEO2PLOVER-2021.txt to read")
	out := fs.String("o", "", "TSV file to write (default standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("-in is required")
	}
	src, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	tsv, err := convert(src, filepath.Base(*in))
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = stdout.Write(tsv)
		return err
	}
	return os.WriteFile(*out, tsv, 0o644)
}

// fix renames a mode or context of the source to the manual's name.
type fix struct {
	to      string
	context string // a context to add, for a context found in the mode field
	why     string
}

// modeFixes maps "CATEGORY/mode" as the source writes it to the mode the
// PLOVER manual (draft 0.8, chapter 3 mode tables) has for it.
var modeFixes = map[string]fix{
	"RETREAT/return":        {why: "'return' is not a RETREAT mode (manual table 3.2); left empty"},
	"RETREAT/ease":          {why: "the source itself notes 'ease' is no longer a mode; left empty"},
	"THREATEN/ban":          {to: "restrict", why: "'ban' -> restrict: table 3.6 restrict covers banning political activity"},
	"THREATEN/political":    {to: "restrict", why: "'political' -> restrict: table 3.6 restrict covers restrictions on political activity"},
	"COERCE/ban":            {to: "restrict", why: "'ban' -> restrict: table 3.10 restrict covers bans from political life"},
	"ASSAULT/assassinate":   {to: "targeted", why: "'assassinate' -> targeted: table 3.11 targeted covers assassinations"},
	"ASSAULT/massacre":      {to: "targeted", why: "'massacre' -> targeted: table 3.11 targeted covers deliberate mass killings"},
	"ASSAULT/cleansing":     {why: "'cleansing' is not an ASSAULT mode (table 3.11); left empty"},
	"ASSAULT/seize":         {to: "destroy", why: "'seize' -> destroy: seize is a COERCE mode; table 3.11 destroy covers destruction of property"},
	"ASSAULT/pro_autocracy": {context: "pro_autocracy", why: "'pro_autocracy' is a context written in the mode field; moved to contexts"},
}

// contextFixes maps a context as the source writes it to the manual's name
// (table 2.1, spaces written as "_").
var contextFixes = map[string]fix{
	"democracy": {to: "pro_democracy", why: "context 'democracy' -> pro_democracy (table 2.1)"},
}

type row struct {
	code, category, mode string
	contexts             []string
	notes                []string
	line                 int
}

func (r row) key() string {
	return r.category + "\t" + r.mode + "\t" + strings.Join(r.contexts, ",")
}

// convert parses the source table and renders cameo2plover.tsv. name is the
// source's file name, used in error messages and the output's header.
func convert(src []byte, name string) ([]byte, error) {
	var (
		errs  []error
		rows  = map[string]row{}
		notes []string
	)
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.Trim(line, "~") == "" {
			continue
		}
		r, err := parseLine(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		r.line = n
		prev, dup := rows[r.code]
		switch {
		case !dup:
			rows[r.code] = r
		case prev.key() == r.key():
			notes = append(notes, fmt.Sprintf("%s:%d repeats code %s (line %d); kept once", name, n, r.code, prev.line))
		case len(r.code) == 2:
			notes = append(notes, fmt.Sprintf("%s:%d heads code %s as %s after line %d headed it %s; the code keeps %s",
				name, n, r.code, r.category, prev.line, prev.category, prev.category))
		default:
			errs = append(errs, fmt.Errorf("%s:%d: code %s is %s here but %s at line %d", name, n, r.code, r.key(), prev.key(), prev.line))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no codes found", name)
	}

	codes := make([]string, 0, len(rows))
	for c := range rows {
		codes = append(codes, c)
	}
	sort.Strings(codes)

	var b bytes.Buffer
	fmt.Fprintf(&b, "# CAMEO code -> PLOVER category, mode and contexts. Generated by\n")
	fmt.Fprintf(&b, "# plover/internal/gencrosswalk from %s (Open Event Data Alliance,\n", name)
	fmt.Fprintf(&b, "# PLOVER manual draft 0.8); do not edit by hand. Contexts are comma-separated.\n")
	fmt.Fprintf(&b, "# A two-digit code is the source's cue-category header.\n")
	for _, n := range notes {
		fmt.Fprintf(&b, "# note: %s\n", n)
	}
	b.WriteString("cameo\tcategory\tmode\tcontexts\tnote\n")
	for _, c := range codes {
		r := rows[c]
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", r.code, r.category, r.mode, strings.Join(r.contexts, ","), strings.Join(r.notes, "; "))
	}
	return b.Bytes(), nil
}

// parseLine reads "CODE: CATEGORY[, mode[, context; context]]" with the
// comment already removed.
func parseLine(line string) (row, error) {
	code, rest, ok := strings.Cut(line, ":")
	if !ok {
		return row{}, fmt.Errorf("%q: no ':' after the CAMEO code", line)
	}
	code = strings.TrimSpace(code)
	if len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return row{}, fmt.Errorf("%q: CAMEO code %q is not 2 to 4 digits", line, code)
	}
	fields := strings.Split(rest, ",")
	if len(fields) > 3 {
		return row{}, fmt.Errorf("%q: %d fields, want at most category, mode, contexts", line, len(fields))
	}
	for len(fields) < 3 {
		fields = append(fields, "")
	}
	r := row{code: code, category: strings.ToUpper(strings.TrimSpace(fields[0]))}
	if r.category == "" || strings.Trim(r.category, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return row{}, fmt.Errorf("%q: category %q is not a word", line, r.category)
	}
	var extra []string
	r.mode = strings.ToLower(strings.TrimSpace(fields[1]))
	if f, ok := modeFixes[r.category+"/"+r.mode]; ok {
		r.mode = f.to
		if f.context != "" {
			extra = append(extra, f.context)
		}
		r.notes = append(r.notes, f.why)
	}
	seen := map[string]bool{}
	for _, c := range append(strings.Split(fields[2], ";"), extra...) {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if f, ok := contextFixes[c]; ok {
			c = f.to
			r.notes = append(r.notes, f.why)
		}
		if strings.ContainsAny(c, " \t") {
			return row{}, fmt.Errorf("%q: context %q has a space", line, c)
		}
		if !seen[c] {
			seen[c] = true
			r.contexts = append(r.contexts, c)
		}
	}
	if strings.ContainsAny(r.mode, " \t") {
		return row{}, fmt.Errorf("%q: mode %q has a space", line, r.mode)
	}
	return r, nil
}
