package office

import (
	"archive/zip"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/report"
)

// CaseFileParts are what an application's 案卷 holds for 归档: the case with
// its events, its letters and the files attached to it.
type CaseFileParts struct {
	Case    *casework.Case
	Agency  string
	Handler string // the 承办人
	Letters []*casework.Letter
	// Receipt is the 接收回执 (nil: none), filed after the record
	Receipt *casework.Letter
	Mails   []casework.LetterMail // letters sent to the applicant by e-mail
	// Removed are the files taken out as uploaded by mistake (no content)
	Removed []casework.Attachment
	// Notices are the e-mails that told the applicant of a step
	Notices []casework.ApplicantNotice
	// Deliveries are the letters' deliveries recorded by hand (送达, 回执)
	Deliveries []casework.Delivery
	// Proposals are the steps proposed to the head of the office and what
	// became of them: the 审批 the paper file would hold
	Proposals []casework.Proposal
	// Corrections are the 补正 the applicant sent online (their files are in Files)
	Corrections []casework.OnlineCorrection
	// Withdraws are the applicant's requests, sent online, to withdraw
	Withdraws []casework.WithdrawRequest
	// ArchiveNo is the 档号 the application was filed under ("": not filed)
	ArchiveNo string
	// Unwritten are the letters that could not be drafted (a setting
	// missing, such as the 复议机关): the 案卷 is written without them and
	// its record says which and why, so that one setting does not hold up
	// a year's archive
	Unwritten []UnwrittenLetter
	Files     []AttachedFile
	// Full: identity number and telephone in full (for the agency's own
	// staff); masked otherwise
	Full bool
	// Clock dates the files and writes the times of the steps in the
	// deployment's zone.
	Clock clock.Clock
}

// UnwrittenLetter is a step's letter left out of the 案卷, and why.
type UnwrittenLetter struct {
	Seq  int
	Step string // the step's name
	Why  string // the message that says what to set
}

// AttachedFile is a file attached to a case, as it was uploaded; Load
// reads its content when the ZIP comes to it, so that a case's files are
// never all in memory at once.
type AttachedFile struct {
	Name, By string
	At       time.Time
	Load     func() ([]byte, error)
}

// caseFileEntry is one file of the 案卷 as its 卷内目录 lists it.
type caseFileEntry struct {
	title, number, date, name string
	data                      []byte
	load                      func() ([]byte, error) // an attachment: read when written
	at                        time.Time              // as the file system shows it
}

// caseFileZip writes the 案卷 of one application as a ZIP: the 办理记录
// (registration, every step, and the 卷内目录) and each letter as PDF, and the
// attachments as uploaded, named by their place in the 卷内目录. dir is the
// folder inside the ZIP ("" for none: one case per file).
func caseFileZip(zw *zip.Writer, dir string, p CaseFileParts) error {
	entries, err := caseFileEntries(p)
	if err != nil {
		return err
	}
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: path.Join(dir, e.name), Method: zip.Deflate, Modified: e.at})
		if err != nil {
			return err
		}
		data := e.data
		if e.load != nil {
			if data, err = e.load(); err != nil {
				return err
			}
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return nil
}

// CaseFilesZip writes the 案卷 of many applications, a folder each
// (申请编号 and applicant), as one ZIP, after index (the register of those
// applications, as 00 申请台账.xlsx, written at now); next gives them one at
// a time (nil at the end), so that a year's cases need not be held at once.
func CaseFilesZip(w io.Writer, index *Ledger, now time.Time, next func() (*CaseFileParts, error)) error {
	zw := newZip(w)
	if index != nil {
		iw, err := zw.CreateHeader(&zip.FileHeader{Name: "00 申请台账.xlsx", Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		if err := LedgerXLSX(iw, index); err != nil {
			return err
		}
	}
	for {
		p, err := next()
		if err != nil {
			return err
		}
		if p == nil {
			break
		}
		if err := caseFileZip(zw, CaseFolder(p.Case), *p); err != nil {
			return err
		}
	}
	return zw.Close()
}

// CaseFileZipOne writes one application's 案卷 as a ZIP of its own.
func CaseFileZipOne(w io.Writer, p CaseFileParts) error {
	zw := newZip(w)
	if err := caseFileZip(zw, "", p); err != nil {
		return err
	}
	return zw.Close()
}

// CaseFolder is the name of an application's 案卷: 申请编号 and applicant.
func CaseFolder(c *casework.Case) string {
	return safeName(c.Serial + " " + c.Intake.Applicant.Name)
}

// safeName keeps a name to what every unzip tool writes as one file name:
// no folders, no characters Windows refuses.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 80 {
		// cut the name, not its extension: the file must still open
		ext := path.Ext(s)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		s = string(r[:80-utf8.RuneCountInString(ext)]) + ext
	}
	if strings.Trim(s, ". ") == "" {
		return "_"
	}
	return s
}

