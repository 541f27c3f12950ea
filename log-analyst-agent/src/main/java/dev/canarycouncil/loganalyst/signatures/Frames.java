package dev.canarycouncil.loganalyst.signatures;

/** Helpers for stack frames: file names and whether a frame belongs to the application. */
final class Frames {

    private Frames() {
    }

    /** {@code /app/pkg/main.go} to {@code main.go}. */
    static String basename(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    static boolean isJavaFramework(String qualifiedMethod) {
        for (String prefix : new String[]{"java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.", "org.springframework.",
                "org.apache.", "io.netty.", "reactor.", "kotlin.", "kotlinx.", "scala.", "org.hibernate.", "com.fasterxml.",
                "io.vertx.", "org.junit.", "org.eclipse.jetty.", "io.undertow.", "io.micrometer.", "org.slf4j.", "ch.qos."}) {
            if (qualifiedMethod.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
