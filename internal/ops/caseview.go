package ops

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/internal/appeal"
	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/redact"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// CaseView is everything a case page or the API shows of one case.
type CaseView struct {
	Case         *casework.Case
	Agency       *org.Agency
	Deadline     casework.Deadline
	DeadlineNote string // why the deadline is unknown (a year's holiday notice not loaded)
	Allowed      []casework.StepKind
	Defects      errs.List // Art. 29 content the application lacks: reasons for 补正
	Suspects     []casework.Suspect
	Files        []casework.Attachment
	Appeals      []appeal.Record
	Letters      map[int]string // 文号 of the letters issued, by event
	Mails        []casework.LetterMail
	Notices      []casework.ApplicantNotice // e-mails that told the applicant of a step
	Deliveries   []casework.Delivery        // letters delivered by hand or post, as recorded
	// Phrases are the agency's notes its staff used at least twice in the
	// last year, per step kind (常用语), for those who act on the case.
	Phrases map[casework.StepKind][]string
	// Corrections are the 补正 the applicant sent online (Files holds their files)
	Corrections []casework.OnlineCorrection
	// Withdraws are the applicant's requests, sent online, to withdraw
	Withdraws []casework.WithdrawRequest
	// ArchiveNo is the 档号 it was filed under, on ArchivedOn ("": not filed)
	ArchiveNo  string
	ArchivedOn *workday.Date
	// CanAct: the viewer is the agency's own staff; supervisors and
	// administrators see the case but take no step.
	CanAct bool
	// Undo is the event an undo would withdraw (0: none).
	Undo   int
	Config casework.Config
	// Handler is the 承办人 (0 and "": not assigned); Handlers whom the
	// viewer may assign it to (the agency's staff, when CanAct).
	HandlerID int64
	Handler   string
	Handlers  []store.UserRow
	// Barred says why the agency's own staff member may not act on it: the
	// agency keeps assigned applications to their 承办人 (org.Agency.HandlerOnly)
	Barred string
	// Proposals are the steps proposed to the head of the office, oldest
	// first; Pending the one waiting, which the head may approve or return
	// (CanApprove) and its proposer withdraw (CanWithdrawProposal).
	Proposals           []casework.Proposal
	Pending             *casework.Proposal
	CanApprove          bool
	CanWithdrawProposal bool
}

// Case loads a case for a person who may see it.
func (s *Service) Case(ctx context.Context, p Principal, id int64) (*CaseView, error) {
	c, err := s.readableCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	v := &CaseView{Case: c, Config: st.Case, CanAct: actsFor(p, c.AgencyID), Defects: c.Defects()}
	v.Deadline, err = c.Deadline(st.Case, cal, s.Clock.Today())
	if err != nil {
		v.DeadlineNote = errs.Message(err)
	}
	if v.Agency, err = s.Store.GetAgency(ctx, c.AgencyID); err != nil {
		return nil, err
	}
	if v.HandlerID, v.Handler, err = s.Store.CaseHandler(ctx, c.ID); err != nil {
		return nil, err
	}
	if err := handlerBars(v.Agency, p, v.HandlerID, v.Handler); v.CanAct && err != nil {
		v.CanAct, v.Barred = false, errs.Message(err)
	}
	if v.CanAct {
		v.Allowed = c.Allowed(st.Case, cal)
		// the head undoes; a 办理人 proposes the undo to them
		v.Undo = c.LastEffective(st.Case, cal)
	}
	if c.State != casework.Closed {
		others, err := s.Store.EarlierBySameApplicant(ctx, c, 180)
		if err != nil {
			return nil, err
		}
		v.Suspects = casework.SuspectDuplicates(c, others, 180)
	}
	if err := s.caseRecords(ctx, p, v); err != nil {
		return nil, err
	}
	if v.CanAct {
		if v.Handlers, err = s.handlers(ctx, c.AgencyID); err != nil {
			return nil, err
		}
		if v.Phrases, err = s.Store.Phrases(ctx, c.AgencyID, s.Clock.Today()-365, 5); err != nil {
			return nil, err
		}
		// a 承办人 whose account was since disabled stays shown as such
		if v.HandlerID != 0 && !slices.ContainsFunc(v.Handlers, func(u store.UserRow) bool { return u.ID == v.HandlerID }) {
			v.Handlers = append(v.Handlers, store.UserRow{User: org.User{ID: v.HandlerID, Name: v.Handler}, Disabled: true})
		}
	}
	v.Letters = map[int]string{}
	for _, e := range c.Events {
		if c.HasLetter(e.Seq) {
			n, err := s.Store.LetterNumber(ctx, c.ID, e.Seq)
			if err != nil {
				return nil, err
			}
			v.Letters[e.Seq] = n
		}
	}
	return v, nil
}

