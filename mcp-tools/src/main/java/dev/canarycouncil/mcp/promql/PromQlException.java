package dev.canarycouncil.mcp.promql;

/** PromQL that cannot be parsed or evaluated; the message says where and why. */
public class PromQlException extends RuntimeException {

    public PromQlException(String message) {
        super(message);
    }
}
