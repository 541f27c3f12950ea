package dev.canarycouncil.loganalyst.bench;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Seeded service logs in the formats real applications emit (Spring Boot, Go logfmt, nginx access
 * lines, JSON), with the occasional Java stack trace and Go panic.
 */
public final class ServiceLogGenerator {

    private static final String[] PATHS = {
        "/api/v1/orders",
        "/api/v1/cart",
        "/color",
        "/healthz",
        "/api/v1/users/%d",
        "/static/app.%x.js",
        "/api/v1/payments/%d/capture"
    };
    private static final String[] COLORS = {"red", "green", "blue", "yellow", "purple", "orange"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    /** nginx's {@code $time_local}. */
    private static final DateTimeFormatter ACCESS_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);

    private final SplittableRandom random;
    private final int maxGapMillis;
    private Instant clock;

    public ServiceLogGenerator(long seed) {
        this(seed, Instant.parse("2026-05-05T10:00:00Z"), 20);
    }

    /**
     * @param start        the first record's time
     * @param maxGapMillis records are 1 to this many milliseconds apart (about 2000 / this per second)
     */
    public ServiceLogGenerator(long seed, Instant start, int maxGapMillis) {
        if (maxGapMillis < 1) {
            throw new IllegalArgumentException("the gap between records must be at least 1 ms, was " + maxGapMillis);
        }
        this.random = new SplittableRandom(seed);
        this.clock = start;
        this.maxGapMillis = maxGapMillis;
    }

    /** The records written up to {@code end}, as a service's log grows over that time. */
    public String until(Instant end) {
        StringBuilder out = new StringBuilder();
        while (clock.isBefore(end)) {
            appendRecord(out, Long.MAX_VALUE);
        }
        return out.toString();
    }

    /** Exactly {@code lines} lines of generated records, ending in a newline (a stack trace counts one per line). */
    public String block(int lines) {
        StringBuilder out = new StringBuilder(lines * 120);
        long left = lines;
        while (left > 0) {
            left -= appendRecord(out, left);
        }
        return out.toString();
    }

    /** Appends one record of at most {@code room} lines; returns how many lines it wrote. */
    int appendRecord(StringBuilder out, long room) {
        clock = clock.plusMillis(1 + random.nextInt(maxGapMillis));
        int kind = random.nextInt(1000);
        if (kind == 0 && room >= 6) {
            return javaException(out);
        }
        if (kind == 1 && room >= 5) {
            return goPanic(out);
        }
        switch (kind % 6) {
            case 0 ->
                out.append(ISO.format(clock))
                        .append("  INFO 1 --- [nio-8080-exec-")
                        .append(1 + random.nextInt(200))
                        .append("] c.e.shop.OrderController : order ")
                        .append(random.nextInt(1_000_000))
                        .append(" placed for customer ")
                        .append(random.nextInt(50_000))
                        .append(" in ")
                        .append(random.nextInt(900))
                        .append("ms\n");
            case 1 ->
                out.append("time=")
                        .append(ISO.format(clock))
                        .append(" level=info msg=\"request served\" method=GET path=")
                        .append(path())
                        .append(" status=200 duration=")
                        .append(random.nextInt(300))
                        .append('.')
                        .append(random.nextInt(1000))
                        .append("ms color=")
                        .append(COLORS[random.nextInt(COLORS.length)])
                        .append('\n');
            case 2 ->
                out.append("10.")
                        .append(random.nextInt(256))
                        .append('.')
                        .append(random.nextInt(256))
                        .append('.')
                        .append(random.nextInt(256))
                        .append(" - - [")
                        .append(ACCESS_TIME.format(clock))
                        .append("] \"GET ")
                        .append(path())
                        .append(" HTTP/1.1\" ")
                        .append(random.nextInt(50) == 0 ? 404 : 200)
                        .append(' ')
                        .append(random.nextInt(20_000))
                        .append(" \"-\" \"Mozilla/5.0\"\n");
            case 3 ->
                out.append("{\"ts\":\"")
                        .append(ISO.format(clock))
                        .append("\",\"level\":\"info\",\"msg\":\"cache refreshed\",\"entries\":")
                        .append(random.nextInt(100_000))
                        .append(",\"took_ms\":")
                        .append(random.nextInt(500))
                        .append("}\n");
            case 4 ->
                out.append(ISO.format(clock))
                        .append("  WARN 1 --- [pool-2-thread-")
                        .append(1 + random.nextInt(8))
                        .append("] c.e.shop.InventoryClient : retrying call to inventory-")
                        .append(Integer.toHexString(random.nextInt()))
                        .append(" after ")
                        .append(random.nextInt(5))
                        .append(" attempts (timeout ")
                        .append(random.nextInt(3000))
                        .append("ms)\n");
            default ->
                out.append("time=")
                        .append(ISO.format(clock))
                        .append(" level=debug msg=\"db query\" table=orders rows=")
                        .append(random.nextInt(500))
                        .append(" trace_id=")
                        .append(Long.toHexString(random.nextLong()))
                        .append('\n');
        }
        return 1;
    }

    private String path() {
        String p = PATHS[random.nextInt(PATHS.length)];
        return p.contains("%") ? String.format(p, random.nextInt(100_000)) : p;
    }

    private int javaException(StringBuilder out) {
        out.append(ISO.format(clock))
                .append(" ERROR 1 --- [nio-8080-exec-")
                .append(1 + random.nextInt(200))
                .append("] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception\n")
                .append("java.lang.NullPointerException: Cannot invoke \"Order.total()\" because \"order\" is null\n")
                .append("\tat com.example.shop.OrderService.price(OrderService.java:")
                .append(40 + random.nextInt(5))
                .append(")\n")
                .append("\tat com.example.shop.OrderController.place(OrderController.java:27)\n")
                .append("\tat java.base/java.lang.Thread.run(Thread.java:833)\n")
                .append("Caused by: java.lang.IllegalStateException: cart ")
                .append(random.nextInt(10_000))
                .append(" expired\n");
        return 6;
    }

    private int goPanic(StringBuilder out) {
        out.append("panic: runtime error: index out of range [")
                .append(random.nextInt(10))
                .append("] with length 3\n\n")
                .append("goroutine ")
                .append(random.nextInt(5000))
                .append(" [running]:\n")
                .append("main.getColor(...)\n")
                .append("\t/app/main.go:42 +0x1d\n");
        return 5;
    }
}
