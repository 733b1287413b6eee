package place

import "hash/maphash"

// keyFilter is a Bloom filter over a set of keys: two bits for each key,
// both in the one 64-bit word of the bitmap its hash picks, so that a
// test reads one word from memory. A key it does not hold is none of the
// set; one it holds may be (a few in a hundred of other keys are held
// too). Locate asks it before the maps of the gazetteer, which it spares
// the lookups of most capitalized words: they name no place, and the maps
// are large enough that each lookup of one waits on memory.
type keyFilter struct {
	shift uint // 64 - log2 of the number of words
	bits  []uint64
}

// newKeyFilter returns a filter of keys, with about 10 bits a key, for
// their hashes with seed.
func newKeyFilter[V any](seed maphash.Seed, keys map[string]V) keyFilter {
	n := uint(4)
	for 64<<n < 10*len(keys) {
		n++
	}
	f := keyFilter{shift: 64 - n, bits: make([]uint64, 1<<n)}
	for k := range keys {
		w, m := f.probes(maphash.String(seed, k))
		f.bits[w] |= m
	}
	return f
}

// probes returns the word of a hash and its two bits in it.
func (f *keyFilter) probes(h uint64) (uint64, uint64) {
	return h >> f.shift, 1<<(h&63) | 1<<(h>>6&63)
}

// holds reports whether the key of hash h may be one of the filter's keys.
func (f *keyFilter) holds(h uint64) bool {
	w, m := f.probes(h)
	return f.bits[w]&m == m
}
