package dev.canarycouncil.loganalyst.signatures;

/** Helpers for stack frames: file names and whether a frame belongs to the application. */
final class Frames {

    private static final String[] JVM_FRAMEWORKS = {
        "java.",
        "javax.",
        "jakarta.",
        "jdk.",
        "sun.",
        "com.sun.",
        "org.springframework.",
        "org.apache.",
        "io.netty.",
        "reactor.",
        "kotlin.",
        "kotlinx.",
        "scala.",
        "org.hibernate.",
        "com.fasterxml.",
        "io.vertx.",
        "org.junit.",
        "org.eclipse.jetty.",
        "io.undertow.",
        "io.micrometer.",
        "org.slf4j.",
        "ch.qos.",
        "io.quarkus.",
        "io.micronaut.",
        "org.jboss."
    };
    private static final String[] DOTNET_FRAMEWORKS = {
        "System.", "Microsoft.", "lambda_method", "Npgsql.", "Newtonsoft.", "Grpc.", "Polly.", "Serilog."
    };

    private Frames() {}

    /** {@code /app/pkg/main.go} to {@code main.go}. */
    static String basename(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    static boolean isJavaFramework(String qualifiedMethod) {
        return startsWithAny(qualifiedMethod, JVM_FRAMEWORKS);
    }

    static boolean isDotnetFramework(String qualifiedMethod) {
        return startsWithAny(qualifiedMethod, DOTNET_FRAMEWORKS);
    }

    /** Third-party or runtime code in a script language's path: dependencies, the standard library. */
    static boolean isLibraryPath(String path) {
        return path.contains("/site-packages/")
                || path.contains("/dist-packages/")
                || path.contains("/lib/python")
                || path.contains("node_modules")
                || path.startsWith("node:")
                || path.startsWith("internal/")
                || path.contains("/gems/")
                || path.contains("/vendor/")
                || path.contains("/rubygems/")
                || path.contains("/lib/ruby/")
                || path.startsWith("<")
                || path.contains("/.cargo/registry/")
                || path.contains("/rustc/")
                || path.contains("/library/std/")
                || path.contains("/library/core/");
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
