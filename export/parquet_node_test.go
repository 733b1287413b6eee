package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestParquetOtherReader reads the Parquet output with a second, unrelated
// implementation: hyparquet (JavaScript) under node. It runs when
// PARLEY_HYPARQUET names a directory holding node_modules/hyparquet
// (`npm install hyparquet` there); pyarrow is not installable here.
func TestParquetOtherReader(t *testing.T) {
	dir := os.Getenv("PARLEY_HYPARQUET")
	if dir == "" {
		t.Skip("PARLEY_HYPARQUET not set: no second Parquet reader")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	evs := formatEvents()
	var b bytes.Buffer
	if err := Parquet(&b, evs); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "events.parquet")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import { parquetReadObjects } from 'hyparquet'
import { readFileSync } from 'fs'
const buf = readFileSync(process.argv[1])
const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) })
console.log(JSON.stringify(rows, (k, v) => typeof v === 'bigint' ? Number(v) : v))`
	cmd := exec.Command(node, "--input-type=module", "-e", script, file)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hyparquet: %v", err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("hyparquet output: %v\n%s", err, out)
	}
	if len(rows) != len(evs) {
		t.Fatalf("hyparquet read %d rows, want %d", len(rows), len(evs))
	}
	for _, c := range []struct {
		row  int
		col  string
		want any
	}{
		{0, "id", "e1"}, {0, "actor_code", "SYR;SYR"}, {0, "date_start", "2025-07-17T00:00:00.000Z"},
		{0, "date_end", "2025-07-31T00:00:00.000Z"}, {0, "place_lat", 55.75}, {0, "goldstein", 1.9}, {0, "mentions", 2.0},
		{1, "date_start", nil}, {1, "place_name", nil}, {2, "actor_name", evs[2].Actors[0].Name},
	} {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("row %d %s = %v, want %v", c.row, c.col, got, c.want)
		}
	}
}
