package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// The generated catalog: titles from a county's usual topics, so that
// words occur as often as in a real catalog (招生 in about 2 items of
// 100, 教育 in about 10, 公开 in more).
var benchRegions = []string{"卫滨区", "红旗区", "牧野区", "凤泉区", "新乡县", "获嘉县", "原阳县", "延津县", "封丘县", "长垣市"}

var benchTopics = []string{
	"义务教育招生工作实施方案", "普通高中招生计划", "小学学区划分范围", "学前教育资助资金发放情况", "教师招聘考试成绩", "校外培训机构检查结果",
	"教育系统安全生产工作", "中小学课后服务工作", "财政预算公开", "部门决算公开", "三公经费情况说明", "政府采购项目公告", "行政事业性收费标准",
	"城乡居民医疗保险政策解读", "社会救助资金发放情况", "最低生活保障对象名单", "残疾人两项补贴发放情况", "就业创业补贴申领指南",
	"食品安全监督抽检结果", "药品质量抽检信息", "安全生产检查情况通报", "环境空气质量公报", "河长制工作进展", "重点排污单位名录",
	"道路改造工程招标公告", "老旧小区改造计划", "房屋征收补偿方案", "土地征收启动公告", "国有建设用地使用权出让公告", "规划许可批前公示",
	"行政许可事项清单", "行政处罚决定书", "行政强制执行情况", "双随机一公开抽查结果", "信用承诺公示", "政务服务事项办事指南",
	"人事任免通知", "公务员招录拟录用人员名单", "事业单位公开招聘公告", "机构职能和领导分工", "政府工作报告", "国民经济和社会发展统计公报",
	"防汛应急预案", "突发事件应对情况", "森林防火工作部署", "农村土地承包经营权流转情况", "高标准农田建设项目", "乡村振兴衔接资金项目",
	"文化旅游活动安排", "全民健身设施开放名单", "公共图书馆开放时间", "非物质文化遗产项目名录", "优化营商环境工作情况", "重大建设项目批准情况",
	"人大代表建议办理结果", "政协提案办理结果", "政府信息公开工作年度报告", "政务公开工作要点", "规范性文件备案审查情况", "法治政府建设情况报告",
}

var benchSuffixes = []string{"的通知", "的公告", "", "的公示", "情况", "的政策解读", "（第一批）", "工作动态"}

