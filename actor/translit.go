package actor

import "strings"

// TranslitKey returns the transliteration key of a person's name: one key
// per word, joined by spaces, such that the usual romanizations of one
// Arabic, Persian, Russian, Turkish or Hebrew name give the same key
// ("Ahmad Al-Sharaa" and "Ahmed al-Shara" give "ahmd shr"). Two names with
// the same key are candidates for being one person; KB.SamePerson and
// KB.SameActor decide with the knowledge base, country and role.
//
// The rules, applied in order:
//  1. fold: lower case, diacritics removed (ğ→g, ı→i, ü→u); apostrophes,
//     ayn and hamza marks dropped ("Sa'ar" → "saar"); hyphens split words.
//  2. drop Arabic articles (al, el, ad, as, an, ar, at, az, ash) and
//     honorifics (sheikh, sayyed, ayatollah, king, prince, president...);
//     "ibn"/"ben" become "bin"; a word starting abdul/abdel/abdal/abdol is
//     cut into "abd" and the rest; common given names take one form
//     (Mehmet/Muhammad/Mohamed → mohammed, Sergei → sergey; see looseNames).
//  3. consonants: kh, ch → h; gh, q, ck, c before a/o/u → k; ph → f;
//     th → t; dh → z; dj, j, zh → g; x → ks; tz, ts → z; a final
//     -ow/-ew is -ov/-ev.
//  4. a word-initial "ye"/"yi" loses its y (Yevgeny/Evgeny, Yisrael/Israel);
//     a word-initial "iu"/"ia"/"io" becomes "yu"/"ya"/"yo" (Iurii/Yury).
//  5. a final h after a vowel goes (Qasrah/Qasra, Haniyeh/Haniya).
//  6. vowels (a e i o u, y and w after a letter) are dropped except the
//     first letter of a word, which becomes "a" when it is a vowel
//     (Ebrahim/Ibrahim → abrhm).
//  7. doubled letters count once (Hassan/Hasan, Gallant/Galant); letters
//     that meet only once vowels are gone stay two (Tamim → tmm).
//
// Keys are for finding candidates, not for deciding: "Hama" (hm) and
// "Hamas" (hms) differ, but so would be equal two unrelated names that
// differ only in their vowels.
func TranslitKey(name string) string {
	return strings.Join(translitWords(name), " ")
}

// honorifics are titles and articles left out of keys.
var honorifics = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "an": true, "ar": true, "at": true, "az": true, "ash": true, "ath": true,
	"sheikh": true, "shaikh": true, "sheik": true, "sayyed": true, "sayyid": true, "sayed": true, "ayatollah": true,
	"king": true, "queen": true, "prince": true, "princess": true, "president": true, "emir": true, "sultan": true,
	"sir": true, "dr": true, "mr": true, "mrs": true, "ms": true, "general": true, "gen": true, "crown": true,
	"emperor": true, "pope": true, "hajj": true, "haj": true, "mullah": true,
}

// translitWords returns the key of each word of name (rules 1-2 and a
// skeleton of each word).
func translitWords(name string) []string {
	f := strings.NewReplacer("-", " ", "'", "", "\u02bf", "", "\u02be", "", ",", " ").Replace(fold(name))
	var out []string
	for _, w := range strings.Fields(f) {
		if honorifics[w] {
			continue
		}
		switch w {
		case "ibn", "ben", "bn":
			w = "bin"
		}
		for _, p := range []string{"abdul", "abdel", "abdal", "abdol", "abdoul", "abdoulaye"} {
			if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
				out = append(out, "abd")
				w = rest
				break
			}
		}
		if v, ok := looseNames[w]; ok {
			w = v
		}
		if k := skeleton(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// digraphs are replaced before vowels are dropped (rule 3).
var digraphs = strings.NewReplacer(
	"kh", "h", "ch", "h", "gh", "k", "ck", "k", "q", "k", "ph", "f", "th", "t", "dh", "z",
	"dj", "g", "j", "g", "zh", "g", "x", "ks", "tz", "z", "ts", "z",
)

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}

// skeleton applies rules 3-7 to one folded word.
func skeleton(w string) string {
	if w == "" {
		return ""
	}
	// rule 4
	switch {
	case strings.HasPrefix(w, "ye"), strings.HasPrefix(w, "yi"):
		w = w[1:]
	case len(w) > 2 && w[0] == 'i' && (w[1] == 'u' || w[1] == 'a' || w[1] == 'o') && !isVowel(w[2]):
		w = "y" + w[1:]
	}
	// c before a back vowel or a consonant is k (Cohen/Kohen); before e/i it stays
	if strings.IndexByte(w, 'c') >= 0 {
		b := []byte(w)
		for i := range b {
			if b[i] == 'c' && (i+1 == len(b) || b[i+1] != 'h' && b[i+1] != 'e' && b[i+1] != 'i' && b[i+1] != 'y') {
				b[i] = 'k'
			}
		}
		w = string(b)
	}
	// a final -ow, -ew is the German and Polish spelling of -ov, -ev
	if n := len(w); n > 3 && w[n-1] == 'w' && (w[n-2] == 'o' || w[n-2] == 'e') {
		w = w[:n-1] + "v"
	}
	w = digraphs.Replace(w)
	// rule 5
	if n := len(w); n > 2 && w[n-1] == 'h' && isVowel(w[n-2]) {
		w = w[:n-1]
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i > 0 && w[i-1] == c {
			continue // rule 7
		}
		if i == 0 {
			if isVowel(c) && c != 'y' && c != 'w' {
				c = 'a'
			}
		} else if isVowel(c) {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// namesMatch reports whether two names, as word keys, can be one person:
// the same words; the same letters once the spaces are gone
// ("Amir-Abdollahian"/"Amirabdollahian") when the word counts differ; or the shorter a part of the
// longer with the same last word, and the same first word when it has two
// or more ("Javad Zarif"/"Mohammad Javad Zarif" match, "Ahmed al-Sharaa"/
// "Farouk al-Sharaa" do not).
func namesMatch(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	joined := len(a) != len(b) && joinedKey(a) == joinedKey(b)
	if a[len(a)-1] != b[len(b)-1] {
		return joined
	}
	if len(a) >= 2 && a[0] != b[0] {
		// a middle name may stand first: "Javad Zarif" in "Mohammad Javad Zarif"
		return joined || len(a) == 2 && len(b) > 2 && subsequence(a, b)
	}
	return subsequence(a, b)
}

// subsequence reports whether a's words appear in b in order.
func subsequence(a, b []string) bool {
	j := 0
	for _, w := range b {
		if j < len(a) && a[j] == w {
			j++
		}
	}
	return j == len(a)
}

// joinedKey is the words' keys run together, vowel markers of later words
// dropped ("hsn amr abdlhn" → "hsnmrbdlhn").
func joinedKey(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && strings.HasPrefix(w, "a") {
			w = w[1:]
		}
		b.WriteString(w)
	}
	return b.String()
}
