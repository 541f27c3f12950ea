package dev.canarycouncil.loganalyst.drain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DrainTest {

    private static LogCluster add(Drain d, String line) {
        return d.add(Drain.tokenize(line));
    }

    @Test
    void similarLinesShareATemplateWithWildcardsWhereTheyDiffer() {
        Drain d = Drain.reference(4, 0.5);
        LogCluster a = add(d, "Receiving block blk_1 src: /10.0.0.1 dest: /10.0.0.2");
        LogCluster b = add(d, "Receiving block blk_2 src: /10.0.0.3 dest: /10.0.0.2");
        assertSame(a, b);
        assertEquals("Receiving block <*> src: <*> dest: /10.0.0.2", a.template());
        assertEquals(2, a.size());
    }

    @Test
    void linesOfDifferentLengthOrBelowTheThresholdStartNewTemplates() {
        Drain d = Drain.reference(4, 0.5);
        LogCluster a = add(d, "Deleting block blk_1 file /data/1");
        assertNotSame(a, add(d, "Deleting block blk_1 file /data/1 now"));
        assertNotSame(a, add(d, "Deleting x y z w"));
        assertEquals(3, d.clusters().size());
    }

    @Test
    void tokensWithDigitsRouteThroughTheWildcardBranch() {
        // The first token has digits, so both lines take the tree's wildcard branch and can merge.
        Drain d = Drain.reference(4, 0.5);
        assertSame(add(d, "worker-1 started job a"), add(d, "worker-2 started job a"));
    }

    @Test
    void theTemplateLimitRefusesNewTemplatesButStillMatchesKnownOnes() {
        Drain d = new Drain(4, 0.5, 100, 1);
        LogCluster a = add(d, "user logged in");
        assertNull(add(d, "disk full on volume"));
        assertSame(a, add(d, "user logged out"));
    }

    @Test
    void tokenizeSplitsOnRunsOfWhitespaceAndInternsTheWildcard() {
        String[] tokens = Drain.tokenize("  a\t b  <*>  c ");
        assertArrayEquals(new String[] {"a", "b", "<*>", "c"}, tokens);
        assertSame(Drain.WILDCARD, tokens[2]);
        assertEquals(0, Drain.tokenize("   ").length);
    }

    @Test
    void aLineMostlyOfVariablesJoinsTheTemplateItIsExactly() {
        // An Envoy access line masked: more wildcards than constants, below the similarity threshold
        // for Drain's share of equal constant tokens, yet the same line every time.
        Drain drain = new Drain(4, 0.5, 100, 1000);
        String[] line = {
            "[<*>]", "\"GET", "/cart", "HTTP/1.1\"", "<*>", "-", "<*>", "<*>", "<*>", "<*>", "<*>", "<*>", "<*>"
        };
        for (int i = 0; i < 3; i++) {
            String[] tokens = line.clone();
            for (int k = 0; k < tokens.length; k++) {
                if (tokens[k].equals("<*>")) {
                    tokens[k] = Drain.WILDCARD;
                }
            }
            drain.add(tokens);
        }
        assertEquals(1, drain.clusters().size(), "one template, not one per occurrence");
        assertEquals(3L, drain.clusters().get(0).size());
    }
}
