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
