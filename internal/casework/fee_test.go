package casework

import "testing"

func TestFees(t *testing.T) {
	for n, want := range map[int]int64{0: 0, 10: 0, 11: 100, 30: 2000, 31: 2200, 35: 3000, 40: 4000, 41: 4300, 50: 7000} {
		if got := FeeForApplications(n); got != want {
			t.Errorf("FeeForApplications(%d) = %d, want %d", n, got, want)
		}
	}
	for n, want := range map[int]int64{0: 0, 30: 0, 31: 10, 100: 700, 101: 720, 200: 2700, 201: 2740, 2219: 83460} {
		if got := FeeForPages(n); got != want {
			t.Errorf("FeeForPages(%d) = %d, want %d", n, got, want)
		}
	}
	// the marginal rate adds up to the total
	var sum int64
	for k := 1; k <= 57; k++ {
		sum += FeeForNextApplication(k)
	}
	if sum != FeeForApplications(57) {
		t.Errorf("marginal sum %d != total %d", sum, FeeForApplications(57))
	}
}