// benchItem is the n-th generated item.
func benchItem(rng *rand.Rand) catalog.Item {
	region := benchRegions[rng.IntN(len(benchRegions))]
	year := 2019 + rng.IntN(8)
	topic := benchTopics[rng.IntN(len(benchTopics))]
	title := fmt.Sprintf("%s%d年%s%s", region, year, topic, benchSuffixes[rng.IntN(len(benchSuffixes))])
	body := fmt.Sprintf("%s。根据有关规定，现将%s和%s的有关事项公布如下，请%s相关单位和群众知悉。", title,
		benchTopics[rng.IntN(len(benchTopics))], benchTopics[rng.IntN(len(benchTopics))], region)
	formed := workday.NewDate(year, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	pub := formed + workday.Date(1+rng.IntN(20))
	return catalog.Item{Title: title, Summary: "公布" + title + "的有关内容。", FormedOn: formed, PublishedOn: &pub,
		Publisher: region + "人民政府办公室", Category: []string{"", "11", "7", "1", "13"}[rng.IntN(5)], Column: []string{"通知公告", "部门动态", "政策文件"}[rng.IntN(3)], Body: body}
}

// cmdBenchSearch measures the public catalog's full-text search over a
// catalog of --items published items (generated into the database once,
// added to up to that number on later runs).
func (c *cli) cmdBenchSearch(ctx context.Context, args []string) int {
	fs := newFlags("bench search", "bench search --db URL [--items 1000000] [--runs 30]", c.stderr)
	db := fs.String("db", "", "数据库（可以是 bench seed 生成的库）："+dbHelp)
	items := fs.Int("items", 1000000, "目录中已发布信息的条数（不足时生成补足）")
	runs := fs.Int("runs", 30, "每个检索的重复次数")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	if *db == "" || *items < 1000 || *runs < 1 {
		return fail(c.stderr, errs.New("--db", "请给出数据库（--db），信息条数至少 1000"))
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	agencies, err := benchCatalog(ctx, o.Store, *items, c.stderr)
	if err != nil {
		return fail(c.stderr, err)
	}
	if err := benchQueries(ctx, o.Store, agencies, *runs, c.stdout); err != nil {
		return fail(c.stderr, err)
	}
	return 0
}

// benchCatalog fills the catalog up to n published items over 50 agencies.
func benchCatalog(ctx context.Context, s *store.Store, n int, log io.Writer) ([]int64, error) {
	var have int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM catalog_items WHERE state = 'published'`).Scan(&have); err != nil {
		return nil, err
	}
	var ids []int64
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i := range 50 {
			name := fmt.Sprintf("检索测试第%d局", i+1)
			a, err := s.AgencyByName(ctx, name)
			if err == nil {
				ids = append(ids, a.ID)
				continue
			}
			ag := &org.Agency{Name: name, Level: "county_department", ReviewOrgan: "某区人民政府", Code: fmt.Sprintf("BENCH%04d", i)}
			if err := tx.CreateAgency(ctx, ag); err != nil {
				return err
			}
			ids = append(ids, ag.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(uint64(have), 11))
	start := time.Now()
	const batch = 20000
	for done := have; done < n; done += batch {
		k := min(batch, n-done)
		its := make([]catalog.Item, k)
		for i := range its {
			its[i] = benchItem(rng)
		}
		agency := ids[(done/batch)%len(ids)]
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertItems(ctx, agency, fmt.Sprintf("BENCH%d", agency), its) }); err != nil {
			return nil, err
		}
		fmt.Fprintf(log, "\r已生成 %d/%d 条", done+k, n)
	}
	if have < n {
		fmt.Fprintf(log, "，用时 %v\n", time.Since(start).Round(time.Second))
		if s.Dialect() == store.Postgres {
			if _, err := s.DB().ExecContext(ctx, `ANALYZE catalog_items`); err != nil {
				return nil, err
			}
		}
	}
	return ids, nil
}

// benchQueries times each query of the public catalog against a baseline
// measured in the same run: the catalog's first page (an index scan of
// the newest items, what a visitor sees before searching).
func benchQueries(ctx context.Context, s *store.Store, agencies []int64, runs int, w io.Writer) error {
	var total int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM catalog_items WHERE state = 'published'`).Scan(&total); err != nil {
		return err
	}
	timeN := func(n int, fn func() error) (med, p95 time.Duration, err error) {
		var ds []time.Duration
		for range n {
			start := time.Now()
			if err := fn(); err != nil {
				return 0, 0, err
			}
			ds = append(ds, time.Since(start))
		}
		slices.Sort(ds)
		return ds[len(ds)/2], ds[len(ds)*95/100], nil
	}
	timeIt := func(fn func() error) (time.Duration, time.Duration, error) { return timeN(runs, fn) }
	// query runs raw SQL and reads every row it returns
	query := func(q string) func() error {
		return func() error {
			rows, err := s.DB().QueryContext(ctx, q)
			if err != nil {
				return err
			}
			for rows.Next() {
			}
			rows.Close()
			return rows.Err()
		}
	}
	baseline, _, err := timeIt(query(`SELECT id, title FROM catalog_items WHERE state = 'published' ORDER BY published_on DESC, id DESC LIMIT 20`))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "gongkai bench search: %s，%d 条已发布信息（go %s，%d 核）\n", s.Dialect(), total, runtime.Version(), runtime.NumCPU())
	fmt.Fprintf(w, "baseline 目录首页（按发布日期的索引扫描，SQL）: 中位数 %v\n", baseline.Round(10*time.Microsecond))
	fmt.Fprintf(w, "%-34s %8s %10s %10s %8s\n", "检索", "命中", "中位数", "P95", "÷baseline")
	for _, c := range []struct {
		label string
		q     store.PublicQuery
	}{
		{"招生", store.PublicQuery{Q: search.Parse("招生")}},
		{"学区", store.PublicQuery{Q: search.Parse("学区")}},
		{"教育（常见词）", store.PublicQuery{Q: search.Parse("教育")}},
		{"公开（很常见的词）", store.PublicQuery{Q: search.Parse("公开")}},
		{"义务教育招生（短语）", store.PublicQuery{Q: search.Parse("义务教育招生")}},
		{"预算 公开（两个词）", store.PublicQuery{Q: search.Parse("预算 公开")}},
		{"听证（没有的词）", store.PublicQuery{Q: search.Parse("听证")}},
		{"招生，限一个机关", store.PublicQuery{Q: search.Parse("招生"), AgencyIDs: agencies[:1]}},
		{"招生，限类别和年度", store.PublicQuery{Q: search.Parse("招生"), Category: "11", Year: 2024}},
		{"招生，第 10 页", store.PublicQuery{Q: search.Parse("招生"), Offset: 180}},
		{"无检索词，某类别", store.PublicQuery{Category: "11"}},
	} {
		var n int
		med, p95, err := timeIt(func() error {
			_, tot, err := s.PublicItems(ctx, c.q)
			n = tot
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-34s %8d %10v %10v %8.1f\n", c.label, n, med.Round(10*time.Microsecond), p95.Round(10*time.Microsecond), float64(med)/float64(baseline))
	}
	// the rejected way, for scale: LIKE reads rows until it has a page,
	// every row when the word is rare or absent
	like, _, err := timeN(3, query(`SELECT id FROM catalog_items WHERE state = 'published' AND (title LIKE '%听证%' OR body LIKE '%听证%')
			ORDER BY published_on DESC LIMIT 20`))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "对照：LIKE '%%听证%%'（没有的词，全表扫描，不采用）: 中位数 %v，%.1f × baseline\n", like.Round(10*time.Microsecond), float64(like)/float64(baseline))
	return nil
}
