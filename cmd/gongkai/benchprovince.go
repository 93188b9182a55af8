package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"time"

	"gongkai/internal/appeal"
	auditlog "gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// province is the shape of a generated province: a government with its
// departments, cities with theirs, and counties with departments and
// townships, numbering agencies in all.
type province struct {
	agencies, cases, year int
	rng                   *rand.Rand
}

// seedAgency is one generated agency before it is stored.
type seedAgency struct {
	org.Agency
	parent int // index into the list; -1 for the province
}

// hierarchy lays out n agencies: 1 province, 40 provincial departments,
// cities, their departments and counties, and the rest below the counties.
func (pv *province) hierarchy() []seedAgency {
	n := pv.agencies
	out := []seedAgency{{Agency: org.Agency{Name: "某省人民政府", Level: "province", ReviewOrgan: "某省人民政府", LetterPrefix: "省政依公"}, parent: -1}}
	add := func(name string, level report.Level, parent int, review string) int {
		out = append(out, seedAgency{Agency: org.Agency{Name: name, Level: level, ReviewOrgan: review, LetterPrefix: "依公"}, parent: parent})
		return len(out) - 1
	}
	for i := range min(40, n/50) {
		add(fmt.Sprintf("某省第%d厅", i+1), "province_department", 0, "某省人民政府")
	}
	cities := max(1, n/300)
	var counties []int
	for c := range cities {
		city := add(fmt.Sprintf("某省第%d市人民政府", c+1), "city", 0, "某省人民政府")
		for d := range 30 {
			add(fmt.Sprintf("第%d市第%d局", c+1, d+1), "city_department", city, out[city].Name)
		}
		for k := range 10 {
			counties = append(counties, add(fmt.Sprintf("第%d市第%d县人民政府", c+1, k+1), "county", city, out[city].Name))
		}
	}
	for i := 0; len(out) < n; i++ {
		county := counties[i%len(counties)]
		level, kind := report.Level("county_department"), "局"
		if i%4 == 3 {
			level, kind = "township", "乡人民政府"
		}
		add(fmt.Sprintf("%s第%d%s", out[county].Name, i/len(counties)+1, kind), level, county, out[county].Name)
	}
	return out[:n]
}

// cmdBenchSeed builds a province in the database: agencies, supervisors,
// applications over two years, decisions, appeals and saved reports.
func (c *cli) cmdBenchSeed(ctx context.Context, args []string) int {
	fs := newFlags("bench seed", "bench seed --db URL [--agencies 5000] [--cases 2000000] [--year 2025]", c.stderr)
	db := fs.String("db", "", "数据库（应为新建的空数据库）："+dbHelp)
	agencies := fs.Int("agencies", 5000, "机关数")
	cases := fs.Int("cases", 2000000, "申请数（分布在本年和上年）")
	year := fs.Int("year", 2025, "报告年度")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	if *db == "" || *agencies < 100 || *cases < 0 || *year < 2021 {
		return fail(c.stderr, errs.New("--db", "请给出一个新建的空数据库（--db），机关数至少 100，年度 2021 年以后"))
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	pv := &province{agencies: *agencies, cases: *cases, year: *year, rng: rand.New(rand.NewPCG(uint64(*agencies), uint64(*cases)))}
	start := time.Now()
	if err := pv.seed(ctx, o, c); err != nil {
		return fail(c.stderr, err)
	}
	fmt.Fprintf(c.stdout, "已生成：%d 个机关，%d 件申请，用时 %v\n", *agencies, *cases, time.Since(start).Round(time.Second))
	return 0
}

func (pv *province) seed(ctx context.Context, o *ops.Service, c *cli) error {
	if n, err := o.Store.ListAgencies(ctx); err != nil || len(n) > 0 {
		return errs.New("--db", "数据库中已有机关：bench seed 需要一个空数据库")
	}
	list := pv.hierarchy()
	ids, err := pv.storeAgencies(ctx, o.Store, list)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "机关 %d 个已写入\n", len(ids))
	// cases per agency: uneven, as in life (a few busy agencies, many quiet)
	weights := make([]float64, len(ids))
	var total float64
	for i := range weights {
		weights[i] = 0.2 + pv.rng.ExpFloat64()
		total += weights[i]
	}
	cal, cfg := workday.Default(), casework.DefaultConfig()
	done := 0
	for i, id := range ids {
		n := int(float64(pv.cases) * weights[i] / total)
		if i == len(ids)-1 {
			n = pv.cases - done
		}
		if err := pv.storeCases(ctx, o.Store, id, n, cal, cfg); err != nil {
			return err
		}
		done += n
		if (i+1)%500 == 0 {
			fmt.Fprintf(c.stdout, "申请：%d/%d 个机关，%d 件\n", i+1, len(ids), done)
		}
	}
	return pv.storeRecords(ctx, o, ids)
}

