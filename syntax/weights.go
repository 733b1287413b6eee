package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
)

// table is a hashed linear model at run time: for every bucket a row of
// one int8 weight per class. A feature's bucket is its hash masked by
// mask; collisions are tolerated (the hashing trick).
//
// The rows are laid out for the cache. A table of up to directMax weights
// (the moves, the relations) is stored whole, a row for every bucket, each
// at hand in one read. A larger one (the tags: 2^18 × 74 would be 19 MB)
// has a slot of 16 bytes for every bucket (4 MB), also read at once. Most
// rows hold a few weights (the features of rare words) and are stored
// sparsely, each weight with its class, in the slot when they fit; rows
// with many weights (the suffixes, the shapes, the previous tag: features
// of every word) are stored whole, a byte a class, and summed eight
// classes at a time. (Slots only for the buckets with a row, numbered by
// rank, took 1.8 MB but a read of the bucket's rank first: the tagger took
// a third longer.)
type table struct {
	bits   uint
	mask   uint64
	nClass int
	rows   int // rows holding a non-zero weight
	// w holds the rows of a direct table, nClass weights for every
	// bucket.
	direct bool
	w      []int8
	stride int // weights of a row in w, nClass or more
	// used has a bit for each bucket that has a row.
	used []uint64
	// slot[2b:2b+2] holds or locates the row of bucket b; both words are
	// 0 when it has none. A sparse row is a list of n entries, each a
	// class in the upper 8 bits and a weight in the lower; n is in bits
	// 48-55 of the first word. Up to seven entries are held in the slot,
	// three in bits 0-47 of the first word and four in the second; more
	// are ent[i:i+n], i in bits 0-31. When the wholeRow bit is set, the
	// row is lanes[i*words:(i+1)*words], i in bits 0-31, with the weight
	// of class c plus 128 in byte c%8 of word c/8.
	slot  []uint64
	ent   []uint16
	lanes []uint64
	words int // words of a row stored whole: (nClass+7)/8
}

const (
	// directMax is the most weights of a table stored whole: 8 MB, which
	// a move table of 2^20 buckets (3 MB; 2^21 would take 6 MB) and a
	// relation table of 2^16 (3.3 MB, 4 MB with its rows padded to a
	// cache line) take, a tag table of 2^18 (19 MB) not.
	directMax = 8 << 20
	wholeRow  = 1 << 63
	inline    = 7 // entries held in a slot
)

// newTable returns an empty table; its rows are added by add.
func newTable(bits uint, nClass int) *table {
	return newTableOf(bits, nClass, (1<<bits)*nClass <= directMax)
}

// newTableOf returns an empty table stored whole (direct) or not.
func newTableOf(bits uint, nClass int, direct bool) *table {
	t := &table{bits: bits, mask: 1<<bits - 1, nClass: nClass, direct: direct,
		used: make([]uint64, (1<<bits+63)/64), words: (nClass + 7) / 8}
	if direct {
		// A row of more than a few classes starts a cache line of its
		// own, so that it is read in as few lines as it can be. (The
		// slice is page-aligned: hugeSlice and the allocator align large
		// objects.)
		t.stride = nClass
		if nClass > 8 {
			t.stride = (nClass + 63) &^ 63
		}
		t.w = hugeSlice[int8]((1 << bits) * t.stride)
	} else {
		t.slot = hugeSlice[uint64](2 << bits)
	}
	return t
}

