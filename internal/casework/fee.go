package casework

// Information-processing fees, 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号)
// Arts. 3–5. Both methods are progressive (超额累进); one application uses one
// method, never both.

// FeeMethod is how a fee is computed for one application.
type FeeMethod string

const (
	FeeByApplications FeeMethod = "per_application" // 按件计收 (Art. 4)
	FeeByPages        FeeMethod = "per_page"        // 按量计收 (Art. 5)
)

// FeeForApplications is the total charge, in yuan, for n applications by the
// same applicant in one calendar month: up to 10 free; 11–30 at 100 each; then
// bands of 10, each band 100 more per application (31–40 at 200, 41–50 at 300 …).
// The band reading beyond 30 is the plain reading of Art. 4 (law.md §3).
func FeeForApplications(n int) int64 {
	var total int64
	for i := 11; i <= n; i++ {
		total += applicationRate(i)
	}
	return total
}

func applicationRate(i int) int64 {
	switch {
	case i <= 10:
		return 0
	case i <= 30:
		return 100
	}
	return 100 * int64(2+(i-31)/10)
}

// FeeForNextApplication is what the k-th application of the month costs (k ≥ 1).
func FeeForNextApplication(k int) int64 { return applicationRate(k) }

// FeeForPages is the charge, in yuan, for one request of n pages: up to 30 free;
// 31–100 at 10; 101–200 at 20; 201 and more at 40 per page. 2 219 pages cost
// 83 460 yuan, the figure reported in the press (law.md §3, S8c).
func FeeForPages(n int) int64 {
	bands := []struct {
		upTo int
		rate int64
	}{{30, 0}, {100, 10}, {200, 20}, {1 << 31, 40}}
	var total int64
	prev := 0
	for _, b := range bands {
		if n <= prev {
			break
		}
		top := min(n, b.upTo)
		total += int64(top-prev) * b.rate
		prev = b.upTo
	}
	return total
}
