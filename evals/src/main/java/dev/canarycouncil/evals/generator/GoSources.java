package dev.canarycouncil.evals.generator;

/** Go sources of the newer scenarios; comments in them explain the bug. */
final class GoSources {

    /** seed-panic-runtime-error: {@code tags[0]} on an empty slice at main.go:42, called from main.main at line 18. */
    static final String SEED_MAIN_GO = """
            package main

            import (
            	"bufio"
            	"fmt"
            	"log"
            	"net"
            	"strings"
            	"time"
            )

            func main() {
            	ln := mustListen(":8080")
            	log.Printf("Started server on :8080")
            	// One connection at a time, on the main goroutine: simple, and
            	// fast enough for a demo.
            	for conn := range accept(ln) {
            		handler(newRequest(conn))
            	}
            }

            type request struct {
            	conn     net.Conn
            	path     string
            	query    map[string][]string
            	received time.Time
            }

            // handler answers one request on the main goroutine: a panic here stops the server.
            // 2.0.1 picks the first colour registered for the ?tag= parameter; "promo" has none.
            func handler(r *request) {
            	defer r.conn.Close()
            	if r.path == "/healthz" {
            		fmt.Fprint(r.conn, "HTTP/1.1 200 OK\\r\\n\\r\\n")
            		return
            	}
            	tag := "default"
            	if v := r.query["tag"]; len(v) > 0 {
            		tag = v[0]
            	}
            	tags := colorsByTag[tag]
            	color := tags[0]
            	logRequest(r, 200, color)
            	fmt.Fprintf(r.conn, "HTTP/1.1 200 OK\\r\\n\\r\\n%q", color)
            }

            var colorsByTag = map[string][]string{
            	"default": {"red"},
            	"promo":   {},
            }

            func newRequest(conn net.Conn) *request {
            	line, _ := bufio.NewReader(conn).ReadString('\\n')
            	parts := strings.Fields(line)
            	r := &request{conn: conn, path: "/", query: map[string][]string{}, received: time.Now()}
            	if len(parts) > 1 {
            		path, query, _ := strings.Cut(parts[1], "?")
            		r.path = path
            		for _, kv := range strings.Split(query, "&") {
            			if k, v, ok := strings.Cut(kv, "="); ok {
            				r.query[k] = append(r.query[k], v)
            			}
            		}
            	}
            	return r
            }

            // accept hands out connections one at a time.
            func accept(ln net.Listener) <-chan net.Conn {
            	out := make(chan net.Conn)
            	go func() {
            		for {
            			conn, err := ln.Accept()
            			if err != nil {
            				log.Printf("accept: %v", err)
            				continue
            			}
            			out <- conn
            		}
            	}()
            	return out
            }

            // logRequest writes the demo's request line: GET /api 200 1.204ms "red".
            func logRequest(r *request, status int, color string) {
            	log.Printf("GET %s %d %.3fms %q", r.path, status, float64(time.Since(r.received).Microseconds())/1000, color)
            }

            func mustListen(addr string) net.Listener {
            	ln, err := net.Listen("tcp", addr)
            	if err != nil {
            		log.Fatal(err)
            	}
            	return ln
            }
            """;

    /** seed-mixed-partial-failure: {@code req.ID} on a nil request in processRequest at handler.go:73. */
    static final String SEED_HANDLER_GO = """
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
            """;

    /** go-nil-pointer-sigsegv-coupons: {@code c.Campaign.ID} with a nil campaign at coupons.go:58, on a goroutine started at line 41. */
    static final String COUPONS_GO = """
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
            """;

    /** partial-failure-leader-reindex-panic: assignment to the nil {@code terms} map at indexer.go:58. */
    static final String INDEXER_GO = """
            package main

            import (
            	"context"
            	"log"
            	"strings"
            	"time"
            )

            // Indexer keeps the search index fresh; only the pod holding the leader lease reindexes. The
            // lease names the pod and lasts 2 minutes, so a leader that restarts quickly takes it back.
            type Indexer struct {
            	store    *Store
            	lease    *Lease
            	synonyms map[string][]string
            	terms    map[string][]string
            }

            func NewIndexer(store *Store, lease *Lease) *Indexer {
            	// 3.4.0 added synonyms; terms is no longer made here but in loadTerms, which only
            	// the query path calls.
            	return &Indexer{store: store, lease: lease, synonyms: map[string][]string{}}
            }

            func (ix *Indexer) runLeader(ctx context.Context) {
            	for {
            		if err := ix.lease.Acquire(ctx); err != nil {
            			time.Sleep(5 * time.Second)
            			continue
            		}
            		log.Printf("acquired leader lease, reindexing every 60s")
            		for range time.Tick(60 * time.Second) {
            			docs := ix.store.ChangedSince(time.Now().Add(-time.Minute))
            			ix.reindex(docs)
            		}
            	}
            }

            type Doc struct {
            	ID    string
            	Title string
            	Body  string
            }

            func tokens(s string) []string {
            	return strings.Fields(strings.ToLower(s))
            }

            // reindex adds the changed documents' tokens and their synonyms to the index.
            func (ix *Indexer) reindex(docs []Doc) {
            	for _, d := range docs {
            		for _, tok := range tokens(d.Title + " " + d.Body) {
            			words := append([]string{tok}, ix.synonyms[tok]...)
            			for _, w := range words {
            				if w == "" {
            					continue
            				}
            				ix.terms[w] = append(ix.terms[w], d.ID)
            			}
            		}
            	}
            }
            """;

    /** config-error-missing-database-url: DATABASE_URL is required. */
    static final String CONFIG_GO = """
            package main

            import (
            	"log"
            	"time"

            	"github.com/kelseyhightower/envconfig"
            )

            // Config is read from the environment at start-up.
            type Config struct {
            	Port        int           `envconfig:"PORT" default:"8080"`
            	LogLevel    string        `envconfig:"LOG_LEVEL" default:"info"`
            	// 4.0.0 moved from the embedded SQLite file to Postgres; the Rollout's pod template
            	// does not set DATABASE_URL yet.
            	DatabaseURL string        `envconfig:"DATABASE_URL" required:"true"`
            	PoolSize    int           `envconfig:"DB_POOL_SIZE" default:"10"`
            	Timeout     time.Duration `envconfig:"REQUEST_TIMEOUT" default:"5s"`
            }

            func mustLoadConfig() Config {
            	var c Config
            	if err := envconfig.Process("", &c); err != nil {
            		log.Fatalf("Error: %v", err)
            	}
            	return c
            }
            """;

    private GoSources() {}
}
