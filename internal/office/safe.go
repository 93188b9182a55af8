package office

import (
	"strconv"
	"strings"
)

// SafeCell neutralises text that a spreadsheet would run as a formula when
// the file is opened or re-saved: a cell beginning with = + - @, a tab or a
// carriage return gets a leading apostrophe, the way Excel itself marks
// "text, not a formula" (OWASP, CSV injection). Numbers such as -3 stay as
// they are. Every CSV and XLSX the program writes passes its text through
// here, since names and descriptions come from the public.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		if _, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "\t\r\n") {
			return s
		}
		return "'" + s
	}
	// full-width forms that spreadsheet software may normalise
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}