func caseFileEntries(p CaseFileParts) ([]caseFileEntry, error) {
	c := p.Case
	var entries []caseFileEntry
	n := 1 // the record itself is the first
	letters := p.Letters
	if p.Receipt != nil {
		letters = append([]*casework.Letter{p.Receipt}, letters...)
	}
	for _, l := range letters {
		n++
		var b bytes.Buffer
		if err := PDF(&b, LetterDoc(l)); err != nil {
			return nil, err
		}
		number := l.Number
		if strings.HasPrefix(number, "（") {
			number = ""
		}
		entries = append(entries, caseFileEntry{title: l.Title, number: number, date: l.Date.String(),
			name: fmt.Sprintf("%02d %s.pdf", n, safeName(l.FileName())), data: b.Bytes(), at: p.Clock.Now()})
	}
	for _, f := range p.Files {
		n++
		entries = append(entries, caseFileEntry{title: "附件：" + f.Name + "（" + f.By + "上传）", date: p.Clock.Date(f.At).String(),
			name: fmt.Sprintf("%02d %s", n, safeName(f.Name)), load: f.Load, at: p.Clock.Local(f.At)})
	}
	record := caseFileEntry{title: "政府信息公开申请办理记录", name: "01 办理记录.pdf", at: p.Clock.Now()}
	if c.ClosedOn != nil {
		record.date = c.ClosedOn.String()
	}
	var b bytes.Buffer
	if err := PDF(&b, caseRecordDoc(p, append([]caseFileEntry{record}, entries...))); err != nil {
		return nil, err
	}
	record.data = b.Bytes()
	return append([]caseFileEntry{record}, entries...), nil
}

