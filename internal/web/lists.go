package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/org"
)

// listPage is where a list of agencies or users is imported: the page the
// upload form is on, and what its rows are called.
type listPage struct {
	Kind, What, Back, Title string
}

var listPages = map[string]listPage{
	ops.AgencyList: {ops.AgencyList, "机关", "/admin/agencies", "导入机关名单"},
	ops.UserList:   {ops.UserList, "用户", "/admin/users", "导入用户名单"},
}

// listFormView is the upload form of a list, on the page of its kind.
type listFormView struct {
	Title, Intro, Values, UnderLabel, Action, CSRF string
	Fields                                         importer.Schema
	Agencies                                       []*org.Agency
}

// listForm is the upload form of a list of kind on page p, below one of ags.
func listForm(p page, kind, intro string, ags []*org.Agency) listFormView {
	lp := listPages[kind]
	v := listFormView{Title: lp.Title, Intro: intro, Action: lp.Back + "/import", CSRF: p.CSRF, Agencies: ags}
	switch kind {
	case ops.AgencyList:
		v.Fields, v.UnderLabel = importer.AgencyFields, "新建在此机关之下（“上级机关”空白的行直接在它之下）"
		v.Values = "级别填写：" + importer.LevelNames() + "。"
	case ops.UserList:
		v.Fields, v.UnderLabel = importer.UserFields, "名单中的机关都是此机关或其下的机关"
		v.Values = "角色填写：" + importer.RoleNames() + "（也可写 负责人、管理员）；电子邮箱用于到期提醒；初始密码随机生成，导入后显示一次。"
	}
	return v
}

// listView is a list's preview (with the token to confirm it) or what its
// confirmation created; for users, their first passwords, shown once.
type listView struct {
	listPage
	Name      string
	Token     string
	Res       *ops.ListImport
	Err       string
	Mapping   []option
	Shown     []importer.RowError
	More      int
	Passwords template.URL // the passwords as a CSV to download, a data: URL
}

// mappingOptions say which column each field was read from.
func mappingOptions(schema importer.Schema, m *importer.Mapping) []option {
	var out []option
	if m == nil {
		return nil
	}
	for _, f := range schema {
		if c, ok := m.Columns[f.ID]; ok {
			out = append(out, option{f.Name, fmt.Sprintf("%s 列“%s”", columnLetter(c), m.Headers[c])})
		}
	}
	return out
}

func (s *Server) listResult(w http.ResponseWriter, si *sessionInfo, v *listView, res *ops.ListImport, err error) {
	v.Res = res
	if err != nil {
		v.Err = errs.Plain(err)
	}
	if res != nil {
		v.Mapping = mappingOptions(res.Schema, res.Mapping)
		v.Shown = res.Bad[:min(len(res.Bad), maxShownProblems)]
		v.More = len(res.Bad) - len(v.Shown)
		if len(res.Users) > 0 {
			var b bytes.Buffer
			if err := office.LedgerCSV(&b, res.Passwords(), false); err == nil {
				v.Passwords = template.URL("data:text/csv;charset=utf-8;base64," + base64.StdEncoding.EncodeToString(b.Bytes()))
			}
			// the first passwords are on this page only: never kept by a cache
			w.Header().Set("Cache-Control", "no-store")
		}
	}
	code := http.StatusOK
	if v.Err != "" {
		code = http.StatusUnprocessableEntity
	}
	s.render(w, code, "list_import", page{Title: v.Title, User: si.user, CSRF: si.csrf, Data: v})
}

// listUpload previews an uploaded list of agencies or users and, when every
// row can be created, stages it for the confirmation.
func (s *Server) listUpload(kind string) sessionHandler {
	lp := listPages[kind]
	return func(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
		under, _ := strconv.ParseInt(r.PostFormValue("under"), 10, 64)
		file, hdr, err := r.FormFile("file")
		var data []byte
		if err == nil {
			defer func() { _ = file.Close() }()
			data, err = readAll(file, importer.MaxFile)
		}
		v := &listView{listPage: lp}
		if err != nil {
			msg := "请选择要导入的 Excel（.xlsx）或 CSV 文件"
			if err == errTooLarge {
				msg = fmt.Sprintf("文件超过 %d MB", importer.MaxFile>>20)
			}
			s.listResult(w, si, v, nil, errs.New("file", "%s", msg))
			return
		}
		v.Name = hdr.Filename
		token, res, err := s.Ops.StageList(r.Context(), si.p(), kind, ops.ListFile{Under: under, Name: hdr.Filename, Data: data}, org.NewPassword)
		v.Token = token
		if errs.KindOf(err) == errs.Forbidden || errs.KindOf(err) == errs.NotFound {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		s.listResult(w, si, v, res, err)
	}
}

// listConfirm creates the rows of the staged list.
func (s *Server) listConfirm(kind string) sessionHandler {
	lp := listPages[kind]
	return func(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
		v := &listView{listPage: lp, Name: strings.TrimSpace(r.PostFormValue("name"))}
		res, err := s.Ops.ConfirmList(r.Context(), si.p(), kind, r.PostFormValue("token"), org.NewPassword)
		if errs.KindOf(err) == errs.Forbidden {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		s.listResult(w, si, v, res, err)
	}
}
