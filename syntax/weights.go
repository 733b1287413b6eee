package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// table is a hashed linear model at run time: for every bucket a row of
// one int16 weight per class. A feature's bucket is its hash masked by
// mask; collisions are tolerated (the hashing trick).
type table struct {
	bits   uint
	mask   uint64
	nClass int
	w      []int16
	rows   int // rows holding a non-zero weight
}

func newTable(bits uint, nClass int) *table {
	return &table{bits: bits, mask: 1<<bits - 1, nClass: nClass, w: make([]int16, (1<<bits)*nClass)}
}

// score writes to scores, which must hold nClass entries, the sums of the
// rows of feats.
func (t *table) score(feats []uint64, scores []int32) {
	n := t.nClass
	scores = scores[:n:n]
	clear(scores)
	for _, f := range feats {
		off := int(f&t.mask) * n
		row := t.w[off : off+n : off+n]
		row = row[:len(scores)]
		i := 0
		for ; i+4 <= len(row); i += 4 {
			r, s := row[i:i+4:i+4], scores[i:i+4:i+4]
			s[0] += int32(r[0])
			s[1] += int32(r[1])
			s[2] += int32(r[2])
			s[3] += int32(r[3])
		}
		for ; i < len(row); i++ {
			scores[i] += int32(row[i])
		}
	}
}

// score3 returns the sums of the rows of feats in a table of three
// classes (the moves), kept in registers.
func (t *table) score3(feats []uint64) (s [3]int32) {
	var a, b, c int32
	w, mask := t.w, t.mask
	for _, f := range feats {
		off := int(f&mask) * 3
		row := w[off : off+3 : off+3]
		a += int32(row[0])
		b += int32(row[1])
		c += int32(row[2])
	}
	return [3]int32{a, b, c}
}

// scoreSome writes to scores[j] the sum over the rows of feats of the
// weight of class classes[j]: the scores of a few candidate classes.
func (t *table) scoreSome(feats []uint64, classes []uint8, scores []int32) {
	scores = scores[:len(classes)]
	clear(scores)
	n := t.nClass
	for _, f := range feats {
		off := int(f&t.mask) * n
		row := t.w[off : off+n : off+n]
		for j, c := range classes {
			scores[j] += int32(row[c])
		}
	}
}

// trainTable is a hashed averaged perceptron during training. Averaging
// uses the usual trick: u accumulates every update times the step at
// which it was made, and the averaged weight is w - u/c.
type trainTable struct {
	bits   uint
	mask   uint64
	nClass int
	w      []float32
	u      []float64
	c      float64 // updates seen + 1
}

func newTrainTable(bits uint, nClass int) *trainTable {
	n := (1 << bits) * nClass
	return &trainTable{bits: bits, mask: 1<<bits - 1, nClass: nClass, w: make([]float32, n), u: make([]float64, n), c: 1}
}

// score writes the current (not averaged) scores of feats.
func (t *trainTable) score(feats []uint64, scores []float32) {
	scores = scores[:t.nClass]
	for i := range scores {
		scores[i] = 0
	}
	n := t.nClass
	for _, f := range feats {
		off := int(f&t.mask) * n
		row := t.w[off : off+n : off+n]
		for i, v := range row {
			scores[i] += v
		}
	}
}

// scoreSome writes the current scores of the candidate classes.
func (t *trainTable) scoreSome(feats []uint64, classes []uint8, scores []float32) {
	scores = scores[:len(classes)]
	clear(scores)
	n := t.nClass
	for _, f := range feats {
		off := int(f&t.mask) * n
		row := t.w[off : off+n : off+n]
		for j, c := range classes {
			scores[j] += row[c]
		}
	}
}

// update moves the weights of feats toward class good and away from bad.
func (t *trainTable) update(feats []uint64, good, bad int) {
	if good != bad {
		n := t.nClass
		for _, f := range feats {
			off := int(f&t.mask) * n
			t.w[off+good]++
			t.u[off+good] += t.c
			t.w[off+bad]--
			t.u[off+bad] -= t.c
		}
	}
}