func (pv *province) storeAgencies(ctx context.Context, s *store.Store, list []seedAgency) ([]int64, error) {
	ids := make([]int64, len(list))
	hash, err := org.HashPassword("bench-" + fmt.Sprint(pv.agencies))
	if err != nil {
		return nil, err
	}
	err = s.InTx(ctx, func(tx *store.Tx) error {
		for i := range list {
			a := &list[i].Agency
			if p := list[i].parent; p >= 0 {
				a.ParentID = &ids[p]
			}
			if err := tx.CreateAgency(ctx, a); err != nil {
				return err
			}
			ids[i] = a.ID
			if slices.Contains([]report.Level{"province", "city", "county"}, a.Level) {
				u := &org.User{AgencyID: a.ID, Login: fmt.Sprintf("sup%d", a.ID), Name: "主管" + a.Name, Role: casework.Supervisor}
				if err := tx.CreateUser(ctx, u, hash); err != nil {
					return err
				}
			}
		}
		return tx.Audit(ctx, auditlog.Entry{Actor: "bench seed", Action: "agency.create", Detail: fmt.Sprintf("生成 %d 个机关", len(list))})
	})
	return ids, err
}

var benchOutcomes = []casework.OutcomeID{"disclosed", "disclosed", "already_public", "partly_disclosed", "not_exist", "not_exist", "not_this_agency",
	"third_party", "process_info", "needs_creation", "query_service", "disclosed"}

// storeCases writes n applications of one agency received over the report
// year and the year before; most are answered 5–30 days later.
func (pv *province) storeCases(ctx context.Context, s *store.Store, agency int64, n int, cal *workday.Calendar, cfg casework.Config) error {
	actor := casework.Actor{Name: "生成", Role: casework.Approver}
	first := workday.NewDate(pv.year-1, 1, 2)
	cs := make([]*casework.Case, 0, n)
	dls := make([]casework.Deadline, 0, n)
	for j := range n {
		d := first + workday.Date(pv.rng.IntN(700))
		in := casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
			Applicant: casework.Applicant{Type: casework.ApplicantTypes[pv.rng.IntN(6)].ID, Name: fmt.Sprintf("申请人%d", j), Phone: "13800000000"},
			Request:   casework.Request{Description: "请公开某文件", Form: "电子", Delivery: "电子邮件"}}
		c, err := casework.NewCase(in, actor, clock.At(d.Time().Add(2*time.Hour)), cal)
		if err != nil {
			return err
		}
		if pv.rng.IntN(10) < 9 {
			on := d + workday.Date(5+pv.rng.IntN(25))
			step := casework.Step{Kind: casework.KindDecide, On: on, Outcome: benchOutcomes[pv.rng.IntN(len(benchOutcomes))]}
			switch step.Outcome {
			case "partly_disclosed":
				step.Grounds = []casework.OutcomeID{"third_party"}
			case "not_this_agency":
				step.Referral = "某市某局，电话 0000-0000000"
			case "already_public":
				step.Route = "本机关政府信息公开网站"
			}
			if _, err := c.Apply(step, actor, clock.At(on.Time().Add(2*time.Hour)), cfg, cal); err != nil {
				return err
			}
		}
		dl, _ := c.Deadline(cfg, cal, workday.NewDate(pv.year+1, 1, 5))
		cs, dls = append(cs, c), append(dls, dl)
	}
	return s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertCases(ctx, agency, cs, dls) })
}

