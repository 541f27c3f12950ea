package main

import (
	"encoding/json"
	"net/http"
	"time"
)

type Campaign struct {
	ID     string
	Budget int64
}

type Coupon struct {
	Code     string
	Percent  int
	Campaign *Campaign // 2.1.0: nil for coupons created outside a campaign
}

func (s *Server) handleApply(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Cart string `json:"cart"`
		Code string `json:"code"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	c, ok := s.coupons.Lookup(req.Code)
	if !ok {
		http.Error(w, "unknown coupon", http.StatusNotFound)
		return
	}
	total, err := s.carts.ApplyPercent(r.Context(), req.Cart, c.Percent)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	// Recording the redemption must not slow the response down, so it runs on its own
	// goroutine, where net/http's panic recovery does not reach.
	go s.recordRedemption(c, req.Cart)
	json.NewEncoder(w).Encode(map[string]any{"cart": req.Cart, "total": total})
}

// recordRedemption books the discount against the coupon's campaign budget.
func (s *Server) recordRedemption(c *Coupon, cart string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := Redemption{
		Coupon: c.Code,
		Cart:   cart,
		At:     time.Now(),
	}
	s.redemptions = append(s.redemptions, r)
	if len(s.redemptions) > 10000 {
		s.redemptions = s.redemptions[1:]
	}
	s.budgets[c.Campaign.ID] -= int64(c.Percent)
}

type Redemption struct {
	Coupon string
	Cart   string
	At     time.Time
}
