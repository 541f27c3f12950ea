package main

import (
	"encoding/json"
	"log"
	"net/http"
	"time"
)

// Request is one unit of work the API hands to the workers.
type Request struct {
	ID       string
	Color    string
	Customer *Customer
}

type Customer struct {
	ID   string
	Tier string
}

// jobs feeds the worker goroutines. Since 2.1.0 the API enqueues a nil *Request for a
// body it cannot decode instead of answering 400 itself.
var jobs = make(chan *Request, 64)

func apiHandler(w http.ResponseWriter, r *http.Request) {
	var req *Request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		log.Printf("decode: %v", err)
	}
	select {
	case jobs <- req:
		w.WriteHeader(http.StatusAccepted)
	default:
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func startWorkers(n int) {
	for i := 0; i < n; i++ {
		go worker()
	}
}

// worker runs outside net/http's handler goroutines: nothing recovers a panic here, so
// one bad request kills the whole process.
func worker() {
	for req := range jobs {
		processRequest(req)
	}
}

func priority(c *Customer) int {
	if c == nil {
		return 0
	}
	switch c.Tier {
	case "gold":
		return 2
	case "silver":
		return 1
	}
	return 0
}

// processRequest records the request and picks its colour.
func processRequest(req *Request) {
	start := time.Now()
	defer func() {
		log.Printf("processed in %s", time.Since(start))
	}()
	// req is nil when the API could not decode the body.
	id := req.ID
	log.Printf("GET /api 200 %q request=%s priority=%d", req.Color, id, priority(req.Customer))
}