// caseRecords reads what is kept beside the case: attachments, appeals,
// what the applicant sent online, letters mailed, its filing, proposals.
func (s *Service) caseRecords(ctx context.Context, p Principal, v *CaseView) error {
	c := v.Case
	var err error
	if v.Files, err = s.Store.Attachments(ctx, c.ID); err != nil {
		return err
	}
	if v.Appeals, err = s.Store.Appeals(ctx, c.AgencyID, c.ID); err != nil {
		return err
	}
	if v.Corrections, err = s.Store.OnlineCorrections(ctx, c.ID); err != nil {
		return err
	}
	if v.Withdraws, err = s.Store.WithdrawRequests(ctx, c.ID); err != nil {
		return err
	}
	if v.Mails, err = s.Store.LetterMails(ctx, c.ID); err != nil {
		return err
	}
	if v.Notices, err = s.Store.ApplicantNotices(ctx, c.ID); err != nil {
		return err
	}
	if v.ArchiveNo, v.ArchivedOn, err = s.Store.CaseArchive(ctx, c.ID); err != nil {
		return err
	}
	if v.Deliveries, err = s.Store.Deliveries(ctx, c.ID); err != nil {
		return err
	}
	if v.Proposals, err = s.Store.Proposals(ctx, c.ID); err != nil {
		return err
	}
	for i := range v.Proposals {
		if pr := &v.Proposals[i]; pr.State == casework.ProposalPending {
			v.Pending = pr
			v.CanApprove = v.CanAct && p.Role == casework.Approver
			v.CanWithdrawProposal = v.CanAct && pr.ByID == p.UserID
		}
	}
	return nil
}

// Letter is the letter of event seq. The agency's own staff issue it: the
// first time it is opened it gets the next 文号 of the agency's year (and the
// audit log says so). Anyone else who may see the case reads a copy, numbered
// only if it was already issued: reading never uses up a number.
func (s *Service) Letter(ctx context.Context, p Principal, id int64, seq int) (*casework.Letter, error) {
	c, err := s.readableCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	return s.letterOf(ctx, p, c, ag, st, cal, seq)
}

// letterOf is Letter for a case already loaded and read by p, with its
// agency and rules: the 案卷 numbers all of a case's letters at once.
func (s *Service) letterOf(ctx context.Context, p Principal, c *casework.Case, ag *org.Agency, st settings.Settings, cal *workday.Calendar, seq int) (*casework.Letter, error) {
	// a draft first: a step without a letter must not use up a number
	if _, err := casework.LetterFor(c, seq, ag.Info(), "", st.Case, cal); err != nil {
		return nil, err
	}
	number, err := s.Store.LetterNumber(ctx, c.ID, seq)
	if err != nil {
		return nil, err
	}
	issues := number == "" && actsFor(p, c.AgencyID)
	if issues { // a colleague kept off the application reads a copy
		barred := s.barredFrom(ctx, ag, p, c.ID)
		if barred != nil && errs.KindOf(barred) != errs.Forbidden {
			return nil, barred
		}
		issues = barred == nil
	}
	if issues {
		on := c.Events[seq-1].Step.On
		err = s.Store.InTx(ctx, func(tx *store.Tx) error {
			n, fresh, err := tx.IssueLetterNumber(ctx, ag.ID, c.ID, seq, on.Year(), func(n int) string {
				return casework.LetterNumber(ag.LetterPrefix, on.Year(), n)
			})
			number = n
			if err != nil || !fresh {
				return err
			}
			return tx.Audit(ctx, audit.Entry{UserID: p.UserID, AgencyID: c.AgencyID, Actor: p.Name, Action: "case.letter",
				Object: c.Serial, Detail: n + " " + casework.StepName(c.Events[seq-1].Step.Kind)})
		})
		if err != nil {
			return nil, err
		}
	}
	if number == "" {
		number = "（尚未编号）"
	}
	return casework.LetterFor(c, seq, ag.Info(), number, st.Case, cal)
}