// caseRecordDoc lays out the 办理记录 of an application: its registration,
// every step (withdrawn ones marked), and the 卷内目录 of its 案卷.
func caseRecordDoc(p CaseFileParts, entries []caseFileEntry) *Doc {
	c := p.Case
	a, rq := c.Intake.Applicant, c.Intake.Request
	d := &Doc{Title: "政府信息公开申请办理记录 " + c.Serial}
	d.add(StyleTitle, "政府信息公开申请办理记录")
	d.add(StyleSubtitle, p.Agency+"　申请编号 "+c.Serial)
	id, phone := a.IDNum, a.Phone
	if !p.Full {
		id, phone = casework.MaskID(id), casework.MaskPhone(phone)
	}
	or := func(s, none string) string {
		if strings.TrimSpace(s) == "" {
			return none
		}
		return s
	}
	what := rq.Description
	for i, it := range rq.Items {
		what += fmt.Sprintf("\n%d. %s", i+1, it)
	}
	result := casework.StateName(c.State)
	if o := casework.OutcomeByID(c.Outcome); o != nil {
		result += "：" + o.Name
	}
	if c.ClosedOn != nil {
		result += "（" + c.ClosedOn.Chinese() + "办结）"
	}
	kv := &Table{Widths: []float64{1, 3}, FontSize: 12}
	for _, row := range [][2]string{
		{"申请人", a.Name + "（" + a.Type.Name() + "）"},
		{"身份证明", strings.TrimSpace(or(a.IDType, "（未提供）") + " " + id)},
		{"联系电话", or(phone, "（未提供）")},
		{"电子邮箱", or(a.Email, "（未提供）")},
		{"通信地址", or(a.Address, "（未提供）")},
		{"申请方式", casework.ChannelName(c.Intake.Channel)},
		{"收到申请日期", c.Received.Chinese()},
		{"所需信息", what},
		{"获取形式和途径", or(rq.Form, "（未说明）") + "，" + or(rq.Delivery, "（未说明）")},
		{"承办人", or(p.Handler, "（未指派）")},
		{"办理结果", result},
		{"档号", or(p.ArchiveNo, "（尚未归档）")},
	} {
		kv.Rows = append(kv.Rows, []Cell{lbl(row[0], 1, 1), {Text: row[1], Cols: 1, Rows: 1, Left: true}})
	}
	d.add(StyleHeading1, "一、申请登记")
	d.Blocks = append(d.Blocks, Block{Table: kv})
	steps := &Table{Widths: []float64{0.5, 1.5, 2.6, 1.8, 2.4}, FontSize: 10.5}
	steps.Rows = append(steps.Rows, []Cell{hdr("序号", 1, 1), hdr("日期", 1, 1), hdr("步骤", 1, 1), hdr("经办", 1, 1), hdr("依据", 1, 1)})
	for _, e := range c.Events {
		name := casework.StepName(e.Step.Kind)
		if e.Step.Note != "" {
			name += "：" + e.Step.Note
		}
		if c.Undone(e.Seq) {
			name += "（已撤销）"
		}
		steps.Rows = append(steps.Rows, []Cell{{Text: fmt.Sprint(e.Seq), Cols: 1, Rows: 1}, {Text: e.Step.On.String(), Cols: 1, Rows: 1},
			{Text: name, Cols: 1, Rows: 1, Left: true}, {Text: e.Actor.Name + "\n" + p.Clock.Format(e.At), Cols: 1, Rows: 1, Left: true},
			{Text: e.Basis, Cols: 1, Rows: 1, Left: true}})
	}
	d.add(StyleHeading1, "二、办理过程")
	d.Blocks = append(d.Blocks, Block{Table: steps})
	next := "三"
	if len(p.Mails) > 0 {
		sent := &Table{Widths: []float64{2.4, 2.8, 1.8, 1.8}, FontSize: 10.5}
		sent.Rows = append(sent.Rows, []Cell{hdr("文号", 1, 1), hdr("发至", 1, 1), hdr("发送时间", 1, 1), hdr("经办", 1, 1)})
		for _, m := range p.Mails {
			sent.Rows = append(sent.Rows, []Cell{{Text: m.Number, Cols: 1, Rows: 1, Left: true}, {Text: m.To, Cols: 1, Rows: 1, Left: true},
				{Text: p.Clock.Format(m.At), Cols: 1, Rows: 1}, {Text: m.By, Cols: 1, Rows: 1, Left: true}})
		}
		d.add(StyleHeading1, "三、以电子邮件发送的文书")
		d.Blocks = append(d.Blocks, Block{Table: sent})
		next = nextNumeral[next]
	}
	if len(p.Notices) > 0 {
		d.add(StyleHeading1, next+"、以电子邮件提示申请人的记录")
		d.Blocks = append(d.Blocks, Block{Table: noticeTable(p)})
		next = nextNumeral[next]
	}
	if len(p.Proposals) > 0 {
		d.add(StyleHeading1, next+"、提请负责人审批记录")
		d.Blocks = append(d.Blocks, Block{Table: proposalTable(p)})
		next = nextNumeral[next]
	}
	if len(p.Deliveries) > 0 {
		d.add(StyleHeading1, next+"、文书送达记录")
		d.Blocks = append(d.Blocks, Block{Table: deliveryTable(p)})
		next = nextNumeral[next]
	}
	if len(p.Corrections)+len(p.Withdraws) > 0 {
		sent := &Table{Widths: []float64{1.8, 1.2, 5.8}, FontSize: 10.5}
		sent.Rows = append(sent.Rows, []Cell{hdr("提交时间", 1, 1), hdr("事项", 1, 1), hdr("内容", 1, 1)})
		row := func(at time.Time, what, text string) {
			sent.Rows = append(sent.Rows, []Cell{{Text: p.Clock.Format(at), Cols: 1, Rows: 1}, {Text: what, Cols: 1, Rows: 1},
				{Text: text, Cols: 1, Rows: 1, Left: true}})
		}
		for _, oc := range p.Corrections {
			text := oc.Text
			if oc.AttachmentID != 0 {
				text = strings.TrimSpace(text + "\n（附文件，见卷内文件）")
			}
			row(oc.At, "补正", text)
		}
		for _, w := range p.Withdraws {
			row(w.At, "申请撤回", cmp.Or(w.Reason, "（未说明理由）"))
		}
		d.add(StyleHeading1, next+"、申请人在线提交的补正和撤回申请")
		d.Blocks = append(d.Blocks, Block{Table: sent})
		next = nextNumeral[next]
	}
	if len(p.Removed) > 0 {
		d.add(StyleHeading1, next+"、删除的误传附件")
		d.Blocks = append(d.Blocks, Block{Table: removedTable(p)})
		next = nextNumeral[next]
	}
	if len(p.Unwritten) > 0 {
		d.add(StyleHeading1, next+"、未能生成的文书")
		d.add(StyleBody, "以下文书因设置不全未能生成，不在本案卷内；按原因补齐设置后重新导出案卷即可。")
		d.Blocks = append(d.Blocks, Block{Table: unwrittenTable(p)})
		next = nextNumeral[next]
	}
	toc := &Table{Widths: []float64{0.5, 2.9, 2, 1.5, 2.6}, FontSize: 10.5}
	toc.Rows = append(toc.Rows, []Cell{hdr("序号", 1, 1), hdr("题名", 1, 1), hdr("文号", 1, 1), hdr("日期", 1, 1), hdr("文件", 1, 1)})
	for i, e := range entries {
		toc.Rows = append(toc.Rows, []Cell{{Text: fmt.Sprint(i + 1), Cols: 1, Rows: 1}, {Text: e.title, Cols: 1, Rows: 1, Left: true},
			{Text: e.number, Cols: 1, Rows: 1, Left: true}, {Text: e.date, Cols: 1, Rows: 1}, {Text: e.name, Cols: 1, Rows: 1, Left: true}})
	}
	d.add(StyleHeading1, next+"、卷内文件目录")
	d.Blocks = append(d.Blocks, Block{Table: toc})
	return d
}

