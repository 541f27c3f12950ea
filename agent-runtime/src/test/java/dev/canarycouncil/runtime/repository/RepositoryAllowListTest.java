package dev.canarycouncil.runtime.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.SourceRepository;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepositoryAllowListTest {

    private final RepositoryAllowList github =
            new RepositoryAllowList("shop/checkout", Set.of("shop/checkout-v2"), null);
    private final RepositoryAllowList enterprise =
            new RepositoryAllowList("shop/checkout", Set.of(), "https://git.corp.example/api/v3");

    @Test
    void readsTheUrlFormsTheRolloutsPluginAndGitHubGive() {
        assertEquals(Optional.of("shop/checkout"), github.fullName("https://github.com/shop/checkout"));
        assertEquals(Optional.of("shop/checkout"), github.fullName("https://github.com/shop/checkout.git"));
        assertEquals(Optional.of("shop/checkout"), github.fullName("https://github.com/shop/checkout/"));
        assertEquals(Optional.of("shop/checkout"), github.fullName("git@github.com:shop/checkout.git"));
        assertEquals(Optional.of("shop/checkout"), github.fullName("shop/checkout"));
        assertEquals(Optional.of("shop/checkout"), enterprise.fullName("https://git.corp.example/shop/checkout"));
    }

    @Test
    void refusesWhatIsNotARepositoryOnTheConfiguredGitHub() {
        assertEquals(Optional.empty(), github.fullName("https://gitlab.com/shop/checkout"), "another host");
        assertEquals(Optional.empty(), github.fullName("https://github.com.evil.example/shop/checkout"));
        assertEquals(
                Optional.empty(),
                github.fullName("https://github.com/shop/checkout/tree/main"),
                "not the repository's root");
        assertEquals(Optional.empty(), github.fullName("https://github.com/shop/../admin/secrets"));
        assertEquals(
                Optional.empty(),
                github.fullName("https://user:pw@github.com/shop/checkout"),
                "credentials in the URL");
        assertEquals(Optional.empty(), github.fullName("https://github.com/shop/checkout?ref=x"));
        assertEquals(Optional.empty(), github.fullName("file:///etc/passwd"));
        assertEquals(
                Optional.empty(),
                enterprise.fullName("https://github.com/shop/checkout"),
                "github.com is not the configured GitHub");
    }

    @Test
    void aRequestGetsTheRepositoryItNamesOnlyWhenTheListAllowsIt() {
        RepositoryChoice allowed =
                github.choose(new SourceRepository("https://github.com/Shop/Checkout-V2", "release/1.4"));
        assertTrue(allowed.requested());
        assertFalse(allowed.refused());
        assertEquals(Map.of("repository", "Shop/Checkout-V2", "branch", "release/1.4"), allowed.toolArguments());

        RepositoryChoice refused = github.choose(new SourceRepository("https://github.com/evil/exfiltrate", "main"));
        assertTrue(refused.refused());
        assertFalse(refused.requested());
        assertEquals("shop/checkout", refused.fullName(), "the configured repository instead");
        assertEquals(Map.of(), refused.toolArguments(), "the code tools are not even asked about it");
        assertTrue(
                refused.refusal().contains("evil/exfiltrate")
                        && refused.refusal().contains("allow-list"),
                refused.refusal());

        RepositoryChoice none = github.choose(SourceRepository.NONE);
        assertFalse(none.requested() || none.refused());
        assertEquals(Map.of(), none.toolArguments());

        RepositoryChoice nothingConfigured =
                RepositoryAllowList.none().choose(new SourceRepository("shop/checkout", ""));
        assertTrue(nothingConfigured.refused());
    }

    @Test
    void badConfigurationAndBadBranchesAreRefusedAtOnce() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RepositoryAllowList("", Set.of("shop/checkout"), null),
                "allowed repositories without a configured one have no token to be read with");
        assertThrows(
                IllegalArgumentException.class,
                () -> new RepositoryAllowList("shop/checkout", Set.of("https://github.com/a/b"), null));
        assertThrows(IllegalArgumentException.class, () -> new SourceRepository("shop/checkout", "main; rm -rf /"));
        assertThrows(IllegalArgumentException.class, () -> new SourceRepository("shop/checkout", "../../etc"));
        assertThrows(IllegalArgumentException.class, () -> new SourceRepository("shop/checkout", "-upload-pack=x"));
    }
}
