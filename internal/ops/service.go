// Package ops is gongkai's operation layer: one function for each thing a
// person does (register an application, record a step, issue a letter, save
// or submit a report, record an appeal, load a calendar, import a register
// …). Each checks who acts, validates, writes in one transaction together
// with its audit entry, and returns what the caller shows. The web pages, the
// JSON API and the CLI only bind input to these functions and render their
// results (the shape of GoToSocial's processing/ over one store).
package ops

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Service runs the operations over one store, one clock and the calendar.
type Service struct {
	Store *store.Store
	Clock clock.Clock
	Log   *slog.Logger

	base   *workday.Calendar // the calendar embedded in the binary
	cache  *calCache
	checks chan struct{}   // report checks running (CheckReports): each may take every core
	mail   *sync.WaitGroup // mail to applicants sent after answering (MailLater)
}

// calCache is the calendar in force, shared by every view of the service.
type calCache struct {
	mu    sync.Mutex
	cal   *workday.Calendar
	stamp string
}

// New returns the service. base is the embedded calendar; notices loaded into
// the database are applied over it (and reloaded when another instance loads one).
func New(s *store.Store, clk clock.Clock, base *workday.Calendar, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{Store: s, Clock: clk, Log: log, base: base, cache: &calCache{}, checks: make(chan struct{}, maxChecks),
		mail: &sync.WaitGroup{}}
}

// At is the service seen through another clock (demo data recorded in the
// past, tests that walk through days); it shares the store and the calendar.
func (s *Service) At(c clock.Clock) *Service {
	cp := *s
	cp.Clock, cp.Store = c, s.Store.At(c)
	return &cp
}

// Calendar is the calendar in force: the embedded one with every notice the
// database holds. It is reloaded when the notices change, so that several
// instances on one database agree.
func (s *Service) Calendar(ctx context.Context) (*workday.Calendar, error) {
	stamp, err := s.Store.CalendarStamp(ctx)
	if err != nil {
		return nil, err
	}
	c := s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cal != nil && stamp == c.stamp {
		return c.cal, nil
	}
	cal, err := s.Store.Calendar(ctx, s.base)
	if err != nil {
		return nil, err
	}
	c.cal, c.stamp = cal, stamp
	return cal, nil
}

// Settings are the rules in force (the defaults until an administrator changes them).
func (s *Service) Settings(ctx context.Context) (settings.Settings, error) {
	doc, _, _, err := s.Store.Setting(ctx, settings.Key)
	if errors.Is(err, store.ErrNotFound) {
		return settings.Default(), nil
	}
	if err != nil {
		return settings.Default(), err
	}
	st, err := settings.Parse(doc)
	if err != nil {
		// a document that no longer reads must not stop the office: the defaults apply, and the log says so
		s.Log.Error("settings", "err", err)
	}
	return st, nil
}

// rules is what most operations need: the calendar and the settings.
func (s *Service) rules(ctx context.Context) (*workday.Calendar, settings.Settings, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, settings.Settings{}, err
	}
	st, err := s.Settings(ctx)
	return cal, st, err
}

// agencyRules is rules with an agency: what the deadlines and letters of its
// cases and items need.
func (s *Service) agencyRules(ctx context.Context, agencyID int64) (*workday.Calendar, settings.Settings, *org.Agency, error) {
	cal, st, err := s.rules(ctx)
	if err != nil {
		return nil, st, nil, err
	}
	ag, err := s.Store.GetAgency(ctx, agencyID)
	return cal, st, ag, err
}

// Principal is who acts: a signed-in user, an API key, the public, or the
// operator at the command line.
type Principal struct {
	UserID   int64
	AgencyID int64
	Name     string
	Role     casework.Role
	// Via is the channel: web, api, cli, public, or mail (the system's own
	// mail to applicants, audited once sent).
	Via string
}

// User is a signed-in person.
func User(u *org.User) Principal {
	return Principal{UserID: u.ID, AgencyID: u.AgencyID, Name: u.Name, Role: u.Role, Via: "web"}
}

// Key is an API key of an agency.
func Key(k *org.APIKey) Principal {
	return Principal{AgencyID: k.AgencyID, Name: "API:" + k.Name, Role: k.Role, Via: "api"}
}

// Applicant is a member of the public applying to an agency online.
func Applicant(agencyID int64) Principal {
	return Principal{AgencyID: agencyID, Name: "申请人（网上申请）", Role: casework.Clerk, Via: "public"}
}

// Operator is the command line acting for an agency (imports, keys): the
// person who can run the binary on the server acts as the office's head.
func Operator(agencyID int64, what string) Principal {
	return Principal{AgencyID: agencyID, Name: what, Role: casework.Approver, Via: "cli"}
}

