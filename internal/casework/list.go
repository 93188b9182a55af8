package casework

import (
	"time"

	"gongkai/internal/workday"
)

// Row is a case as a list shows it.
type Row struct {
	ID            int64         `json:"id"`
	AgencyID      int64         `json:"agency_id"`
	Agency        string        `json:"agency,omitempty"` // the agency's name, for lists that span several
	Serial        string        `json:"serial"`
	Channel       Channel       `json:"channel"`
	ApplicantType ApplicantType `json:"applicant_type"`
	ApplicantName string        `json:"applicant_name"`
	IDNumber      string        `json:"id_number"` // masked
	Description   string        `json:"description"`
	Received      workday.Date  `json:"received_on"`
	State         State         `json:"state"`
	Outcome       OutcomeID     `json:"outcome,omitempty"`
	ClosedOn      *workday.Date `json:"closed_on,omitempty"`
	DueOn         *workday.Date `json:"due_on,omitempty"`
	DueMovedFrom  *workday.Date `json:"due_moved_from,omitempty"`
	// ExtraOn is the other deadline an open case waits on (补正 period,
	// payment period), ExtraWhat names it.
	ExtraOn   *workday.Date `json:"extra_on,omitempty"`
	ExtraWhat string        `json:"extra_what,omitempty"`
	CreatedAt time.Time     `json:"created_at"`
	HandlerID int64         `json:"handler_id,omitempty"` // the 承办人 (0: not assigned)
	Handler   string        `json:"handler,omitempty"`    // the 承办人's name
	// Marks are the counted steps it took (延期, 补正, 征求意见); Steps their keys
	Marks Mark     `json:"-"`
	Steps []string `json:"steps,omitempty"`
	// ArchiveNo is the 档号 it was filed under ("": not filed)
	ArchiveNo string `json:"archive_no,omitempty"`
	// Proposed: a step proposed to the head of the office waits
	Proposed bool `json:"proposed,omitempty"`
}

// Filter selects cases for a list. Zero values do not filter.
type Filter struct {
	AgencyIDs     []int64 // required: the agencies the viewer may see
	State         State
	Outcome       OutcomeID
	Result        string // a 表三 result group (OutcomeGroups): its outcomes
	Mark          Mark   // answered or not, the cases that took this counted step
	Channel       Channel
	ApplicantType ApplicantType
	ReceivedFrom  *workday.Date
	ReceivedTo    *workday.Date
	CreatedFrom   time.Time     // registered at or after this instant (today's new applications)
	DueBy         *workday.Date // open cases due on or before this date
	DueFrom       *workday.Date // open cases due on or after this date (with DueBy: due soon, not yet overdue)
	OverdueOn     *workday.Date // open cases whose deadline passed before this date (today)
	ExtraBefore   *workday.Date // open cases whose other period (补正, payment) passed before this date
	ClosedFrom    *workday.Date // answered on or after this date
	ClosedTo      *workday.Date // answered on or before this date
	Late          bool          // answered after the reply deadline
	Query         string        // serial, applicant name or request text
	Open          bool          // only cases not yet closed (or merged into another)
	Handler       int64         // >0: the cases of this 承办人 (a user id)
	Unassigned    bool          // the cases with no 承办人
	Filed         string        // "filed": those with a 档号; "unfiled": closed ones without one
	Asked         bool          // open cases whose applicant sent a 补正 or a request to withdraw online, for the agency to confirm
	Proposed      bool          // cases with a step proposed to the head of the office, waiting
	Returned      bool          // open cases whose last proposal the head returned
	Limit, Offset int
}

// DueShown is the reply deadline a list shows for the row: none while a 补正
// is awaited (the date kept is the one the 补正 stopped), nor when there is
// none (a paused clock, a year's holidays not loaded).
func (r Row) DueShown() *workday.Date {
	if r.State == AwaitingCorrection {
		return nil
	}
	return r.DueOn
}

// Late reports an open application whose reply deadline passed before today.
func (r Row) Late(today workday.Date) bool {
	d := r.DueShown()
	return r.State.Open() && d != nil && *d < today
}

// AnsweredLate reports an application answered after its reply deadline, as
// Filter.Late and the 办理情况统计 count it.
func (r Row) AnsweredLate() bool {
	return r.State == Closed && r.DueOn != nil && r.ClosedOn != nil && *r.ClosedOn > *r.DueOn
}

// LetterMail is a letter of a case sent to the applicant by e-mail.
type LetterMail struct {
	Seq    int       `json:"seq"`
	Number string    `json:"number"`
	To     string    `json:"to"`
	At     time.Time `json:"sent_at"`
	By     string    `json:"sent_by"`
}

// ApplicantNotice is an e-mail that told the applicant of their
// application: the receipt, a step that asks something of them or moves
// their date, the answer. A courtesy, not a delivery (Delivery is that).
type ApplicantNotice struct {
	Seq  int       `json:"seq"`     // the step it told of
	What string    `json:"what"`    // 申请回执, the step's or the result's name
	To   string    `json:"to"`      // the address, masked
	At   time.Time `json:"sent_at"` // when it was sent
}

// OnlineCorrection is a 补正 the applicant sent online by the 查询码: not yet
// received in law until the agency confirms it (收到补正后的申请).
type OnlineCorrection struct {
	At           time.Time `json:"sent_at"`
	Text         string    `json:"text"`
	AttachmentID int64     `json:"attachment_id,omitempty"` // the file sent with it (0: none)
}

// WithdrawRequest is the applicant's request, sent online by the 查询码, to
// withdraw the application: the agency records the withdrawal (申请人撤回申请).
type WithdrawRequest struct {
	At     time.Time `json:"sent_at"`
	Reason string    `json:"reason,omitempty"`
}

// Attachment is a file kept with a case.
type Attachment struct {
	ID          int64     `json:"id"`
	CaseID      int64     `json:"case_id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	UploadedAt  time.Time `json:"uploaded_at"`
	UploadedBy  string    `json:"uploaded_by"`
	// Note says what was done to the file before it was kept (区分处理:
	// what kinds of personal information were covered, how many times)
	Note string `json:"note,omitempty"`
	// RemovedAt: taken out as uploaded by mistake (nil: in the case), by
	// whom and why; the content is gone, the line stays.
	RemovedAt     *time.Time `json:"removed_at,omitempty"`
	RemovedBy     string     `json:"removed_by,omitempty"`
	RemovedReason string     `json:"removed_reason,omitempty"`
}
