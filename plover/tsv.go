package plover

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"
)

// errorList collects data errors, each already prefixed with file:line.
type errorList []error

func (l *errorList) add(file string, line int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		*l = append(*l, fmt.Errorf("%s:%d: %s", file, line, msg))
		return
	}
	*l = append(*l, fmt.Errorf("%s: %s", file, msg))
}

// Error joins the list one error a line.
func (l errorList) Error() string {
	var b strings.Builder
	for i, err := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As see every error of the list.
func (l errorList) Unwrap() []error { return l }

// readTSV reads a tab-separated table whose first line that is neither blank
// nor a # comment is the header columns. It calls row with the line number
// and the fields of every later line, padded with "" to len(columns).
func readTSV(fsys fs.FS, name string, columns []string, errs *errorList, row func(line int, f []string)) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.add(name, 0, "%v", err)
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			header = true
			if strings.Join(f, "\t") != strings.Join(columns, "\t") {
				errs.add(name, n, "header is %q, want %q", strings.Join(f, " "), strings.Join(columns, " "))
				return
			}
			continue
		}
		if len(f) > len(columns) {
			errs.add(name, n, "%d fields, want %d (%s)", len(f), len(columns), strings.Join(columns, ", "))
			continue
		}
		for len(f) < len(columns) {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		row(n, f)
	}
	if err := sc.Err(); err != nil {
		errs.add(name, 0, "%v", err)
	}
	if !header {
		errs.add(name, 0, "no header line (want %q)", strings.Join(columns, " "))
	}
}