// Administrator is the command line acting as the system administrator of
// an agency (0: of none yet): setting up a database, changing the settings.
// Who can run the binary on the server owns the system.
func Administrator(agencyID int64) Principal {
	return Principal{AgencyID: agencyID, Name: "管理员（命令行）", Role: casework.Admin, Via: "cli"}
}

// Actor is the principal as a case records it.
func (p Principal) Actor() casework.Actor { return casework.Actor{Name: p.Name, Role: p.Role} }

// Forbidden is the error of an action the principal's role may not take.
func Forbidden(msg string) error {
	return &errs.Error{Kind: errs.Forbidden, Msg: msg}
}

// notFound hides whether something exists in an agency the principal may not see.
var notFound = &errs.Error{Kind: errs.NotFound, Msg: "没有找到，或您无权查看", Cause: store.ErrNotFound}

// Visible are the agencies the principal may read: its own, and for a
// supervisor or an administrator every agency below it.
func (s *Service) Visible(ctx context.Context, p Principal) ([]int64, error) {
	if p.Role == casework.Supervisor || p.Role == casework.Admin {
		return s.Store.Below(ctx, p.AgencyID)
	}
	return []int64{p.AgencyID}, nil
}

// readableCase loads a case the principal may see (not found otherwise).
func (s *Service) readableCase(ctx context.Context, p Principal, id int64) (*casework.Case, error) {
	c, err := s.Store.GetCase(ctx, id)
	if err != nil {
		return nil, notFoundOr(err)
	}
	return c, s.canRead(ctx, p, c.AgencyID)
}

// canRead refuses (as not found) an agency the principal may not see.
func (s *Service) canRead(ctx context.Context, p Principal, agencyID int64) error {
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return err
	}
	if !slices.Contains(ids, agencyID) {
		return notFound
	}
	return nil
}

// actsFor says whether the principal may act on the agency's cases and
// records: only the agency's own staff (办理人, 负责人). Supervisors and
// administrators read; they never act for the agencies below.
func actsFor(p Principal, agencyID int64) bool {
	return p.AgencyID == agencyID && (p.Role == casework.Clerk || p.Role == casework.Approver)
}

// mustAct is canRead, then actsFor: a peer agency's record is not found, a
// lower agency's record is read-only.
func (s *Service) mustAct(ctx context.Context, p Principal, agencyID int64) error {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return err
	}
	if !actsFor(p, agencyID) {
		return Forbidden("只有本机关的办理人员可以办理；主管部门和系统管理员只能查看")
	}
	return nil
}

// write runs fn in one transaction that also writes the audit entry fn fills
// in: the change and its record land together or not at all.
func (s *Service) write(ctx context.Context, p Principal, action audit.Action, fn func(tx *store.Tx, e *audit.Entry) error) error {
	return s.Store.InTx(ctx, func(tx *store.Tx) error {
		e := audit.Entry{UserID: p.UserID, AgencyID: p.AgencyID, Actor: p.Name, Action: action}
		if err := fn(tx, &e); err != nil {
			return err
		}
		return tx.Audit(ctx, e)
	})
}

// errUnchanged ends a write that has nothing to write.
var errUnchanged = errors.New("nothing to write")

// savedOver refuses a save from a form opened before someone else's: seen
// is the fingerprint the form carried ("": none, nothing to compare), now
// the record's as stored, diff how what was typed differs from it (the
// message names it: opened, "这条记录"; what, "记录"). errUnchanged when
// what was typed is what is stored (the same change saved twice). A save
// that goes ahead has the change in its audit entry's detail.
func savedOver(e *audit.Entry, seen, now, diff, opened, what string) error {
	switch {
	case seen == "" || seen == now:
		if diff != "" {
			e.Detail += "（" + diff + "）"
		}
		return nil
	case diff == "":
		return errUnchanged
	}
	return &errs.Error{Kind: errs.Conflict, Where: "form", Cause: errors.New("changed since the form was opened"),
		Msg: "未保存：您打开" + opened + "之后，它已被他人修改。现在的" + what + "与您填写的不同之处：" + diff +
			"（箭头前是现在的，后面是您填写的）。请核对后再保存"}
}

// baseName is a file's name without the folders a path or an old browser
// (C:\Users\…\报告.docx) puts before it.
func baseName(name string) string { return name[strings.LastIndexAny(name, `/\`)+1:] }

// visibleAgencies are the agencies the principal may see, ids and records.
func (s *Service) visibleAgencies(ctx context.Context, p Principal) ([]int64, []*org.Agency, error) {
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return nil, nil, err
	}
	ags, err := s.Store.Agencies(ctx, ids)
	return ids, ags, err
}