// Preview drafts the letter a step would produce, without recording
// anything: the reply is shown before the case is closed and numbered.
func (s *Service) Preview(ctx context.Context, p Principal, id int64, step casework.Step) (*casework.Letter, error) {
	c, err := s.Store.GetCase(ctx, id)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if err := s.mustAct(ctx, p, c.AgencyID); err != nil {
		return nil, err
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	ev, err := c.Apply(step, p.Actor(), s.Clock, st.Case, cal)
	if err != nil {
		return nil, err
	}
	return casework.LetterFor(c, ev.Seq, ag.Info(), "（确认后编号）", st.Case, cal)
}

// MaxAttachment bounds one file: scans of letters and search records.
const MaxAttachment = 20 << 20

// attachmentTypes are the kinds of file a case keeps, with the bytes each
// begins with: a file is what its name says or it is refused.
var attachmentTypes = map[string]struct {
	ctype string
	magic [][]byte
}{
	".pdf":  {"application/pdf", [][]byte{[]byte("%PDF-")}},
	".jpg":  {"image/jpeg", [][]byte{{0xFF, 0xD8, 0xFF}}},
	".jpeg": {"image/jpeg", [][]byte{{0xFF, 0xD8, 0xFF}}},
	".png":  {"image/png", [][]byte{[]byte("\x89PNG\r\n\x1a\n")}},
	".doc":  {"application/msword", [][]byte{{0xD0, 0xCF, 0x11, 0xE0}}},
	".xls":  {"application/vnd.ms-excel", [][]byte{{0xD0, 0xCF, 0x11, 0xE0}}},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", [][]byte{[]byte("PK\x03\x04")}},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [][]byte{[]byte("PK\x03\x04")}},
	".ofd":  {"application/ofd", [][]byte{[]byte("PK\x03\x04")}},
	".txt":  {"text/plain; charset=utf-8", nil},
}

// AttachmentName is the file name as stored: the last element of whatever
// path the browser sent (either slash), without control characters.
func AttachmentName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" || name == ".." {
		return ""
	}
	if utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:120])
	}
	return strings.TrimSpace(name)
}

// checkContent refuses a file whose bytes are not what its extension says.
func checkContent(name string, data []byte) (string, error) {
	ext := strings.ToLower(path.Ext(name))
	t, ok := attachmentTypes[ext]
	if !ok {
		return "", errs.New("file", "只能上传 PDF、OFD、图片（JPG、PNG）、Word、Excel 或文本文件")
	}
	if t.magic == nil {
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return "", errs.New("file", "“%s”不是文本文件：文本文件须为 UTF-8 编码", name)
		}
		return t.ctype, nil
	}
	for _, m := range t.magic {
		if bytes.HasPrefix(data, m) {
			return t.ctype, nil
		}
	}
	return "", errs.New("file", "“%s”的内容与扩展名%s不符，请确认文件没有改过扩展名", name, ext)
}

// Attach keeps a file with a case.
func (s *Service) Attach(ctx context.Context, p Principal, id int64, name string, data []byte) (*casework.Attachment, error) {
	return s.attach(ctx, p, id, name, data, nil)
}

// AttachRedacted keeps with a case a copy of a Word document or text file
// with the personal information opt names covered (区分处理 before it is
// given out): the copy only, named …（区分处理）, its note and the audit
// entry saying what kinds were covered and how often, never the covered
// text. The clerk keeps the original, or attaches it as it is.
func (s *Service) AttachRedacted(ctx context.Context, p Principal, id int64, name string, data []byte, opt redact.Options) (*casework.Attachment, redact.Result, error) {
	var res redact.Result
	a, err := s.attach(ctx, p, id, name, data, covering(opt, &res))
	return a, res, err
}

// covering is the change that keeps a file covered (区分处理): its name,
// content and note; what was covered goes to res.
func covering(opt redact.Options, res *redact.Result) fileChange {
	return func(name string, data []byte) (string, []byte, string, error) {
		var err error
		if *res, err = redact.File(name, data, opt); err != nil {
			return "", nil, "", err
		}
		return redact.Name(name), res.Data, res.Summary(), nil
	}
}