// storeRecords adds decisions, fees and appeals to every agency, and saves
// (and mostly submits) the report of the year for three agencies in five.
func (pv *province) storeRecords(ctx context.Context, o *ops.Service, ids []int64) error {
	err := o.Store.InTx(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			for k, kind := range []string{"licensing", "penalty", "fee"} {
				d := importer.Decision{Key: fmt.Sprintf("bench:%d:%d", id, k), Kind: kind, On: workday.NewDate(pv.year, 3, 2+k), DocNo: fmt.Sprintf("第%d号", k+1)}
				if kind == "fee" {
					d.Amount = "1200.50"
				}
				if _, err := tx.InsertDecision(ctx, id, 0, d); err != nil {
					return err
				}
			}
			if pv.rng.IntN(3) == 0 {
				a := &appeal.Record{AgencyID: id, Kind: appeal.Review, Body: "某复议机关", FiledOn: workday.NewDate(pv.year, 6, 2)}
				if err := tx.AddAppeal(ctx, a); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return pv.saveReports(ctx, o, ids)
}

func (pv *province) saveReports(ctx context.Context, o *ops.Service, ids []int64) error {
	reps := map[int64]*report.Report{}
	ags, err := o.Store.Agencies(ctx, ids)
	if err != nil {
		return err
	}
	for _, a := range ags {
		if pv.rng.IntN(5) < 3 {
			r := report.NewReport(report.FormatForYear(pv.year))
			r.Agency, r.Year, r.Level = a.Name, pv.year, a.Level
			r.Zero()
			for _, s := range report.Sections {
				r.Sections[s.Key] = "（生成的报告正文）本机关认真贯彻落实《中华人民共和国政府信息公开条例》。本年度未收取信息处理费。"
			}
			reps[a.ID] = r
		}
	}
	if _, err := o.Store.RecordsInto(ctx, reps, pv.year, appeal.FiledInYear, casework.UnitApplication); err != nil {
		return err
	}
	return o.Store.InTx(ctx, func(tx *store.Tx) error {
		for id, r := range reps {
			v, err := tx.SaveReportAs(ctx, id, r, "生成", report.StateDraft, "")
			if err != nil {
				return err
			}
			if pv.rng.IntN(4) > 0 {
				if err := tx.SubmitReport(ctx, id, pv.year, v, "生成"); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// cmdBenchRollup times the province's 报告汇总 against one hand-written SQL
// query computing the same 表三 sums, in the same run.
func (c *cli) cmdBenchRollup(ctx context.Context, args []string) int {
	fs := newFlags("bench rollup", "bench rollup --db URL [--year 2025] [--runs 5]", c.stderr)
	db := fs.String("db", "", "bench seed 生成的数据库："+dbHelp)
	year := fs.Int("year", 2025, "报告年度")
	runs := fs.Int("runs", 5, "各测量几次（取中位数）")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	if *db == "" || *runs < 1 {
		return fail(c.stderr, errs.New("--db", "请给出 bench seed 生成的数据库"))
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	all, err := o.Store.ListAgencies(ctx)
	if err != nil || len(all) == 0 {
		return fail(c.stderr, errs.New("--db", "数据库中没有机关：先运行 gongkai bench seed"))
	}
	top := ops.Principal{AgencyID: all[0].ID, Name: "bench", Role: casework.Supervisor, Via: "cli"}
	if err := benchRollup(ctx, o, top, *year, *runs, c); err != nil {
		return fail(c.stderr, err)
	}
	return 0
}

func benchRollup(ctx context.Context, o *ops.Service, p ops.Principal, year, runs int, c *cli) error {
	ids, err := o.Store.Below(ctx, p.AgencyID)
	if err != nil {
		return err
	}
	var agencies int
	if err := o.Store.DB().QueryRowContext(ctx, `SELECT count(*) FROM agencies`).Scan(&agencies); err != nil {
		return err
	}
	if agencies != len(ids) {
		return errs.New("--db", "数据库中有省外的机关：bench rollup 只用于 bench seed 生成的数据库")
	}
	var roll *ops.Rollup
	var base, total map[string]report.Row
	var stats *ops.Stats
	rollupTimes, baseTimes, totalTimes, statsTimes := make([]time.Duration, runs), make([]time.Duration, runs), make([]time.Duration, runs), make([]time.Duration, runs)
	// one warm-up of each, then alternate so that all see the same cache
	for i := -1; i < runs; i++ {
		t0 := time.Now()
		if roll, err = o.Rollup(ctx, p, year); err != nil {
			return err
		}
		t1 := time.Now()
		if base, err = baselineSums(ctx, o.Store, year, "agency_id, "); err != nil {
			return err
		}
		t2 := time.Now()
		if total, err = baselineSums(ctx, o.Store, year, ""); err != nil {
			return err
		}
		t3 := time.Now()
		if stats, err = o.Stats(ctx, p, year); err != nil {
			return err
		}
		if i >= 0 {
			rollupTimes[i], baseTimes[i], totalTimes[i], statsTimes[i] = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), time.Since(t3)
		}
	}
	for key, row := range total {
		if base[key] != row {
			return fmt.Errorf("the baselines disagree on 表三 %s", key)
		}
	}
	for key, row := range base {
		if got := roll.Sum.Applications[key]; got != row {
			return fmt.Errorf("the 报告汇总 and the baseline disagree on 表三 %s: %v and %v", key, got, row)
		}
	}
	if got, want := stats.Total.Received, base["new"][report.ColTotal]; want != report.N(int64(got)) {
		return fmt.Errorf("the 办理情况统计 counts %d applications received, the baseline %d", got, want)
	}
	slices.Sort(rollupTimes)
	slices.Sort(baseTimes)
	slices.Sort(totalTimes)
	slices.Sort(statsTimes)
	r, b, tt, st := rollupTimes[runs/2], baseTimes[runs/2], totalTimes[runs/2], statsTimes[runs/2]
	var cases int64
	if err := o.Store.DB().QueryRowContext(ctx, `SELECT count(*) FROM cases`).Scan(&cases); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "gongkai bench rollup: %d 个机关，%d 件申请，%s，%d 年（go %s，%d 核，%d 次取中位数）\n",
		len(ids), cases, o.Store.Dialect(), year, runtime.Version(), runtime.NumCPU(), runs)
	fmt.Fprintf(c.stdout, "rollup: %d ms, baseline %d ms, ratio %.2f\n", r.Milliseconds(), b.Milliseconds(), float64(r)/float64(b))
	fmt.Fprintf(c.stdout, "（baseline：按机关分组的一条 GROUP BY；只求全省合计、不分机关的一条 GROUP BY 用时 %d ms，ratio %.2f）\n",
		tt.Milliseconds(), float64(r)/float64(tt))
	fmt.Fprintf(c.stdout, "stats（办理情况统计）: %d ms, ratio %.2f to the baseline\n", st.Milliseconds(), float64(st)/float64(b))
	return nil
}

// baselineSums is the hand-written query: the 表三 cells of every agency of
// the province in one GROUP BY over every case of the database (bench
// seed's database holds only the province), added up into the province's
// table, with nothing else. Per agency, as the 汇总 needs them (each
// agency's report is checked with its own figures), and as BenchmarkRollup's
// baseline has always been.
func baselineSums(ctx context.Context, s *store.Store, year int, by string) (map[string]report.Row, error) {
	first, last := workday.NewDate(year, 1, 1).String(), workday.NewDate(year, 12, 31).String()
	rows, err := s.DB().QueryContext(ctx, `SELECT `+by+`applicant_type, outcome,
			count(*) FILTER (WHERE received_on >= $1 AND received_on <= $2),
			count(*) FILTER (WHERE received_on < $1 AND (closed_on IS NULL OR closed_on >= $1)),
			count(*) FILTER (WHERE closed_on >= $1 AND closed_on <= $2),
			count(*) FILTER (WHERE received_on <= $2 AND (closed_on IS NULL OR closed_on > $2))
		FROM cases GROUP BY `+by+`applicant_type, outcome`, first, last)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	f := report.FormatForYear(year)
	counts := map[string]*[report.NumCols]int64{}
	for _, row := range f.T3Rows() {
		counts[row.Key] = &[report.NumCols]int64{}
	}
	add := func(key string, col int, n int64) { counts[key][col] += n; counts[key][report.ColTotal] += n }
	for rows.Next() {
		var agency int64
		var typ, outcome string
		var nw, in, closed, fwd int64
		dest := []any{&typ, &outcome, &nw, &in, &closed, &fwd}
		if by != "" {
			dest = append([]any{&agency}, dest...)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		col := casework.ApplicantType(typ).Column()
		add("new", col, nw)
		add("carried_in", col, in)
		add("carried_forward", col, fwd)
		if o := casework.OutcomeByID(casework.OutcomeID(outcome)); o != nil && closed > 0 {
			add(o.RowFor(f), col, closed)
			add("total", col, closed)
		}
	}
	sum := map[string]report.Row{}
	for k, v := range counts {
		var row report.Row
		for i, n := range v {
			row[i] = report.N(n)
		}
		sum[k] = row
	}
	return sum, rows.Err()
}
