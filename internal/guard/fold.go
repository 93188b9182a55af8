package guard

import "unicode"

// Fold is HalfWidth, then lower case: how searches compare text, so that
// ＡＢＣ, ABC and abc are one word; and a radical's look-alike is the
// character it shows (HanForm: ⼈⺠ is 人民).
func Fold(r rune) rune {
	if u, ok := HanForm(r); ok {
		return u
	}
	return unicode.ToLower(HalfWidth(r))
}