// nextNumeral numbers the 办理记录's optional sections in turn.
var nextNumeral = map[string]string{"三": "四", "四": "五", "五": "六", "六": "七", "七": "八", "八": "九", "九": "十"}

// proposalStates name what became of a proposal.
var proposalStates = map[casework.ProposalState]string{casework.ProposalPending: "待审批", casework.ProposalApproved: "同意",
	casework.ProposalReturned: "退回", casework.ProposalWithdrawn: "撤回"}

// proposalTable lists each proposal: what, by whom and why, and the head's answer.
func proposalTable(p CaseFileParts) *Table {
	t := &Table{Widths: []float64{1.6, 2.6, 2.4, 2.2}, FontSize: 10.5}
	t.Rows = append(t.Rows, []Cell{hdr("提请时间", 1, 1), hdr("提请事项", 1, 1), hdr("提请人和拟办意见", 1, 1), hdr("审批", 1, 1)})
	for _, pr := range p.Proposals {
		what := casework.StepName(pr.Step.Kind)
		if o := casework.OutcomeByID(pr.Step.Outcome); o != nil {
			what += "：" + o.Name
		}
		if pr.Step.Note != "" {
			what += "\n" + pr.Step.Note
		}
		by := pr.By
		if pr.Note != "" {
			by += "：" + pr.Note
		}
		answer := proposalStates[pr.State]
		if pr.State != casework.ProposalPending {
			answer += "（" + pr.DecidedBy + "，" + p.Clock.Format(pr.DecidedAt) + "）"
		}
		if pr.Comment != "" {
			answer += "\n" + pr.Comment
		}
		t.Rows = append(t.Rows, []Cell{{Text: p.Clock.Format(pr.At), Cols: 1, Rows: 1}, {Text: what, Cols: 1, Rows: 1, Left: true},
			{Text: by, Cols: 1, Rows: 1, Left: true}, {Text: answer, Cols: 1, Rows: 1, Left: true}})
	}
	return t
}

// deliveryTable lists how each letter was delivered, as recorded by hand.
func deliveryTable(p CaseFileParts) *Table {
	t := &Table{Widths: []float64{2.4, 3.8, 1.2, 1.4}, FontSize: 10.5}
	t.Rows = append(t.Rows, []Cell{hdr("文号", 1, 1), hdr("送达", 1, 1), hdr("经办", 1, 1), hdr("登记时间", 1, 1)})
	for _, dl := range p.Deliveries {
		what := dl.Text()
		if dl.Note != "" {
			what += "\n" + dl.Note
		}
		t.Rows = append(t.Rows, []Cell{{Text: dl.Number, Cols: 1, Rows: 1, Left: true}, {Text: what, Cols: 1, Rows: 1, Left: true},
			{Text: dl.By, Cols: 1, Rows: 1, Left: true}, {Text: p.Clock.Format(dl.At), Cols: 1, Rows: 1}})
	}
	return t
}

