package casework

import (
	"strings"
)

// ServiceForm is a letter's 送达回证: the form that goes with a letter handed
// over or posted, for the applicant to sign and send back, so that the day
// the 复议 and 诉讼 periods run from can be proved. The 条例 prescribes no
// form; this one holds what the 送达 record of the case page asks for. A
// delivery already recorded for the letter fills in its way and day; the
// rest is written by hand.
type ServiceForm struct {
	Agency    string `json:"agency"`    // who serves the letter
	Document  string `json:"document"`  // the kind of letter: 政府信息公开申请答复书
	Number    string `json:"number"`    // its 文号
	Addressee string `json:"addressee"` // the applicant
	Address   string `json:"address"`   // the applicant's postal address ("": to write by hand)
	// Method is the way a recorded delivery took (with its 邮件号); "" when
	// none is recorded: Methods are printed to tick
	Method  string   `json:"method"`
	Methods []string `json:"methods"`
	SentOn  string   `json:"sent_on"` // the recorded delivery's day, in Chinese ("" to write)
}

// ServiceFormFor is the 送达回证 of letter l of case c, from the deliveries
// recorded for the case (the latest of the letter's, if any).
func ServiceFormFor(c *Case, l *Letter, ds []Delivery) ServiceForm {
	a := c.Intake.Applicant
	f := ServiceForm{Agency: l.Signer, Document: l.KindTitle(), Number: l.Number, Addressee: a.Name,
		Address: strings.TrimSpace(a.Address), Methods: DeliveryMethods}
	for _, d := range ds {
		if d.Number != l.Number {
			continue
		}
		f.Method, f.SentOn = d.Method, d.SentOn.Chinese()
		if d.Tracking != "" {
			f.Method += "（邮件号 " + d.Tracking + "）"
		}
	}
	return f
}

// FileName is the name the form downloads under.
func (f ServiceForm) FileName() string {
	return "送达回证 " + f.Number + " " + f.Document
}