// add stores the row of bucket b, which must be above that of the last
// row added; a row of zeros is not stored.
func (t *table) add(b int, row []int16) error {
	nz := 0
	for _, v := range row {
		if v != 0 {
			nz++
		}
	}
	if nz == 0 {
		return nil
	}
	if len(t.ent)+nz > math.MaxUint32 || len(t.lanes)/t.words > math.MaxUint32 {
		return fmt.Errorf("table of %d classes: more than %d weights", t.nClass, len(t.ent)+len(t.lanes)*8)
	}
	t.used[b>>6] |= 1 << (b & 63)
	t.rows++
	switch {
	case t.direct:
		for c, v := range row {
			t.w[b*t.stride+c] = int8(v)
		}
	case nz*4 >= t.nClass:
		// Summing a sparse entry costs about four times a class of a
		// whole row.
		t.slot[2*b] = wholeRow | uint64(len(t.lanes)/t.words)
		for i := 0; i < t.words; i++ {
			var x uint64
			for j := range 8 {
				v := int16(0)
				if c := 8*i + j; c < t.nClass {
					v = row[c]
				}
				x |= uint64(v+128) << (8 * j)
			}
			t.lanes = append(t.lanes, x)
		}
	default:
		var es [inline]uint16
		x, y := uint64(nz)<<48, uint64(0)
		if nz > inline {
			x |= uint64(len(t.ent))
		}
		k := 0
		for c, v := range row {
			if v == 0 {
				continue
			}
			e := uint16(c)<<8 | uint16(uint8(v))
			if nz > inline {
				t.ent = append(t.ent, e)
			} else {
				es[k] = e
			}
			k++
		}
		if nz <= inline {
			x |= uint64(es[0]) | uint64(es[1])<<16 | uint64(es[2])<<32
			y = uint64(es[3]) | uint64(es[4])<<16 | uint64(es[5])<<32 | uint64(es[6])<<48
		}
		t.slot[2*b], t.slot[2*b+1] = x, y
	}
	return nil
}

// each calls fn with the bucket and the row of every stored row, in
// bucket order; row is reused between calls.
func (t *table) each(fn func(b int, row []int16)) {
	row := make([]int16, t.nClass)
	for k, occ := range t.used {
		for occ != 0 {
			j := bits.TrailingZeros64(occ)
			occ &= occ - 1
			clear(row)
			b := k<<6 | j
			switch {
			case t.direct:
				for i, v := range t.w[b*t.stride : b*t.stride+t.nClass] {
					row[i] = int16(v)
				}
			case t.slot[2*b]&wholeRow != 0:
				ws := t.lanes[int(uint32(t.slot[2*b]))*t.words:]
				for c := range row {
					row[c] = int16(ws[c/8]>>(8*(c%8))&0xff) - 128
				}
			default:
				var buf [inline]uint16
				for _, e := range t.entries(t.slot[2*b], t.slot[2*b+1], &buf) {
					row[e>>8] = int16(int8(e))
				}
			}
			fn(b, row)
		}
	}
}

// entries returns the entries of the sparse row in slot x, y, using buf
// for those held in the slot.
func (t *table) entries(x, y uint64, buf *[inline]uint16) []uint16 {
	n := int(x >> 48 & 0xff)
	if n > inline {
		i := int(uint32(x))
		return t.ent[i : i+n]
	}
	for j := range n {
		if j < 3 {
			buf[j] = uint16(x >> (16 * j))
		} else {
			buf[j] = uint16(y >> (16 * (j - 3)))
		}
	}
	return buf[:n]
}