// unwrittenTable lists the letters the 案卷 lacks and why.
func unwrittenTable(p CaseFileParts) *Table {
	t := &Table{Widths: []float64{0.8, 2.6, 5.4}, FontSize: 10.5}
	t.Rows = append(t.Rows, []Cell{hdr("步骤", 1, 1), hdr("文书", 1, 1), hdr("原因", 1, 1)})
	for _, u := range p.Unwritten {
		t.Rows = append(t.Rows, []Cell{{Text: fmt.Sprint(u.Seq), Cols: 1, Rows: 1}, {Text: u.Step, Cols: 1, Rows: 1, Left: true},
			{Text: u.Why, Cols: 1, Rows: 1, Left: true}})
	}
	return t
}

// removedTable lists the files taken out of the case as uploaded by
// mistake: not in the 案卷, their removal is.
func removedTable(p CaseFileParts) *Table {
	t := &Table{Widths: []float64{2.6, 2, 2, 2.2}, FontSize: 10.5}
	t.Rows = append(t.Rows, []Cell{hdr("文件", 1, 1), hdr("上传", 1, 1), hdr("删除", 1, 1), hdr("原因", 1, 1)})
	for _, a := range p.Removed {
		removed := a.RemovedBy
		if a.RemovedAt != nil {
			removed += "\n" + p.Clock.Format(*a.RemovedAt)
		}
		t.Rows = append(t.Rows, []Cell{{Text: a.Name, Cols: 1, Rows: 1, Left: true}, {Text: a.UploadedBy + "\n" + p.Clock.Format(a.UploadedAt), Cols: 1, Rows: 1, Left: true},
			{Text: removed, Cols: 1, Rows: 1, Left: true}, {Text: a.RemovedReason, Cols: 1, Rows: 1, Left: true}})
	}
	return t
}

// noticeTable lists the e-mails that told the applicant of a step: a
// courtesy kept beside the deliveries, not one of them.
func noticeTable(p CaseFileParts) *Table {
	t := &Table{Widths: []float64{0.8, 3.2, 2.8, 2}, FontSize: 10.5}
	t.Rows = append(t.Rows, []Cell{hdr("步骤", 1, 1), hdr("事项", 1, 1), hdr("发至", 1, 1), hdr("发送时间", 1, 1)})
	for _, n := range p.Notices {
		seq := ""
		if n.Seq > 0 {
			seq = fmt.Sprint(n.Seq)
		}
		t.Rows = append(t.Rows, []Cell{{Text: seq, Cols: 1, Rows: 1}, {Text: n.What, Cols: 1, Rows: 1, Left: true},
			{Text: n.To, Cols: 1, Rows: 1, Left: true}, {Text: p.Clock.Format(n.At), Cols: 1, Rows: 1}})
	}
	return t
}

// NamedReport is a report and the name its files take (no extension).
type NamedReport struct {
	Name   string
	Report *report.Report
}

// ReportsZip writes a supervising office's reports of a year as one ZIP:
// the index (00 报送情况.xlsx) and each report in format, rendered as it is
// written (a province's hundreds are not held in memory at once).
func ReportsZip(w io.Writer, index *Ledger, reps []NamedReport, format string, now time.Time) error {
	zw := newZip(w)
	iw, err := zw.CreateHeader(&zip.FileHeader{Name: "00 报送情况.xlsx", Method: zip.Deflate, Modified: now})
	if err != nil {
		return err
	}
	if err := LedgerXLSX(iw, index); err != nil {
		return err
	}
	seen := map[string]int{}
	for _, r := range reps {
		name := safeName(r.Name)
		if seen[name]++; seen[name] > 1 {
			name += fmt.Sprintf("（%d）", seen[name])
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name + "." + format, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		if err := RenderReport(fw, r.Report, format, now); err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
	}
	return zw.Close()
}
