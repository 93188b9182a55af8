package casework

import "time"

// ProposalState is where a proposal stands.
type ProposalState string

const (
	ProposalPending   ProposalState = "pending"   // waiting for the head of the office
	ProposalApproved  ProposalState = "approved"  // the head took the step
	ProposalReturned  ProposalState = "returned"  // the head sent it back, with a comment
	ProposalWithdrawn ProposalState = "withdrawn" // its proposer took it back
)

// Proposal is a step a 办理人 prepares for the head of the disclosure office
// (负责人), who alone may take it: an extension (Art. 33), a reasonable
// period (Art. 35), an undo, an answer that withholds (Arts. 14–16, 37).
// The head approves it — the step is then recorded as the head's, on the
// day the proposal gives — or returns it with a comment; the proposer may
// withdraw it. It changes nothing of the case until approved.
type Proposal struct {
	ID        int64         `json:"id"`
	Step      Step          `json:"step"`
	Note      string        `json:"note,omitempty"` // 拟办意见: why, for the head
	By        string        `json:"by"`
	ByID      int64         `json:"-"`
	At        time.Time     `json:"at"`
	State     ProposalState `json:"state"`
	DecidedBy string        `json:"decided_by,omitempty"`
	DecidedAt time.Time     `json:"decided_at,omitzero"`
	Comment   string        `json:"comment,omitempty"` // the head's, when returned
}

// NeedsHead reports whether only the head of the office may take the step:
// a step reserved to them, or an answer that withholds in whole or part.
func NeedsHead(s Step) bool {
	if HeadOnly(s.Kind) {
		return true
	}
	if s.Kind != KindDecide {
		return false
	}
	ids := []OutcomeID{s.Outcome}
	for _, it := range s.Items {
		ids = append(ids, it.Outcome)
	}
	for _, id := range ids {
		if o := OutcomeByID(id); o != nil && o.Withholds {
			return true
		}
	}
	return false
}
