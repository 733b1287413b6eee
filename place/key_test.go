package place

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// keyRef is the first, string-building Key, which appendKey must equal.
func keyRef(name string) string {
	particles := map[string]bool{
		"the": true, "al": true, "el": true, "as": true, "ad": true, "ar": true,
		"at": true, "an": true, "ash": true, "az": true, "ez": true, "es": true,
		"ed": true, "ul": true, "adh": true, "ath": true,
	}
	folds := strings.NewReplacer(
		"kh", "h", "gh", "g", "dh", "d", "ph", "f", "ck", "k", "q", "k",
		"ou", "u", "oo", "u", "ee", "i", "ey", "ai", "ei", "ai", "ay", "ai",
		"uw", "w", "iy", "i",
	)
	single := func(s string) string {
		var b strings.Builder
		prev := rune(-1)
		for _, r := range s {
			if r != prev {
				b.WriteRune(r)
			}
			prev = r
		}
		return b.String()
	}
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() == 0 {
			return
		}
		s := w.String()
		w.Reset()
		if particles[s] {
			return
		}
		switch {
		case len(s) > 3 && (strings.HasSuffix(s, "ah") || strings.HasSuffix(s, "eh")):
			s = s[:len(s)-2] + "a"
		case len(s) > 2 && s[len(s)-1] == 'y':
			s = s[:len(s)-1] + "i"
		}
		words = append(words, s)
	}
	if !isASCII(name) {
		name = norm.NFD.String(name)
	}
	for _, r := range name {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			w.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			w.WriteRune(r + 'a' - 'A')
		case r == '.' || r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u02bb' || r == '\u02bf' || r == '\u02be' || r == '`':
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			w.WriteByte('i')
		case r == 'ł' || r == 'Ł':
			w.WriteByte('l')
		case r == 'ø' || r == 'Ø':
			w.WriteByte('o')
		case r == 'đ' || r == 'Đ':
			w.WriteByte('d')
		case r == 'ß':
			w.WriteString("ss")
		case r == 'æ' || r == 'Æ':
			w.WriteString("ae")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return single(folds.Replace(single(strings.Join(words, ""))))
}

// keyCases are names whose keys exercise every rule of Key.
var keyCases = []string{
	"", " ", "-", "Hmeimim", "Khmeimim", "As-Suwayda", "Deir ez-Zor", "the Golan Heights",
	"Ţarţūs", "U.S.", "Ma'arat al-Nu'man", "Ma’arat", "Darayya", "Hammam", "Salamiyah",
	"Salamiyeh", "Qamishli", "Łódź", "İstanbul", "Ørsted", "Straße", "Ægir", "Đà Nẵng",
	"Москва", "Μόσχα", "القاهرة", "Rockville", "Phuket", "Ghouta", "Dhahran", "Uwaynat",
	"Shiyyah", "keey", "aaah", "ooou", "ckh", "kkh", "Eyyub", "kh h", "q", "qq", "ay",
	"ey", "eei", "iyy", "uww", "yyy", "ahh", "eh", "Al Ah", "\xff", "a\xffb", "ab\u0301c",
	"1st 2nd", "the the", "AL-", "x\u1041\u1041y", "\u1041", "йй", "e\u0301e\u0301",
}

func TestAppendKey(t *testing.T) {
	for _, name := range keyCases {
		if got, want := Key(name), keyRef(name); got != want {
			t.Errorf("Key(%q) = %q, want %q", name, got, want)
		}
	}
	// Every name of the gazetteer.
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := range g.feats {
		if n := g.feats[i].Name; Key(n) != g.feats[i].key || Key(n) != keyRef(n) {
			t.Errorf("Key(%q) = %q, want %q", n, Key(n), keyRef(n))
		}
	}
}

func TestAppendKeyAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = appendKey(buf[:0], "Deir ez-Zor Governorate") }); n != 0 {
		t.Errorf("appendKey: %v allocations, want 0", n)
	}
}

// TestKeyStem checks what Locate's grows relies on: the key of an ASCII
// text without its last stemCut bytes begins the key of every text that
// begins with it.
func TestKeyStem(t *testing.T) {
	const first = "aehikoquwycdgpltsnrAEHKOQUY -.'`,"
	const then = "aehikoquwycdgpltsn -.'AEKQ\u00e9\u0301\u2019\u00df\xff"
	r := rand.New(rand.NewSource(1))
	pick := func(alphabet string, n int) string {
		rs := []rune(alphabet)
		var b strings.Builder
		for range n {
			b.WriteRune(rs[r.Intn(len(rs))])
		}
		return b.String()
	}
	cases := [][2]string{{"th", "e"}, {"Shah", ".X"}, {"Abu", " Dhabi"}, {"Bab", " Bakr"}, {"Dek", " Hat"}, {"Deir ez", "-Zor"}}
	for range 200000 {
		cases = append(cases, [2]string{pick(first, 1+r.Intn(12)), pick(then, r.Intn(6))})
	}
	for _, c := range cases {
		checkStem(t, c[0], c[1])
	}
}

func checkStem(t *testing.T, s, more string) {
	t.Helper()
	if !isASCII(s) {
		return
	}
	k := []byte(Key(s))
	if long := Key(s + more); !strings.HasPrefix(long, string(stem(k))) {
		t.Errorf("Key(%q) = %q does not begin with %q, the stem of Key(%q) = %q", s+more, long, stem(k), s, k)
	}
}

// TestFoldASCII checks foldASCII against the three passes it stands for.
func TestFoldASCII(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const alphabet = "aeiouyqkhgdpfcwlz0"
	for range 200000 {
		b := make([]byte, r.Intn(10))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		want := string(single(fold(single(bytes.Clone(b)))))
		if got := string(foldASCII(bytes.Clone(b))); got != want {
			t.Fatalf("foldASCII(%q) = %q, want %q", b, got, want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, name := range keyCases {
		f.Add(name, " al-Hay")
	}
	f.Fuzz(func(t *testing.T, name, more string) {
		if got, want := Key(name), keyRef(name); got != want {
			t.Errorf("Key(%q) = %q, want %q", name, got, want)
		}
		checkStem(t, name, more)
	})
}