// tick counts one training example.
func (t *trainTable) tick() { t.c++ }

// average returns the averaged weights quantized to int16: weights are
// scaled so that the largest magnitude maps to 32000 and those that round
// to zero are dropped.
func (t *trainTable) average() *table {
	avg := make([]float64, len(t.w))
	maxAbs := 0.0
	for i, w := range t.w {
		a := float64(w) - t.u[i]/t.c
		avg[i] = a
		maxAbs = max(maxAbs, math.Abs(a))
	}
	q := newTable(t.bits, t.nClass)
	if maxAbs == 0 {
		return q
	}
	scale := 32000 / maxAbs
	for i, a := range avg {
		q.w[i] = int16(math.Round(a * scale))
	}
	q.countRows()
	return q
}

func (t *table) countRows() {
	t.rows = 0
	for off := 0; off < len(t.w); off += t.nClass {
		for _, v := range t.w[off : off+t.nClass] {
			if v != 0 {
				t.rows++
				break
			}
		}
	}
}

// write stores the table sparsely: bits and classes, then for every
// non-empty row the bucket gap, the number of non-zero weights and for
// each the class gap and the zigzag value, all as varints.
func (t *table) write(w *bufio.Writer) error {
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		w.Write(buf[:n])
	}
	put(uint64(t.bits))
	put(uint64(t.nClass))
	put(uint64(t.rows))
	prev := -1
	for b := 0; b < 1<<t.bits; b++ {
		row := t.w[b*t.nClass : (b+1)*t.nClass]
		nz := 0
		for _, v := range row {
			if v != 0 {
				nz++
			}
		}
		if nz == 0 {
			continue
		}
		put(uint64(b - prev))
		prev = b
		put(uint64(nz))
		last := -1
		for c, v := range row {
			if v != 0 {
				put(uint64(c - last))
				last = c
				n := binary.PutVarint(buf[:], int64(v))
				w.Write(buf[:n])
			}
		}
	}
	return nil
}

// readTable reads what write stored.
func readTable(r *bufio.Reader) (*table, error) {
	get := func(what string, limit uint64) (uint64, error) {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return 0, fmt.Errorf("reading %s: %w", what, noEOF(err))
		}
		if v > limit {
			return 0, fmt.Errorf("%s %d exceeds %d", what, v, limit)
		}
		return v, nil
	}
	bits, err := get("table bits", 26)
	if err != nil {
		return nil, err
	}
	nClass, err := get("class count", 1024)
	if err != nil {
		return nil, err
	}
	if nClass == 0 {
		return nil, errors.New("table has no classes")
	}
	rows, err := get("row count", 1<<bits)
	if err != nil {
		return nil, err
	}
	t := newTable(uint(bits), int(nClass))
	t.rows = int(rows)
	b := -1
	for range rows {
		gap, err := get("bucket gap", 1<<bits)
		if err != nil {
			return nil, err
		}
		b += int(gap)
		if gap == 0 || b >= 1<<bits {
			return nil, fmt.Errorf("bucket %d out of order or range", b)
		}
		nz, err := get("row size", nClass)
		if err != nil {
			return nil, err
		}
		c := -1
		for range nz {
			cg, err := get("class gap", nClass)
			if err != nil {
				return nil, err
			}
			c += int(cg)
			if cg == 0 || c >= int(nClass) {
				return nil, fmt.Errorf("bucket %d: class %d out of order or range", b, c)
			}
			v, err := binary.ReadVarint(r)
			if err != nil {
				return nil, fmt.Errorf("bucket %d: reading weight: %w", b, noEOF(err))
			}
			if v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("bucket %d: weight %d out of int16 range", b, v)
			}
			t.w[b*int(nClass)+c] = int16(v)
		}
	}
	return t, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
