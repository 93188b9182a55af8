package guard

import "unicode"

// Fold is HalfWidth, then lower case: how searches compare text, so that
// ＡＢＣ, ABC and abc are one word.
func Fold(r rune) rune { return unicode.ToLower(HalfWidth(r)) }
