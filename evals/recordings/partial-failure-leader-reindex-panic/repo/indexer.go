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
