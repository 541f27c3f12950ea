package dev.canarycouncil.mcp.promql;

import dev.canarycouncil.mcp.promql.Expr.Aggregation;
import dev.canarycouncil.mcp.promql.Expr.Binary;
import dev.canarycouncil.mcp.promql.Expr.Call;
import dev.canarycouncil.mcp.promql.Expr.MatrixSelector;
import dev.canarycouncil.mcp.promql.Expr.NumberLiteral;
import dev.canarycouncil.mcp.promql.Expr.StringLiteral;
import dev.canarycouncil.mcp.promql.Expr.Unary;
import dev.canarycouncil.mcp.promql.Expr.VectorMatching;
import dev.canarycouncil.mcp.promql.Expr.VectorSelector;
import dev.canarycouncil.mcp.promql.PromQlLexer.Token;
import dev.canarycouncil.mcp.promql.PromQlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recursive-descent parser for the PromQL subset the recorded backend evaluates. */
public final class PromQlParser {

    static final Set<String> AGGREGATIONS =
            Set.of("sum", "avg", "min", "max", "count", "stddev", "stdvar", "quantile", "topk", "bottomk", "group");

    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("or", 1),
            Map.entry("and", 2),
            Map.entry("unless", 2),
            Map.entry("==", 3),
            Map.entry("!=", 3),
            Map.entry("<", 3),
            Map.entry("<=", 3),
            Map.entry(">", 3),
            Map.entry(">=", 3),
            Map.entry("+", 4),
            Map.entry("-", 4),
            Map.entry("*", 5),
            Map.entry("/", 5),
            Map.entry("%", 5),
            Map.entry("^", 6));
    private static final int POWER = 6;

    private final List<Token> tokens;
    private int pos;

    private PromQlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Expr parse(String query) {
        if (query == null || query.isBlank()) {
            throw new PromQlException("the query is empty");
        }
        PromQlParser parser = new PromQlParser(PromQlLexer.tokenize(query));
        Expr expr = parser.binary(1);
        if (parser.peek().type() != Type.EOF) {
            throw parser.error("unexpected '" + parser.peek().text() + "'");
        }
        return expr;
    }

    private Expr binary(int minPrecedence) {
        Expr lhs = unary();
        while (true) {
            Token op = peek();
            Integer precedence = binaryPrecedence(op);
            if (precedence == null || precedence < minPrecedence) {
                return lhs;
            }
            pos++;
            boolean returnBool = false;
            if (peek().is("bool")) {
                if (precedence != 3) {
                    throw error("bool is only allowed after a comparison operator");
                }
                returnBool = true;
                pos++;
            }
            VectorMatching matching = matching();
            // ^ is right-associative; everything else associates to the left.
            Expr rhs = binary(precedence == POWER ? precedence : precedence + 1);
            lhs = new Binary(op.text(), lhs, rhs, returnBool, matching);
        }
    }

    private Integer binaryPrecedence(Token t) {
        if (t.type() == Type.OP
                || (t.type() == Type.IDENT
                        && (t.text().equals("and")
                                || t.text().equals("or")
                                || t.text().equals("unless")))) {
            return PRECEDENCE.get(t.text());
        }
        return null;
    }

    private VectorMatching matching() {
        if (!peek().is("on") && !peek().is("ignoring")) {
            return VectorMatching.DEFAULT;
        }
        boolean on = next().text().equals("on");
        List<String> labels = labelList();
        String card = "one-to-one";
        List<String> include = List.of();
        if (peek().is("group_left") || peek().is("group_right")) {
            card = next().text().equals("group_left") ? "many-to-one" : "one-to-many";
            include = peek().is("(") ? labelList() : List.of();
        }
        return new VectorMatching(card, on, labels, include);
    }

    private Expr unary() {
        if (peek().is("-") || peek().is("+")) {
            String op = next().text();
            Expr operand = binary(POWER);
            if (operand instanceof NumberLiteral n) {
                return new NumberLiteral(op.equals("-") ? -n.value() : n.value());
            }
            return op.equals("-") ? new Unary("-", operand) : operand;
        }
        return postfix(primary());
    }

    private Expr postfix(Expr expr) {
        while (true) {
            if (peek().is("[")) {
                if (!(expr instanceof VectorSelector vs)) {
                    throw error("a range [..] can only follow a metric selector (subqueries are not supported)");
                }
                pos++;
                long range = duration("range");
                if (peek().is(":")) {
                    throw error("subqueries are not supported by the recorded backend");
                }
                expect("]");
                expr = new MatrixSelector(vs, range);
            } else if (peek().is("offset")) {
                pos++;
                long offset = duration("offset");
                if (expr instanceof VectorSelector vs) {
                    expr = new VectorSelector(vs.name(), vs.matchers(), offset);
                } else if (expr instanceof MatrixSelector ms) {
                    VectorSelector vs = ms.selector();
                    expr = new MatrixSelector(new VectorSelector(vs.name(), vs.matchers(), offset), ms.rangeMillis());
                } else {
                    throw error("offset can only follow a selector");
                }
            } else {
                return expr;
            }
        }
    }

    private Expr primary() {
        Token t = peek();
        if (t.type() == Type.NUMBER) {
            pos++;
            try {
                return new NumberLiteral(
                        t.text().startsWith("0x") ? Long.decode(t.text()) : Double.parseDouble(t.text()));
            } catch (NumberFormatException e) {
                throw error("invalid number '" + t.text() + "'");
            }
        }
        if (t.type() == Type.STRING) {
            pos++;
            return new StringLiteral(t.text());
        }
        if (t.is("(")) {
            pos++;
            Expr inner = binary(1);
            expect(")");
            return inner;
        }
        if (t.is("{")) {
            return selector(null);
        }
        if (t.type() == Type.IDENT) {
            String name = t.text();
            if (name.equalsIgnoreCase("NaN") || name.equalsIgnoreCase("Inf")) {
                pos++;
                return new NumberLiteral(name.equalsIgnoreCase("NaN") ? Double.NaN : Double.POSITIVE_INFINITY);
            }
            Token after = tokens.get(pos + 1);
            if (AGGREGATIONS.contains(name) && (after.is("(") || after.is("by") || after.is("without"))) {
                return aggregation();
            }
            if (after.is("(")) {
                pos += 2;
                List<Expr> args = new ArrayList<>();
                if (!peek().is(")")) {
                    do {
                        args.add(binary(1));
                    } while (accept(","));
                }
                expect(")");
                return new Call(name, args);
            }
            pos++;
            return selector(name);
        }
        throw error(t.type() == Type.EOF ? "unexpected end of query" : "unexpected '" + t.text() + "'");
    }

    private Expr selector(String name) {
        List<Matcher> matchers = new ArrayList<>();
        if (name != null) {
            matchers.add(Matcher.of(Labels.NAME, "=", name));
        }
        if (accept("{")) {
            while (!peek().is("}")) {
                Token label = next();
                if (label.type() != Type.IDENT) {
                    throw error("expected a label name, found '" + label.text() + "'");
                }
                Token op = next();
                if (!(op.is("=") || op.is("!=") || op.is("=~") || op.is("!~"))) {
                    throw error("expected =, !=, =~ or !~ after label " + label.text());
                }
                Token value = next();
                if (value.type() != Type.STRING) {
                    throw error("label " + label.text() + " needs a quoted value");
                }
                matchers.add(Matcher.of(label.text(), op.text(), value.text()));
                if (!accept(",")) {
                    break;
                }
            }
            expect("}");
        }
        boolean selective = matchers.stream().anyMatch(m -> !m.matches(""));
        if (!selective) {
            throw error("a selector must contain at least one matcher that does not match the empty string");
        }
        return new VectorSelector(name, matchers, 0);
    }

    private Expr aggregation() {
        String op = next().text();
        List<String> grouping = List.of();
        boolean without = false;
        boolean groupingSeen = false;
        if (peek().is("by") || peek().is("without")) {
            without = next().text().equals("without");
            grouping = labelList();
            groupingSeen = true;
        }
        expect("(");
        Expr param = null;
        Expr expr = binary(1);
        if (accept(",")) {
            param = expr;
            expr = binary(1);
        }
        expect(")");
        if (!groupingSeen && (peek().is("by") || peek().is("without"))) {
            without = next().text().equals("without");
            grouping = labelList();
        }
        boolean needsParam = op.equals("quantile") || op.equals("topk") || op.equals("bottomk");
        if (needsParam != (param != null)) {
            throw error(op + (needsParam ? " needs a parameter, e.g. " + op + "(0.9, ...)" : " takes no parameter"));
        }
        return new Aggregation(op, expr, param, grouping, without);
    }

    private List<String> labelList() {
        expect("(");
        List<String> labels = new ArrayList<>();
        while (!peek().is(")")) {
            Token t = next();
            if (t.type() != Type.IDENT) {
                throw error("expected a label name, found '" + t.text() + "'");
            }
            labels.add(t.text());
            if (!accept(",")) {
                break;
            }
        }
        expect(")");
        return labels;
    }

    private long duration(String what) {
        Token t = next();
        if (t.type() != Type.DURATION) {
            throw error("expected a duration such as 5m for the " + what + ", found '" + t.text() + "'");
        }
        return PromQlLexer.durationMillis(t.text());
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(String text) {
        if (peek().is(text)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String text) {
        if (!accept(text)) {
            Token t = peek();
            throw error("expected '" + text + "' but found "
                    + (t.type() == Type.EOF ? "the end of the query" : "'" + t.text() + "'"));
        }
    }

    private PromQlException error(String message) {
        return new PromQlException(message + " at position " + peek().pos());
    }
}
