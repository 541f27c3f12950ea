package dev.canarycouncil.loganalyst.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenMaskerTest {

    private final TokenMasker masker = new TokenMasker();

    private String mask(String line) {
        return String.join(" ", masker.mask(Drain.tokenize(line)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "took 42 ms                                  | took <*> ms",
                "latency=1.234ms size=1.5GiB cpu=85%         | latency=<*> size=<*> cpu=<*>",
                "retry in 2m40s                              | retry in <*>",
                "addr 0x7ffe1234 commit a1b2c3d4e5           | addr <*> commit <*>",
                "from 10.0.0.7:8080 to 192.168.1.1           | from <*> to <*>",
                "request 123e4567-e89b-12d3-a456-426614174000 done | request <*> done",
                "at 2026-05-05T10:00:01.123Z and 10:00:01    | at <*> and <*>",
                "GET /api/orders/42/items?page=3             | GET /api/orders/<*>/items?<*>",
                "index [3] with length 3,                    | index [<*>] with length <*>,",
                "block blk_-6952295868487656571              | block <*>",
                "user \"alice smith\" not found              | user <*> not found",
                "file 'x.txt' missing                        | file <*> missing"
            })
    void masksVariables(String line, String expected) {
        assertEquals(expected, mask(line));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "level=error msg=\"request failed\" status=500 method=POST  | level=error msg=\"request failed\" status=500 method=POST",
                "\"GET /api HTTP/1.1\" 503                                    | \"GET /api HTTP/1.1\" <*>",
                "connecting to payments:8080 deadbeef                          | connecting to payments:8080 deadbeef",
                "java.lang.IllegalStateException: boom                         | java.lang.IllegalStateException: boom"
            })
    void keepsWhatIsConstant(String line, String expected) {
        assertEquals(expected, mask(line));
    }

    @Test
    void aBareVariableBecomesTheWildcardInstanceItselfForDrainsIdentityCheck() {
        assertSame(Drain.WILDCARD, masker.mask(new String[] {"12345"})[0]);
        assertSame(Drain.WILDCARD, masker.mask(new String[] {"\"quoted\""})[0]);
    }

    @Test
    void unchangedTokensAreNotCopied() {
        String[] tokens = {"nothing", "variable", "here"};
        assertSame(tokens, masker.mask(tokens));
    }
}
