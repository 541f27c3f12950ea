package dev.canarycouncil.evals.generator;

/** The canary's source in the Go panic scenario; getColor's indexing is on line 42. */
final class GoPanicSource {

    static final String MAIN_GO = """
            package main

            import (
            	"fmt"
            	"log"
            	"net/http"
            	"os"
            	"sync"
            	"time"
            )

            // palette holds the colours the demo serves. Version 1.9.0 adds yellow.
            type palette struct {
            	mu     sync.RWMutex
            	colors []string
            	next   int
            }

            func newPalette() *palette {
            	return &palette{colors: []string{"blue", "green", "yellow"}}
            }

            func (p *palette) current() string {
            	p.mu.RLock()
            	defer p.mu.RUnlock()
            	return p.colors[p.next%len(p.colors)]
            }

            func colorHandler(p *palette) http.HandlerFunc {
            	return func(w http.ResponseWriter, r *http.Request) {
            		fmt.Fprintf(w, "%q", p.current())
            	}
            }

            // getColor returns the colour at position idx.
            //
            // The refresher advances idx one past the last colour before it wraps around
            // (it compares with > instead of >=), so idx == len(colors) reaches the index below.
            func getColor(p *palette, idx int) string {
            	p.mu.RLock()
            	defer p.mu.RUnlock()
            	return p.colors[idx]
            }

            // refreshColors rotates the served colour every few seconds.
            func refreshColors(p *palette) {
            	idx := 0
            	for range time.Tick(5 * time.Second) {
            		if idx > len(p.colors) {
            			idx = 0
            		}
            		p.mu.Lock()
            		p.next = idx
            		p.mu.Unlock()
            		log.Printf("serving %s", getColor(p, idx))
            		idx++
            	}
            }

            func main() {
            	p := newPalette()
            	addr := ":8080"
            	if v := os.Getenv("ADDR"); v != "" {
            		addr = v
            	}
            	http.HandleFunc("/api/checkout", colorHandler(p))
            	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
            		w.WriteHeader(http.StatusOK)
            	})
            	// The refresher runs in the background; a panic there takes the whole process down.
            	go refreshColors(p)
            	log.Fatal(http.ListenAndServe(addr, nil))
            }
            """;

    private GoPanicSource() {}
}
