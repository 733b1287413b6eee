package syntax

import (
	"bufio"
	"encoding/binary"
	"fmt"
)

// classSets maps small integer keys to short lists of classes, stored
// flat: the classes of key k are vals[start[k]:start[k+1]]. The parser
// keeps one to restrict the relation classifier to the relations seen in
// training between a head and a dependent of the given tags.
type classSets struct {
	start []uint32 // one more than the number of keys
	vals  []uint8
}

// get returns the classes of key k, none when k has no set.
func (c *classSets) get(k int) []uint8 {
	if k < 0 || k+1 >= len(c.start) {
		return nil
	}
	return c.vals[c.start[k]:c.start[k+1]]
}

// sets returns how many keys have a set.
func (c *classSets) sets() int {
	n := 0
	for k := 0; k+1 < len(c.start); k++ {
		if c.start[k+1] > c.start[k] {
			n++
		}
	}
	return n
}

// newClassSets builds the sets from member[k], the classes of key k in
// increasing order.
func newClassSets(member [][]uint8) classSets {
	c := classSets{start: make([]uint32, len(member)+1)}
	for k, m := range member {
		c.vals = append(c.vals, m...)
		c.start[k+1] = uint32(len(c.vals))
	}
	return c
}

// write stores the sets: the number of keys and of non-empty sets, then
// for each non-empty set the key gap, its size and its classes, all as
// varints.
func (c *classSets) write(w *bufio.Writer) {
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { w.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	keys := max(len(c.start)-1, 0)
	put(uint64(keys))
	put(uint64(c.sets()))
	prev := -1
	for k := range keys {
		s := c.get(k)
		if len(s) == 0 {
			continue
		}
		put(uint64(k - prev))
		prev = k
		put(uint64(len(s)))
		for _, v := range s {
			put(uint64(v))
		}
	}
}

// readClassSets reads what write stored, checking that there are keys
// keys and that every class is below nClass.
func readClassSets(r *bufio.Reader, keys, nClass int) (classSets, error) {
	get := func(what string, limit int) (int, error) {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return 0, fmt.Errorf("reading %s: %w", what, noEOF(err))
		}
		if v > uint64(limit) {
			return 0, fmt.Errorf("%s %d exceeds %d", what, v, limit)
		}
		return int(v), nil
	}
	n, err := get("key count", keys)
	if err != nil {
		return classSets{}, err
	}
	if n != keys {
		return classSets{}, fmt.Errorf("%d keys, want %d", n, keys)
	}
	nonEmpty, err := get("set count", keys)
	if err != nil {
		return classSets{}, err
	}
	member := make([][]uint8, keys)
	k := -1
	for range nonEmpty {
		gap, err := get("key gap", keys)
		if err != nil {
			return classSets{}, err
		}
		k += gap
		if gap == 0 || k >= keys {
			return classSets{}, fmt.Errorf("key %d out of order or range", k)
		}
		size, err := get("set size", nClass)
		if err != nil {
			return classSets{}, err
		}
		if size == 0 {
			return classSets{}, fmt.Errorf("key %d: empty set", k)
		}
		m := make([]uint8, size)
		for i := range m {
			v, err := get("class", nClass-1)
			if err != nil {
				return classSets{}, fmt.Errorf("key %d: %w", k, err)
			}
			m[i] = uint8(v)
		}
		member[k] = m
	}
	return newClassSets(member), nil
}
