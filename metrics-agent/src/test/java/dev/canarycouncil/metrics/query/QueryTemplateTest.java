package dev.canarycouncil.metrics.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryTemplateTest {

    private static final SideContext STABLE = new SideContext(
            "stable",
            "check\"out",
            "shop",
            "checkout",
            "5f7d8c9b6",
            "7c9d6f5b4",
            "5f7d8c9b6",
            Duration.ofSeconds(90),
            null);

    @Test
    void fillsEveryPlaceholderForTheSideEscaped() {
        assertEquals(
                "sum(rate(http_requests_total{service=\"check\\\"out\",rollouts_pod_template_hash=\"5f7d8c9b6\"}[90s]))",
                QueryTemplate.render("sum(rate(http_requests_total{{{selector}}}[{{interval}}]))", STABLE));
        assertEquals(
                "avg(x{namespace=\"shop\",pod=~\".+-5f7d8c9b6-.+\"})",
                QueryTemplate.render("avg(x{{{pods}}})", STABLE));
        assertEquals(
                "q{v=\"7c9d6f5b4\",w=\"5f7d8c9b6\",h=\"5f7d8c9b6\"}",
                QueryTemplate.render("q{v=\"{{canary}}\",w=\"{{stable}}\",h=\"{{ hash }}\"}", STABLE));
    }
}
