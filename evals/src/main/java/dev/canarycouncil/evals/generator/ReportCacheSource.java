package dev.canarycouncil.evals.generator;

/** The canary's report cache in the OOM scenario: an unbounded map. */
final class ReportCacheSource {

    static final String JAVA = """
            package com.example.reports;

            import java.util.HashMap;
            import java.util.Map;

            import org.springframework.stereotype.Component;

            /**
             * Caches rendered reports by request key. Added in 2.4.0.
             */
            @Component
            public class ReportCache {

                // Every distinct query string becomes a key, and nothing is ever evicted.
                private final Map<String, byte[]> rendered = new HashMap<>();

                public byte[] get(String key) {
                    return rendered.get(key);
                }

                public void put(String key, byte[] report) {
                    rendered.put(key, report);
                }
            }
            """;

    private ReportCacheSource() {}
}
