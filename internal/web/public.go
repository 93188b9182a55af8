// Package web is the HTML side of gongkai. For now: the landing page and the
// public status lookup by 查询码 (the back office comes with the web issue).
package web

import (
	"errors"
	"html/template"
	"net/http"
	"strings"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Public serves the pages anyone may see.
type Public struct {
	Store    *store.Store
	Config   casework.Config
	Calendar func() *workday.Calendar
}

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{.Title}}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.7;color:#222}
h1{font-size:1.5em}label{display:block;margin:.5em 0}input{font-size:1em;padding:.3em;width:14em}button{font-size:1em;padding:.3em 1em}
.box{border:1px solid #ccc;padding:1em;margin:1em 0}.err{color:#b00}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style>
</head><body><h1>{{.Title}}</h1>
{{if .Home}}<p>政府信息公开申请办理进度查询。提交申请后收到的回执上印有“查询码”。</p>{{end}}
<form action="/status" method="get"><label>查询码 <input name="code" value="{{.Code}}" maxlength="20" autocomplete="off" required></label><button>查询</button></form>
{{if .Error}}<p class="err">{{.Error}}</p>{{end}}
{{with .Case}}<div class="box"><table>
<tr><th>申请编号</th><td>{{.Serial}}</td></tr>
<tr><th>收到申请日期</th><td>{{.Received}}</td></tr>
<tr><th>办理状态</th><td>{{.State}}</td></tr>
{{if .Due}}<tr><th>答复期限</th><td>{{.Due}}</td></tr>{{end}}
{{if .Note}}<tr><th>说明</th><td>{{.Note}}</td></tr>{{end}}
</table></div>{{end}}
{{if .Home}}<p><small>接口文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a></small></p>{{end}}
</body></html>`))

type statusView struct {
	Serial, Received, State, Due, Note string
}

type pageData struct {
	Title, Code, Error string
	Home               bool
	Case               *statusView
}

// Home is the landing page.
func (p *Public) Home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	render(w, http.StatusOK, pageData{Title: "政府信息公开申请查询", Home: true})
}

// Status shows the stage and the due date of an application: never personal data.
func (p *Public) Status(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("code")))
	d := pageData{Title: "办理进度", Code: code}
	if code == "" {
		d.Error = "请输入回执上的查询码"
		render(w, http.StatusUnprocessableEntity, d)
		return
	}
	c, err := p.Store.CaseByCode(r.Context(), code, p.Calendar(), p.Config)
	if errors.Is(err, store.ErrNotFound) {
		d.Error = "没有找到这个查询码，请核对后重新输入（查询码不区分大小写）"
		render(w, http.StatusNotFound, d)
		return
	}
	if err != nil {
		d.Error = "查询暂时无法完成，请稍后再试"
		render(w, http.StatusInternalServerError, d)
		return
	}
	v := &statusView{Serial: c.Serial, Received: c.Received.Chinese(), State: casework.StateName(c.State)}
	if c.State == casework.Closed {
		v.State = "已办结"
		if c.ClosedOn != nil {
			v.Note = "已于" + c.ClosedOn.Chinese() + "作出答复或办结，请查收答复文书"
		}
	} else if dl, err := c.Deadline(p.Config, p.Calendar(), workday.FromTime(time.Now())); err == nil {
		if dl.Due != 0 {
			v.Due = dl.Due.Chinese()
		}
		if !dl.Running && dl.Extra != 0 {
			v.Note = dl.ExtraWhat + "：" + dl.Extra.Chinese()
		}
	}
	d.Case = v
	render(w, http.StatusOK, d)
}

func render(w http.ResponseWriter, code int, d pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	page.Execute(w, d)
}

// SecurityHeaders sets the headers every page carries.
func SecurityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "same-origin")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		h.ServeHTTP(w, r)
	})
}
