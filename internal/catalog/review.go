package catalog

import (
	"fmt"
	"slices"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
)

// 三审三校 (law.md §5.5): no national text fixes it, so the chain is
// configurable (Config.Reviews, default three): each review is by a
// different person who did not write the item, the last (终审) by the head
// of the disclosure office, and before each review a 校对 pass is recorded
// (who, when, what they found or changed). The principle is 先审核、后发布.

// Config is the review chain in force (from the settings).
type Config struct {
	Reviews int // 审 levels, the last being 终审 (default 3)
}

// DefaultConfig is 三审三校.
func DefaultConfig() Config { return Config{Reviews: 3} }

// ReviewName is the Chinese name of review n (1-based) of total.
func ReviewName(n, total int) string {
	switch {
	case n == total:
		return "终审"
	case n == 1:
		return "初审"
	case n == 2:
		return "复审"
	}
	return fmt.Sprintf("第%d审", n)
}

// ProofName is the Chinese name of proof pass n.
func ProofName(n int) string {
	if n >= 1 && n <= 3 {
		return []string{"一校", "二校", "三校"}[n-1]
	}
	return fmt.Sprintf("第%d校", n)
}

// Actor is who acts on an item. Key identifies the person (a user, an API
// key) so that two people who share a name are still two people.
type Actor struct {
	Key  string
	Name string
	Role casework.Role
}

// Decision of a review.
type Decision string

const (
	Pass   Decision = "pass"   // 通过
	Return Decision = "return" // 退回修改
)

// Review is one 审 of an item.
type Review struct {
	ItemID   int64         `json:"item_id"`
	Cycle    int           `json:"cycle"`
	Stage    int           `json:"stage"`
	By       string        `json:"by"`
	ByKey    string        `json:"-"`
	Role     casework.Role `json:"role"`
	Decision Decision      `json:"decision"`
	Note     string        `json:"note"`
	Errors   int           `json:"errors"` // error findings open when it was given
	At       time.Time     `json:"at"`
}

// Proof is one 校 of an item: what the proof-reader found or changed.
type Proof struct {
	ItemID  int64     `json:"item_id"`
	Cycle   int       `json:"cycle"`
	Pass    int       `json:"pass"`
	By      string    `json:"by"`
	ByKey   string    `json:"-"`
	Note    string    `json:"note"`
	Changed []string  `json:"changed,omitempty"` // fields the pass changed
	At      time.Time `json:"at"`
}

// History is an item's reviews and proofs, oldest first.
type History struct {
	Reviews []Review
	Proofs  []Proof
}

func (h History) cycle(c int) (rs []Review, ps []Proof) {
	for _, r := range h.Reviews {
		if r.Cycle == c {
			rs = append(rs, r)
		}
	}
	for _, p := range h.Proofs {
		if p.Cycle == c {
			ps = append(ps, p)
		}
	}
	return rs, ps
}

func conflict(format string, args ...any) error {
	return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: fmt.Sprintf(format, args...)}
}

// CanSubmit says whether the item may go to review: a draft whose
// metadata is complete and whose 保密审查 checklist is all confirmed.
func CanSubmit(it *Item) error {
	if it.State != Draft {
		return conflict("只有草稿可以提交审核（当前状态：%s）", StateName(it.State))
	}
	if err := it.Validate(); err != nil {
		return err
	}
	var missing []string
	for _, c := range Checklist {
		if !slices.Contains(it.Checklist, c.ID) {
			missing = append(missing, c.Text)
		}
	}
	if len(missing) > 0 {
		return errs.New("checklist", "提交审核前请完成保密审查，逐项确认：%s", missing[0])
	}
	return nil
}

// CanProof says whether a proof pass may be recorded now: the item is in
// review and the pass before the next review is not yet recorded.
func CanProof(it *Item, h History, cfg Config) error {
	if it.State != InReview {
		return conflict("只有审核中的信息可以登记校对（当前状态：%s）", StateName(it.State))
	}
	_, ps := h.cycle(it.Cycle)
	if len(ps) >= it.Stage {
		return conflict("%s已登记，请先完成%s", ProofName(len(ps)), ReviewName(it.Stage, cfg.Reviews))
	}
	return nil
}

// CanReview says whether a may give review it.Stage now. The item must be in
// review, its proof pass recorded, a must not be its author nor have given
// an earlier review of this round, and 终审 is the head's.
func CanReview(it *Item, h History, a Actor, cfg Config) error {
	if it.State != InReview {
		return conflict("只有审核中的信息可以审核（当前状态：%s）", StateName(it.State))
	}
	name := ReviewName(it.Stage, cfg.Reviews)
	rs, ps := h.cycle(it.Cycle)
	if len(ps) < it.Stage {
		return conflict("%s前须先登记%s", name, ProofName(it.Stage))
	}
	if a.Key == it.CreatedByID {
		return conflict("%s不能由起草人本人进行：三审须由三位不同的人员完成", name)
	}
	for _, r := range rs {
		if r.ByKey == a.Key && r.Decision == Pass {
			return conflict("您已完成本轮的%s，同一人不能审核两次：三审须由三位不同的人员完成", ReviewName(r.Stage, cfg.Reviews))
		}
	}
	if it.Stage == cfg.Reviews && a.Role != casework.Approver {
		return conflict("终审须由本机关政府信息公开工作机构负责人进行")
	}
	return nil
}

// ChainComplete checks, at publication, that the round that approved the
// item holds every review by distinct people none of whom wrote it, the last
// by a head, and every proof pass: publication re-checks what the reviews
// checked one by one, so that no path around them publishes.
func ChainComplete(it *Item, h History, cfg Config) error {
	if it.State != Approved {
		return conflict("只有审核通过的信息可以发布（当前状态：%s）", StateName(it.State))
	}
	rs, ps := h.cycle(it.Cycle)
	seen := map[string]string{it.CreatedByID: it.CreatedBy}
	stages := 0
	for _, r := range rs {
		if r.Decision != Pass {
			continue
		}
		if who, dup := seen[r.ByKey]; dup {
			return conflict("%s参与了两次审核（或审核了本人起草的信息），不能发布：三审须由三位不同的人员完成", who)
		}
		seen[r.ByKey] = r.By
		stages++
		if r.Stage == cfg.Reviews && r.Role != casework.Approver {
			return conflict("终审不是由负责人完成的，不能发布")
		}
	}
	if stages < cfg.Reviews {
		return conflict("审核未完成（已完成 %d 审，须 %d 审），不能发布", stages, cfg.Reviews)
	}
	if len(ps) < cfg.Reviews {
		return conflict("校对未完成（已完成 %d 校，须 %d 校），不能发布", len(ps), cfg.Reviews)
	}
	return nil
}

// Checklist is the 保密审查 the author confirms before review (《条例》
// Art. 17 requires a review mechanism; these are its usual points).
var Checklist = []struct {
	ID, Text string
}{
	{"secret", "不涉及国家秘密，未使用涉密文件、涉密数据"},
	{"work_secret", "不涉及工作秘密、敏感信息和内部事务"},
	{"privacy", "不含个人隐私（身份证号码、手机号码、住址等）或已作处理"},
	{"commercial", "不含商业秘密，涉及第三方的已征求其意见"},
	{"attribute", "已确定公开属性，依据充分"},
}

func checklistText(id string) string {
	for _, c := range Checklist {
		if c.ID == id {
			return c.Text
		}
	}
	return ""
}
