package dev.canarycouncil.mcp.promql;

import dev.canarycouncil.mcp.promql.Expr.VectorMatching;
import dev.canarycouncil.mcp.promql.Value.InstantVector;
import dev.canarycouncil.mcp.promql.Value.Sample;
import dev.canarycouncil.mcp.promql.Value.Scalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PromQL binary operators: arithmetic, comparison (filtering or {@code bool}) and set operators. */
final class BinaryOperations {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", ">", "<", ">=", "<=");

    private BinaryOperations() {}

    static Value apply(String op, Value lhs, Value rhs, boolean returnBool, VectorMatching matching) {
        boolean comparison = COMPARISONS.contains(op);
        if (lhs instanceof Scalar l && rhs instanceof Scalar r) {
            if (comparison && !returnBool) {
                throw new PromQlException("comparisons between scalars must use the bool modifier");
            }
            return new Scalar(compute(op, l.value(), r.value(), returnBool));
        }
        if (op.equals("and") || op.equals("or") || op.equals("unless")) {
            if (!(lhs instanceof InstantVector l) || !(rhs instanceof InstantVector r)) {
                throw new PromQlException("set operator " + op + " needs instant vectors on both sides");
            }
            return setOperation(op, l, r, matching);
        }
        if (lhs instanceof InstantVector l && rhs instanceof Scalar r) {
            return vectorScalar(op, l, r.value(), false, comparison, returnBool);
        }
        if (lhs instanceof Scalar l && rhs instanceof InstantVector r) {
            return vectorScalar(op, r, l.value(), true, comparison, returnBool);
        }
        if (lhs instanceof InstantVector l && rhs instanceof InstantVector r) {
            return vectorVector(op, l, r, comparison, returnBool, matching);
        }
        throw new PromQlException("operator " + op
                + " cannot combine these operand types (range vectors need a function such as rate())");
    }

    private static Value vectorScalar(
            String op,
            InstantVector vector,
            double scalar,
            boolean scalarOnLeft,
            boolean comparison,
            boolean returnBool) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : vector.samples()) {
            double l = scalarOnLeft ? scalar : s.value();
            double r = scalarOnLeft ? s.value() : scalar;
            double v = compute(op, l, r, returnBool);
            if (comparison && !returnBool) {
                if (!Double.isNaN(v)) {
                    out.add(new Sample(s.labels(), s.value()));
                }
            } else {
                out.add(new Sample(s.labels().withoutName(), v));
            }
        }
        return new InstantVector(out);
    }

    private static Value vectorVector(
            String op, InstantVector lhs, InstantVector rhs, boolean comparison, boolean returnBool, VectorMatching m) {
        boolean oneToMany = m.card().equals("one-to-many");
        InstantVector many = oneToMany ? rhs : lhs;
        InstantVector one = oneToMany ? lhs : rhs;
        Map<Labels, Sample> bySignature = new HashMap<>();
        for (Sample s : one.samples()) {
            if (bySignature.put(signature(s.labels(), m), s) != null) {
                throw new PromQlException("found duplicate series for the match group " + signature(s.labels(), m)
                        + " on the " + (oneToMany ? "left" : "right") + " side; many-to-many matching is not allowed");
            }
        }
        Set<Labels> seenOneToOne = new HashSet<>();
        Set<Labels> resultLabels = new HashSet<>();
        List<Sample> out = new ArrayList<>();
        for (Sample s : many.samples()) {
            Labels sig = signature(s.labels(), m);
            Sample match = bySignature.get(sig);
            if (match == null) {
                continue;
            }
            if (m.card().equals("one-to-one") && !seenOneToOne.add(sig)) {
                throw new PromQlException(
                        "multiple matches for labels " + sig + " on the left side; use group_left or group_right");
            }
            double l = oneToMany ? match.value() : s.value();
            double r = oneToMany ? s.value() : match.value();
            double v = compute(op, l, r, returnBool);
            if (comparison && !returnBool && Double.isNaN(v)) {
                continue;
            }
            double value = comparison && !returnBool ? (oneToMany ? r : l) : v;
            Labels labels = resultLabels(s.labels(), match.labels(), !comparison || returnBool, m);
            if (!resultLabels.add(labels)) {
                throw new PromQlException("the operation produced duplicate series " + labels);
            }
            out.add(new Sample(labels, value));
        }
        return new InstantVector(out);
    }

    private static Labels resultLabels(Labels many, Labels one, boolean dropName, VectorMatching m) {
        Labels labels = dropName ? many.withoutName() : many;
        if (m.card().equals("one-to-one")) {
            labels = m.on() ? labels.only(m.labels()) : labels.without(m.labels());
        }
        for (String include : m.include()) {
            labels = labels.with(include, one.get(include));
        }
        return labels;
    }

    private static Value setOperation(String op, InstantVector lhs, InstantVector rhs, VectorMatching m) {
        Set<Labels> rhsSignatures = new HashSet<>();
        rhs.samples().forEach(s -> rhsSignatures.add(signature(s.labels(), m)));
        List<Sample> out = new ArrayList<>();
        switch (op) {
            case "and" ->
                lhs.samples().stream()
                        .filter(s -> rhsSignatures.contains(signature(s.labels(), m)))
                        .forEach(out::add);
            case "unless" ->
                lhs.samples().stream()
                        .filter(s -> !rhsSignatures.contains(signature(s.labels(), m)))
                        .forEach(out::add);
            default -> {
                Set<Labels> lhsSignatures = new HashSet<>();
                for (Sample s : lhs.samples()) {
                    lhsSignatures.add(signature(s.labels(), m));
                    out.add(s);
                }
                rhs.samples().stream()
                        .filter(s -> !lhsSignatures.contains(signature(s.labels(), m)))
                        .forEach(out::add);
            }
        }
        return new InstantVector(out);
    }

    private static Labels signature(Labels labels, VectorMatching m) {
        return m.on() ? labels.only(m.labels()) : labels.withoutName().without(m.labels());
    }

    /** The arithmetic result, or for comparisons 1/0 with bool and the left value/NaN without. */
    static double compute(String op, double l, double r, boolean returnBool) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            case "%" -> l % r;
            case "^" -> Math.pow(l, r);
            case "==" -> truth(l == r, l, returnBool);
            case "!=" -> truth(l != r, l, returnBool);
            case ">" -> truth(l > r, l, returnBool);
            case "<" -> truth(l < r, l, returnBool);
            case ">=" -> truth(l >= r, l, returnBool);
            case "<=" -> truth(l <= r, l, returnBool);
            default -> throw new PromQlException("unknown operator " + op);
        };
    }

    private static double truth(boolean holds, double l, boolean returnBool) {
        if (returnBool) {
            return holds ? 1 : 0;
        }
        return holds ? l : Double.NaN;
    }
}
