package place

import "hash/maphash"

// keyFilter is a Bloom filter over a set of keys: two bits of a bitmap
// for each key, at two parts of its hash. A key it does not hold is none
// of the set; one it holds may be (a few in a hundred of other keys are
// held too). Locate asks it before the maps of the gazetteer, which it
// spares the lookups of most capitalized words: they name no place, and
// the maps are large enough that each lookup of one waits on memory.
type keyFilter struct {
	shift uint // 64 - log2 of the number of bits
	bits  []uint64
}

// newKeyFilter returns a filter of keys, with about 10 bits a key, for
// their hashes with seed.
func newKeyFilter[V any](seed maphash.Seed, keys map[string]V) keyFilter {
	n := uint(10)
	for 1<<n < 10*len(keys) {
		n++
	}
	f := keyFilter{shift: 64 - n, bits: make([]uint64, 1<<n/64)}
	for k := range keys {
		a, b := f.probes(maphash.String(seed, k))
		f.bits[a/64] |= 1 << (a % 64)
		f.bits[b/64] |= 1 << (b % 64)
	}
	return f
}

// probes returns the two bits of a hash.
func (f *keyFilter) probes(h uint64) (uint64, uint64) {
	return h >> f.shift, (h * 0xbf58476d1ce4e5b9) >> f.shift
}

// holds reports whether the key of hash h may be one of the filter's keys.
func (f *keyFilter) holds(h uint64) bool {
	a, b := f.probes(h)
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}
