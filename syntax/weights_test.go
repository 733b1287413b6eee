package syntax

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// randomTable returns a table of 2^bits buckets and nClass classes with
// random rows, each with the weights of a bucket stored whole in dense,
// from sparse rows of one weight to full ones.
func randomTable(t *testing.T, rng *rand.Rand, bits uint, nClass int, direct bool) (*table, [][]int16) {
	t.Helper()
	tab := newTableOf(bits, nClass, direct)
	dense := make([][]int16, 1<<bits)
	for b := range dense {
		row := make([]int16, nClass)
		if rng.IntN(3) > 0 {
			// Rows of every size: 1, 2-3 (a slot's first word), up to
			// seven (the slot), more (sparse outside the slot), a
			// quarter of the classes or more (whole).
			nz := []int{1, 3, 7, 8, nClass / 4, nClass}[rng.IntN(6)]
			for range max(nz, 1) {
				v := int16(rng.IntN(255) - 127)
				row[rng.IntN(nClass)] = v
			}
		}
		dense[b] = row
		if err := tab.add(b, row); err != nil {
			t.Fatal(err)
		}
	}
	return tab, dense
}

// TestTableScore checks the sums of both layouts against those of the
// rows, for every table shape.
func TestTableScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		nClass int
		direct bool
	}{{3, true}, {3, false}, {5, false}, {17, false}, {51, true}, {51, false}, {74, false}, {256, false}} {
		nClass := c.nClass
		tab, dense := randomTable(t, rng, 9, nClass, c.direct)
		for _, nFeat := range []int{0, 1, 30, 64, 65, 700} {
			feats := make([]uint64, nFeat)
			for i := range feats {
				feats[i] = rng.Uint64()
			}
			want := make([]int32, nClass)
			for _, f := range feats {
				for c, v := range dense[f&tab.mask] {
					want[c] += int32(v)
				}
			}
			got := tab.score(feats, nil)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%d classes (direct %v), %d features: score (-want +got):\n%s", nClass, c.direct, nFeat, diff)
			}
			some := []uint8{0, uint8(nClass / 2), uint8(nClass - 1)}
			got = tab.scoreSome(feats, some, nil)
			for _, k := range some {
				if got[k] != want[k] {
					t.Errorf("%d classes (direct %v), %d features: scoreSome gives class %d %d, want %d", nClass, c.direct, nFeat, k, got[k], want[k])
				}
			}
			if nClass == 3 {
				if s := tab.score3(feats); !cmp.Equal(s[:], want) {
					t.Errorf("%d features: score3 = %v, want %v", nFeat, s, want)
				}
			}
		}
	}
}

// TestTableScoreMany sums a row of the largest weights, stored whole, more
// times than a lane holds.
func TestTableScoreMany(t *testing.T) {
	for _, v := range []int16{127, -127} {
		tab := newTableOf(4, 51, false)
		row := make([]int16, 51)
		for c := range row {
			row[c] = v
		}
		if err := tab.add(3, row); err != nil {
			t.Fatal(err)
		}
		feats := make([]uint64, 1000)
		for i := range feats {
			feats[i] = 3
		}
		for c, got := range tab.score(feats, nil) {
			if want := 1000 * int32(v); got != want {
				t.Fatalf("weight %d: class %d scores %d, want %d", v, c, got, want)
			}
		}
	}
}

// TestTableWriteRead checks that a table read back holds the rows written.
func TestTableWriteRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, nClass := range []int{3, 51, 74} {
		tab, _ := randomTable(t, rng, 10, nClass, nClass == 3)
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		if err := tab.write(w); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		got, err := readTable(bufio.NewReader(&b))
		if err != nil {
			t.Fatalf("%d classes: %v", nClass, err)
		}
		rows := func(tab *table) map[int][]int16 {
			m := map[int][]int16{}
			tab.each(func(b int, row []int16) { m[b] = append([]int16(nil), row...) })
			return m
		}
		if diff := cmp.Diff(rows(tab), rows(got)); diff != "" {
			t.Errorf("%d classes: rows read differ (-written +read):\n%s", nClass, diff)
		}
		if got.rows != tab.rows {
			t.Errorf("%d classes: %d rows read, %d written", nClass, got.rows, tab.rows)
		}
	}
}
