package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.testing.GeminiFake;
import dev.canarycouncil.runtime.testing.ModelFake;
import dev.canarycouncil.runtime.testing.OpenAiFake;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a provider's fake and the settings that point the real clients at it. */
final class FakeServers {

    static final String KEY = "test-key";

    private FakeServers() {}

    static ModelFake start(ModelProvider provider) throws IOException {
        return provider == ModelProvider.GEMINI ? GeminiFake.start(KEY) : OpenAiFake.start(KEY);
    }

    static ModelSettings settings(ModelProvider provider, ModelFake fake) {
        String model = provider == ModelProvider.GEMINI ? "gemini-2.5-flash" : "gpt-4o-mini";
        return ModelSettings.of(provider, model, fake.url(), KEY).withTimeout(Duration.ofSeconds(5));
    }

    /** Every message in the cause chain, joined; for asserting on what a wrapped failure says. */
    static String messages(Throwable t) {
        List<String> all = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.add(c.getClass().getSimpleName() + ": " + c.getMessage());
        }
        return String.join(" <- ", all);
    }

    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