// fileChange gives the name, content and note to keep of an uploaded file.
type fileChange func(name string, data []byte) (string, []byte, string, error)

// upload is a file to keep as checked: its name as stored, its content
// after change (nil: as it is), its type and note.
type upload struct {
	name, ctype, note string
	data              []byte
}

// described is the file's name for the audit log, with its note.
func (u upload) described() string {
	if u.note == "" {
		return u.name
	}
	return u.name + "（" + u.note + "）"
}

// checkUpload checks a file of at most max bytes and applies change.
func checkUpload(name string, data []byte, max int, change fileChange) (upload, error) {
	u := upload{name: AttachmentName(name), data: data}
	if u.name == "" {
		return u, errs.New("file", "请选择文件")
	}
	if len(data) > max {
		return u, &errs.Error{Kind: errs.TooLarge, Where: "file", Msg: fmt.Sprintf("文件超过 %d MB", max>>20)}
	}
	var err error
	if u.ctype, err = checkContent(u.name, data); err != nil {
		return u, err
	}
	if change != nil {
		u.name, u.data, u.note, err = change(u.name, data)
	}
	return u, err
}

// attach checks a file and keeps it with a case, after change (nil: as it
// is).
func (s *Service) attach(ctx context.Context, p Principal, id int64, name string, data []byte, change fileChange) (*casework.Attachment, error) {
	u, err := checkUpload(name, data, MaxAttachment, change)
	if err != nil {
		return nil, err
	}
	vis, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	a := &casework.Attachment{Name: u.name, ContentType: u.ctype, UploadedBy: p.Name, Note: u.note}
	err = s.write(ctx, p, "case.attach", func(tx *store.Tx, e *audit.Entry) error {
		c, err := caseFor(ctx, tx, p, vis, id)
		if err != nil {
			return err
		}
		a.CaseID = c.ID
		e.AgencyID, e.Object, e.Detail = c.AgencyID, c.Serial, u.described()
		return tx.AddAttachment(ctx, a, u.data)
	})
	return a, err
}

// RemoveAttachment takes a file uploaded by mistake out of a case (another
// person's ID copy, the wrong letter), for those who may act on it, with
// the reason: its content is erased — a mistake's personal data is not kept
// — and its line stays on the case page and in the audit log with who, when
// and why. What the applicant sent with an online 补正 is theirs and stays;
// a filed case's 案卷 is closed.
func (s *Service) RemoveAttachment(ctx context.Context, p Principal, caseID, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	_, err := s.caseWrite(ctx, p, caseID, "case.detach", func(tx *store.Tx, e *audit.Entry, c *casework.Case, _ settings.Settings, _ *workday.Calendar) error {
		switch n := utf8.RuneCountInString(reason); {
		case n == 0:
			return errs.New("reason", "请写明删除的原因（如“误传了其他申请的材料”）")
		case n > 200:
			return errs.New("reason", "原因最多 200 字，现有 %d 字", n)
		}
		f, err := tx.AttachmentFacts(ctx, c.ID, id)
		switch {
		case err != nil:
			return notFoundOr(err)
		case f.Removed:
			return errs.Wrap(errs.Conflict, nil, "reason", "“%s”已经删除（可能是同事刚刚删除的）", f.Name)
		case f.FromApplicant:
			return errs.Wrap(errs.Conflict, nil, "reason", "“%s”是申请人在线补正时提交的材料，不能删除", f.Name)
		case f.ArchiveNo != "":
			return errs.Wrap(errs.Conflict, nil, "reason", "本申请已归档（档号 %s），案卷不再改动", f.ArchiveNo)
		}
		e.Detail = f.Name + "（原因：" + reason + "）"
		return tx.RemoveAttachment(ctx, c.ID, id, p.Name, reason)
	})
	return err
}

// Attachment returns a file of a case the principal may see.
func (s *Service) Attachment(ctx context.Context, p Principal, caseID, id int64) (*casework.Attachment, []byte, error) {
	if _, err := s.readableCase(ctx, p, caseID); err != nil {
		return nil, nil, err
	}
	a, data, err := s.Store.AttachmentData(ctx, caseID, id)
	return a, data, notFoundOr(err)
}
