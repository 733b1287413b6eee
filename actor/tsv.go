package actor

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// table is a TSV file read with its header: one record per data line, with
// the line number kept for error messages.
type table struct {
	name    string
	columns []string
	rows    []row
}

type row struct {
	line   int
	fields map[string]string
}

func (r row) get(col string) string { return r.fields[col] }

// list splits a ";"-separated field into its trimmed, non-empty items.
func (r row) list(col string) []string {
	var out []string
	for _, s := range strings.Split(r.fields[col], ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// readTable reads dir/name from fsys. Blank lines and lines starting with
// "#" are skipped, and a field starting with "#" ends its line (a trailing
// comment such as "# unverified"). The first other line is the header and
// must name every column in want; a data line may leave trailing columns
// out but may not have more fields than the header. Problems are appended
// to errs as "file:line: problem"; optional reports whether a missing file
// is fine.
func readTable(fsys fs.FS, dir, name string, want []string, optional bool, errs *errorList) (*table, bool) {
	p := path.Join(dir, name)
	f, err := fsys.Open(p)
	if err != nil {
		if !optional {
			errs.add(fmt.Errorf("%s: %w", p, err))
		}
		return nil, false
	}
	defer f.Close()
	t := &table{name: p}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		for i, f := range fields {
			if strings.HasPrefix(strings.TrimSpace(f), "#") {
				fields = fields[:i]
				break
			}
		}
		if t.columns == nil {
			t.columns = fields
			for _, c := range want {
				if !contains(fields, c) {
					errs.add(fmt.Errorf("%s:%d: header lacks column %q", p, line, c))
				}
			}
			continue
		}
		if len(fields) > len(t.columns) {
			errs.add(fmt.Errorf("%s:%d: %d fields, header has %d", p, line, len(fields), len(t.columns)))
			continue
		}
		r := row{line: line, fields: make(map[string]string, len(fields))}
		for i, f := range fields {
			r.fields[t.columns[i]] = strings.TrimSpace(f)
		}
		t.rows = append(t.rows, r)
	}
	if err := sc.Err(); err != nil {
		errs.add(fmt.Errorf("%s:%d: %w", p, line, err))
	}
	if t.columns == nil {
		errs.add(fmt.Errorf("%s: no header line", p))
		return nil, false
	}
	return t, true
}

// errorList collects every problem found while loading.
type errorList []error

func (l *errorList) add(err error) { *l = append(*l, err) }

// at records a problem on a line of a table.
func (l *errorList) at(t *table, r row, format string, args ...any) {
	*l = append(*l, fmt.Errorf("%s:%d: %s", t.name, r.line, fmt.Sprintf(format, args...)))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