// score returns the sums of the rows of feats, one per class, in scores
// (grown when it holds fewer than nClass).
func (t *table) score(feats []uint64, scores []int32) []int32 {
	n := t.nClass
	scores = grow(scores, n)
	clear(scores)
	if t.direct {
		for _, f := range feats {
			b := int(f & t.mask)
			for i, v := range t.w[b*t.stride : b*t.stride+n] {
				scores[i] += int32(v)
			}
		}
		return scores
	}
	// The rows are located first, then summed, so that the reads of
	// different rows are in flight together rather than one after the
	// other. A sparse table has at most 256 classes (an entry's class is
	// a byte), so the sums are indexed by an entry's class without a
	// check.
	scores = grow(scores, 256)
	sums := (*[256]int32)(scores)
	clear(sums[:n])
	mask, slot := t.mask, t.slot
	var (
		slots [32][2]uint64
		whole [32]int // offsets in t.lanes of the rows stored whole
	)
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(slots))]
		feats = feats[len(chunk):]
		k := 0
		for _, f := range chunk {
			b := f & mask
			slots[k] = [2]uint64(slot[2*b : 2*b+2])
			k++
		}
		nw := 0
		for _, s := range slots[:k] {
			x, y := s[0], s[1]
			if x&wholeRow != 0 {
				whole[nw] = int(uint32(x)) * t.words
				nw++
				continue
			}
			n := int(x >> 48)
			if n > inline {
				i := int(uint32(x))
				for _, e := range t.ent[i : i+n] {
					sums[e>>8] += int32(int8(e))
				}
				continue
			}
			for j := range n {
				if j == 3 {
					x = y
				}
				e := uint16(x)
				sums[e>>8] += int32(int8(e))
				x >>= 16
			}
		}
		if nw > 0 {
			t.sumWhole(sums, whole[:nw])
		}
	}
	return scores[:n]
}

// sumWhole adds to sums the rows stored whole at the offsets rows of
// t.lanes, at most 257 of them (a 16-bit lane holds the sum of 257
// bytes). Eight classes are summed at a time, the bytes of the even
// classes and of the odd ones in 16-bit lanes; the sums of the classes
// from nClass to the next multiple of eight are left with any value.
func (t *table) sumWhole(sums *[256]int32, rows []int) {
	const m = 0x00ff00ff00ff00ff
	lanes := t.lanes
	off := int32(128 * len(rows))
	for i := range t.words {
		var e, o uint64
		for _, r := range rows {
			z := lanes[r+i]
			e += z & m
			o += z >> 8
		}
		// The bytes of the odd classes were summed with those of the
		// even classes above them (z>>8 holds the byte of class 2k+2 in
		// the upper half of lane k): their sums are taken off.
		o -= e >> 16 << 8
		s := sums[8*i : 8*i+8 : 8*i+8]
		s[0] += int32(e&0xffff) - off
		s[1] += int32(o&0xffff) - off
		s[2] += int32(e>>16&0xffff) - off
		s[3] += int32(o>>16&0xffff) - off
		s[4] += int32(e>>32&0xffff) - off
		s[5] += int32(o>>32&0xffff) - off
		s[6] += int32(e>>48) - off
		s[7] += int32(o>>48) - off
	}
}

// scoreSome returns the sums of the rows of feats for the classes given,
// in scores (grown to nClass when shorter) at the classes' places; the
// others hold any value. Only a direct table sums the classes alone.
func (t *table) scoreSome(feats []uint64, classes []uint8, scores []int32) []int32 {
	if !t.direct {
		return t.score(feats, scores)
	}
	// A class is a byte, so the sums are indexed by one without a check.
	n := t.nClass
	scores = grow(scores, max(n, 256))
	sums := (*[256]int32)(scores)
	for _, c := range classes {
		sums[c] = 0
	}
	if t.stride == 64 {
		sumLines(sums, feats, classes, t.w, t.mask)
		return scores[:n]
	}
	w, mask, stride := t.w, t.mask, t.stride
	for _, f := range feats {
		i := int(f&mask) * stride
		row := w[i : i+n]
		for _, c := range classes {
			sums[c] += int32(row[c])
		}
	}
	return scores[:n]
}

// sumLines adds to sums the weights of the classes given in the rows of
// feats in w, rows of a cache line (the relations) whose classes are below
// 64, which are read without a check. (Inlined in scoreSome, its loop
// lost its variables to the stack.)
//
//go:noinline
func sumLines(sums *[256]int32, feats []uint64, classes []uint8, w []int8, mask uint64) {
	for _, f := range feats {
		i := int(f&mask) * 64
		row := (*[64]int8)(w[i : i+64])
		for _, c := range classes {
			sums[c] += int32(row[c&63])
		}
	}
}

