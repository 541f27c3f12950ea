package dev.canarycouncil.loganalyst.signatures;

/** Which runtime's failure a crash signature describes; its label names it in evidence. */
public enum CrashKind {
    GO_PANIC("go-panic", "Go"),
    /** An error a Go logger wrote with a stack trace (zap, zerolog): no panic. */
    GO_ERROR("go-error", "Go error"),
    JAVA_EXCEPTION("java-exception", "Java exception"),
    DOTNET_EXCEPTION("dotnet-exception", ".NET exception"),
    PYTHON_TRACEBACK("python-traceback", "Python traceback"),
    NODE_ERROR("node-error", "Node.js error"),
    RUST_PANIC("rust-panic", "Rust panic"),
    RUBY_EXCEPTION("ruby-exception", "Ruby exception"),
    PHP_ERROR("php-error", "PHP error"),
    FATAL_MESSAGE("fatal-message", "Fatal error");

    private final String label;
    private final String title;

    CrashKind(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** The name evidence carries, e.g. {@code go-panic}. */
    public String label() {
        return label;
    }

    /** How a person would call it, e.g. {@code Python traceback}. */
    public String title() {
        return title;
    }
}
