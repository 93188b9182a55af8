package report

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlLinesTokenizer is the reader driven by golang.org/x/net/html's
// tokenizer, as it was before htmlLexer: the reference the lexer must agree
// with.
func htmlLinesTokenizer(t string) []Line {
	return htmlReadHiding(func() htmlNext {
		z := html.NewTokenizer(strings.NewReader(t))
		return func() (htmlTokKind, atom.Atom, string) {
			switch z.Next() {
			case html.ErrorToken:
				return htmlEOF, 0, ""
			case html.TextToken:
				return htmlText, 0, string(z.Text())
			case html.StartTagToken:
				name, attr := z.TagName()
				a := atom.Lookup(name)
				kind := htmlStart
				for attr {
					k, v, more := z.TagAttr()
					switch key := strings.ToLower(string(k)); {
					case a == atom.Span && key == "class" && (string(v) == "_" || strings.HasPrefix(string(v), "_ ") || strings.HasPrefix(string(v), "_\t")):
						kind = htmlGap
					case hideable[a] && kind == htmlStart && (key == "hidden" || key == "style" && hidingStyle(string(v))):
						kind = htmlHidden
					}
					attr = more
				}
				return kind, a, ""
			case html.SelfClosingTagToken:
				name, _ := z.TagName()
				return htmlSelfClosing, atom.Lookup(name), ""
			case html.EndTagToken:
				name, _ := z.TagName()
				return htmlEnd, atom.Lookup(name), ""
			}
			return htmlText, 0, "" // a comment or doctype: no text
		}
	}, nil)
}

// The lexer reads what the HTML tokenizer reads: a portal page, markup a
// report can hold (comments, scripts with tags in their strings, quoted
// attributes holding '>', character references, upper-case tags, a '<'
// that is text), and random pages built from those pieces.
func TestHTMLLexerMatchesTokenizer(t *testing.T) {
	page, err := os.ReadFile("../../testdata/audit/page-2021.html")
	if err != nil {
		t.Fatal(err)
	}
	cases := []string{
		string(page),
		`<p>一、总体情况</p><!-- <table><tr><td>9</td></tr></table> --><p>二、主动公开</p>`,
		`<script>var s = "<table><tr><td>1</td></tr></table>"; if (a<b) {}</script><p>正文</p>`,
		`<style>td > p { color: red }</style><TABLE><TR><TD>本年新收<TD>1<TD>0</TABLE>`,
		`<a href="x>y" title='a>b'>链接</a><p class=x>文字&nbsp;&amp;&lt;td&gt;&#20013;</p>`,
		`<p>a < b 且 c > d，</ p><p>1<2</p>`,
		`<!DOCTYPE html><?xml version="1.0"?><![CDATA[ x ]]><p>x</p>`,
		`<title>2023年&amp;报告</title><textarea><td>不是单元格</td></textarea><td>是</td>`,
		`<!--><p>a</p><!---><p>b</p><!-- 未结束`,
		`<br/><br /><img src="a.png"/><td/>x</td><p>`,
		`</><p>x</ p></ 3><p>y</p></`,
		`<table><tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>9</td></tr></table>`,
		`<noscript><p>请启用脚本</p></noscript><p>正文</p><xmp><b>x</b></xmp>`,
		`<p>尾巴<`,
		`<SCRIPT>document.write("</scr" + "ipt>")</SCRIPT ><p>之后</p>`,
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=2>", "<p>", "</p>", "<div class=\"a>b\">",
		"</div>", "<br>", "<br/>", "<!-- c -->", "<script>if(a<b){}</script>", "<span>", "</span>", "本年新收", "12", " ", "\n",
		"&nbsp;", "&amp;", "a < b", "<TD>", "</TD>", "<h3>三、收到和处理政府信息公开申请情况</h3>", "<style>p{}</style>",
		`<span class="_ _3">`, `<span class='_'>`, `<SPAN CLASS=_>`, `<span class="_x">`, `<span title="class=_ " class=a>`,
		`<span data-class="_ _1">`, `<span class = "_ _0" >`, `<span class="x _">`, `<span class>`, `<span =class="_">`,
		`<div style="display:none">`, `<span hidden>`, `<p style='visibility: hidden;'>`, `<div style="DISPLAY:NONE" hidden=hidden>`,
		`<div data-style="display:none">`, `<div style="display:block">`, `<span style="display:none"/>`, `<table style="display: none">`}
	for i := range 400 {
		var b strings.Builder
		for range 5 + rng.IntN(60) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
		_ = i
	}
	for i, c := range cases {
		want, got := htmlLinesTokenizer(c), htmlLines(c)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d %q:\nlexer     %s\ntokenizer %s", i, short(c), dump(got), dump(want))
		}
	}
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func dump(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		fmt.Fprintf(&b, "\n  %d %q %q", l.No, l.Text, l.Fields)
	}
	return b.String()
}

func BenchmarkHTMLLines(b *testing.B) {
	page, err := os.ReadFile("../../testdata/audit/page-2021.html")
	if err != nil {
		b.Fatal(err)
	}
	s := string(page)
	b.Run("lexer", func(b *testing.B) {
		for b.Loop() {
			htmlLines(s)
		}
	})
	b.Run("tokenizer", func(b *testing.B) {
		for b.Loop() {
			htmlLinesTokenizer(s)
		}
	})
}