// score3 returns the sums of the rows of feats in a table of three
// classes (the moves).
func (t *table) score3(feats []uint64) [3]int32 {
	if !t.direct {
		return [3]int32(t.score(feats, nil))
	}
	var a, b, c int32
	w, mask := t.w, t.mask
	for _, f := range feats {
		i := int(f&mask) * 3
		row := w[i : i+3 : i+3]
		a += int32(row[0])
		b += int32(row[1])
		c += int32(row[2])
	}
	return [3]int32{a, b, c}
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
	// seen counts the features of each bucket in a first pass over the
	// training data, up to minCount; when minCount is above 1, keep
	// leaves out the features of buckets seen fewer times.
	seen     []uint16
	minCount int
}

// newTrainTable returns an empty table; minCount > 1 asks for a first
// pass of count before training.
func newTrainTable(bits uint, nClass, minCount int) *trainTable {
	n := (1 << bits) * nClass
	t := &trainTable{bits: bits, mask: 1<<bits - 1, nClass: nClass, w: make([]float32, n), u: make([]float64, n), c: 1}
	if minCount > 1 {
		t.minCount = min(minCount, math.MaxUint16)
		t.seen = make([]uint16, 1<<bits)
	}
	return t
}

// counting reports whether the table wants a first pass of count.
func (t *trainTable) counting() bool { return t.minCount > 1 }

// count counts feats in the first pass.
func (t *trainTable) count(feats []uint64) {
	for _, f := range feats {
		if b := f & t.mask; int(t.seen[b]) < t.minCount {
			t.seen[b]++
		}
	}
}

// keep removes from feats, in place, those of rare buckets.
func (t *trainTable) keep(feats []uint64) []uint64 {
	if t.minCount <= 1 {
		return feats
	}
	out := feats[:0]
	for _, f := range feats {
		if int(t.seen[f&t.mask]) >= t.minCount {
			out = append(out, f)
		}
	}
	return out
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

// average returns the averaged weights quantized to int8: weights are
// scaled so that the largest magnitude maps to 127 and those that round
// to zero are dropped. (Clipping the largest weights to give the others
// more levels costs accuracy; rounding the small ones does not.)
func (t *trainTable) average() (*table, error) {
	avg := func(i int) float64 { return float64(t.w[i]) - t.u[i]/t.c }
	maxAbs := 0.0
	for i := range t.w {
		maxAbs = max(maxAbs, math.Abs(avg(i)))
	}
	q := newTable(t.bits, t.nClass)
	if maxAbs > 0 {
		scale := 127 / maxAbs
		row := make([]int16, t.nClass)
		for b := range 1 << t.bits {
			for c := range row {
				row[c] = int16(math.Round(avg(b*t.nClass+c) * scale))
			}
			if err := q.add(b, row); err != nil {
				return nil, err
			}
		}
	}
	return q, nil
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
	t.each(func(b int, row []int16) {
		put(uint64(b - prev))
		prev = b
		nz := 0
		for _, v := range row {
			if v != 0 {
				nz++
			}
		}
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
	})
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
	nBits, err := get("table bits", 26)
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
	rows, err := get("row count", 1<<nBits)
	if err != nil {
		return nil, err
	}
	t := newTable(uint(nBits), int(nClass))
	row := make([]int16, nClass)
	b := -1
	for range rows {
		gap, err := get("bucket gap", 1<<nBits)
		if err != nil {
			return nil, err
		}
		b += int(gap)
		if gap == 0 || b >= 1<<nBits {
			return nil, fmt.Errorf("bucket %d out of order or range", b)
		}
		nz, err := get("row size", nClass)
		if err != nil {
			return nil, err
		}
		if nz == 0 {
			return nil, fmt.Errorf("bucket %d: empty row", b)
		}
		clear(row)
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
			if v == 0 || v < math.MinInt8 || v > math.MaxInt8 {
				return nil, fmt.Errorf("bucket %d: weight %d out of int8 range or zero", b, v)
			}
			row[c] = int16(v)
		}
		if err := t.add(b, row); err != nil {
			return nil, err
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
