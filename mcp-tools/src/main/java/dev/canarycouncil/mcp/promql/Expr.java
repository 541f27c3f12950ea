package dev.canarycouncil.mcp.promql;

import java.util.List;

/** The PromQL syntax tree. */
public sealed interface Expr {

    record NumberLiteral(double value) implements Expr {}

    record StringLiteral(String value) implements Expr {}

    /** {@code name{matchers} offset d}; the name, when given, is also a {@code __name__} matcher. */
    record VectorSelector(String name, List<Matcher> matchers, long offsetMillis) implements Expr {}

    record MatrixSelector(VectorSelector selector, long rangeMillis) implements Expr {}

    record Call(String function, List<Expr> args) implements Expr {}

    /** {@code op by|without (grouping) ([param,] expr)}. */
    record Aggregation(String op, Expr expr, Expr param, List<String> grouping, boolean without) implements Expr {}

    record Unary(String op, Expr expr) implements Expr {}

    record Binary(String op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) implements Expr {}

    /**
     * How two vectors are matched. {@code card} is {@code one-to-one}, {@code many-to-one}
     * ({@code group_left}) or {@code one-to-many} ({@code group_right}).
     */
    record VectorMatching(String card, boolean on, List<String> labels, List<String> include) {

        public static final VectorMatching DEFAULT = new VectorMatching("one-to-one", false, List.of(), List.of());
    }
}
