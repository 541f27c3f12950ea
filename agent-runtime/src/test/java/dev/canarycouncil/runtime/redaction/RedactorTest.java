package dev.canarycouncil.runtime.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abc123def456 | Authorization: Bearer <redacted:bearer>",
                "header authorization=Basic dXNlcjpwYXNzd29yZA==                 | header authorization=Basic <redacted:basic-auth>",
                "connecting to postgres://app:s3cr3t@db:5432/orders             | connecting to postgres://<redacted:credentials>@db:5432/orders",
                "id_token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl    | id_token <redacted:token>",
                "aws key AKIAIOSFODNN7EXAMPLE used                               | aws key <redacted:api-key> used",
                "key AIzaSyD-1234567890abcdefghijklmnopqrstu                     | key <redacted:api-key>",
                "gh token ghp_abcdefghijklmnopqrstuvwxyz0123456789ab             | gh token <redacted:token>",
                "slack xoxb-1234567890-abcdefghij                                | slack <redacted:token>",
                "login failed password=hunter2 user=bob                          | login failed password=<redacted:password> user=bob",
                "db pass=s3cr3t host=db                                          | db pass=<redacted:password> host=db",
                "password: hunter2                                               | password: <redacted:password>",
                "{\"api_key\":\"abc123\",\"x\":1}                                | {\"api_key\":\"<redacted:api-key>\",\"x\":1}",
                "refresh_token: r-9f8e7d                                         | refresh_token: <redacted:token>",
                "client_secret=xyz&grant=code                                    | client_secret=<redacted:secret>&grant=code",
                "Set-Cookie session_id=abc123; Path=/                            | Set-Cookie session_id=<redacted:session>; Path=/",
                "order for alice.smith@example.com shipped                       | order for <redacted:email> shipped",
                "card 4111 1111 1111 1111 declined                               | card <redacted:card> declined",
                "card 5500-0000-0000-0004 declined                               | card <redacted:card> declined"
            })
    void redactsEachKind(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "took 1704067215000 ms at epoch                                  | took 1704067215000 ms at epoch",
                "order 4111111111111112 (not a valid card number)                | order 4111111111111112 (not a valid card number)",
                "tokens=42 processed                                             | tokens=42 processed",
                "5xx-ratio PASS: canary 0.33% vs stable 0.30%                    | 5xx-ratio PASS: canary 0.33% vs stable 0.30%",
                "level=error msg=\"charge failed\" order=69204                   | level=error msg=\"charge failed\" order=69204"
            })
    void leavesLookAlikesAlone(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @org.junit.jupiter.api.Test
    void redactsAPrivateKeyBlockWhole() {
        String key =
                "config:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nnext";
        assertEquals("config:\n<redacted:private-key>\nnext", redactor.redact(key));
    }

    @org.junit.jupiter.api.Test
    void prefixedSecretNamesAsInEnvironmentVariablesAndJson() {
        for (String line : java.util.List.of(
                "DB_PASSWORD=hunter2",
                "GITHUB_TOKEN=abc123def",
                "MYSQL_ROOT_PASSWORD: hunter2",
                "{\"db_password\":\"hunter2\"}",
                "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENG")) {
            String out = redactor.redact(line);
            org.junit.jupiter.api.Assertions.assertFalse(
                    out.contains("hunter2") || out.contains("abc123def") || out.contains("wJalrXUtnFEMI"),
                    line + " -> " + out);
        }
        // Words that merely end in a secret's name are not keys.
        assertEquals("bypass: 3 requests", redactor.redact("bypass: 3 requests"));
    }
}
