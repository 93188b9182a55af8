package casework

import (
	"slices"

	"gongkai/internal/workday"
)

// Config holds the periods of the 条例 and the rules the law leaves open
// (law.md marks them UNCONFIRMED). The open ones are settings an
// administrator changes (internal/settings, docs/CASEWORK.md); the letters
// and the clock read them from here.
type Config struct {
	ReplyDays        int `json:"reply_days"`        // 20 working days (Art. 33)
	ExtensionDays    int `json:"extension_days"`    // at most 20 more (Art. 33)
	CorrectionNotice int `json:"correction_notice"` // the 补正 notice within 7 working days of receipt (Art. 30)
	CorrectionPeriod int `json:"correction_period"` // the applicant's "reasonable" period to correct; generally ≤ 15 (Jiangsu 规范)
	// ConsultDays: a third party (Art. 32) or a co-maker (Art. 34) answers
	// within 15 working days of receiving the request.
	ConsultDays int `json:"consult_days"`
	// OrganConsultDays: other organs consulted (Art. 33 para 3) have no fixed
	// period in the 条例; 0 excludes the whole consultation from the clock.
	OrganConsultDays int  `json:"organ_consult_days"`
	PaymentDays      int  `json:"payment_days"`     // 20 working days from the day after the notice is received (provincial restatements of 109号)
	FeePausesClock   bool `json:"fee_pauses_clock"` // whether the reply clock stops while a fee is unpaid: UNCONFIRMED nationally
	// ReviewFirst are the outcomes whose reply says the applicant 应当先 apply
	// for 复议 (行政复议法 2023 Art. 23 para 1 item 4: 不予公开).
	ReviewFirst []OutcomeID `json:"review_first"`
	// NonLitigableRemedy is the remedy paragraph of replies a court will not
	// hear on their own (法释〔2025〕8号 Art. 10): "standard", "review_only" or "none".
	NonLitigableRemedy string `json:"non_litigable_remedy"`
	// UnitOfCount is how 表三 counts an application with several items:
	// "application" (one outcome each) or "item" (one outcome per item).
	UnitOfCount string `json:"unit_of_count"`
	// MassRequestDays is the reasonable extra time proposed when many
	// applications are found justified but cannot be met in time (Art. 35).
	MassRequestDays int `json:"mass_request_days"`
}

// DefaultConfig is the national reading.
func DefaultConfig() Config {
	return Config{ReplyDays: 20, ExtensionDays: 20, CorrectionNotice: 7, CorrectionPeriod: 15, ConsultDays: 15, OrganConsultDays: 0,
		PaymentDays: 20, FeePausesClock: true, NonLitigableRemedy: RemedyStandard, UnitOfCount: UnitApplication, MassRequestDays: 20,
		ReviewFirst: []OutcomeID{"partly_disclosed", "state_secret", "law_forbids", "security_stability", "third_party",
			"internal_affairs", "process_info", "enforcement_file"}}
}

// Remedy policies for non-litigable replies.
const (
	RemedyStandard   = "standard"    // the usual 复议 or 诉讼 paragraph (the law does not forbid it)
	RemedyReviewOnly = "review_only" // 复议 only
	RemedyNone       = "none"        // no remedy paragraph
)

// Units of count in 表三.
const (
	UnitApplication = "application"
	UnitItem        = "item"
)

// IsReviewFirst reports whether the reply to an outcome says 复议前置.
func (c Config) IsReviewFirst(o OutcomeID) bool { return slices.Contains(c.ReviewFirst, o) }

// The 2007 条例 (国务院令第492号, Art. 24) gave 15 working days and 15 more;
// it still governs applications received before the 2019 revision took
// effect (law.md §2.7).
var (
	Revision2019 = workday.MustDate("2019-05-15")
	oldReplyDays = 15
	oldExtension = 15
)

// periods returns the reply period and the extension for an application
// received on d, and the provision they come from.
func (c Config) periods(d workday.Date) (reply, extension int, basis string) {
	if d < Revision2019 {
		return oldReplyDays, oldExtension, "2007年《条例》第二十四条（2019年5月15日前收到的申请）"
	}
	return c.ReplyDays, c.ExtensionDays, "《条例》第三十三条第二款"
}

// consultDays is the answer period of a consultation (0: none fixed).
func (c Config) consultDays(party PartyKind) int {
	if party == PartyOrgan {
		return c.OrganConsultDays
	}
	return c.ConsultDays
}
