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
		fmt.Fprint(r.conn, "HTTP/1.1 200 OK\r\n\r\n")
		return
	}
	tag := "default"
	if v := r.query["tag"]; len(v) > 0 {
		tag = v[0]
	}
	tags := colorsByTag[tag]
	color := tags[0]
	logRequest(r, 200, color)
	fmt.Fprintf(r.conn, "HTTP/1.1 200 OK\r\n\r\n%q", color)
}

var colorsByTag = map[string][]string{
	"default": {"red"},
	"promo":   {},
}

func newRequest(conn net.Conn) *request {
	line, _ := bufio.NewReader(conn).ReadString('\n')
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
