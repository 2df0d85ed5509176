package dev.cwmp.provisioning.internal;

import dev.cwmp.datamodel.InvalidPathException;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Precondition;
import dev.cwmp.provisioning.Precondition.ComparisonOperator;
import dev.cwmp.provisioning.Precondition.DeviceIdField;
import dev.cwmp.provisioning.Precondition.Operand;
import dev.cwmp.provisioning.PreconditionSyntaxException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of the precondition language (see {@link Precondition}):
 *
 * <pre>
 * or        := and ("OR" and)*
 * and       := unary ("AND" unary)*
 * unary     := "NOT" unary | "(" or ")" | predicate
 * predicate := operand [ cmp operand | ["NOT"] "LIKE" operand | "IS" ["NOT"] "NULL" ]
 * operand   := 'sql string' | "js string" | number | TRUE | FALSE | NULL | word
 * </pre>
 *
 * A word is a run of {@code A-Z a-z 0-9 _ . * - %}: a keyword, {@code Tags.x}, {@code DeviceID.x},
 * {@code Events.x} or a parameter path.
 */
public final class PreconditionParser {

    /** Longest precondition text accepted. */
    public static final int MAX_LENGTH = 64 * 1024;

    /** Deepest nesting of parentheses and NOTs accepted (the parser recurses). */
    public static final int MAX_DEPTH = 200;

    public static final Precondition ALWAYS = new Precondition.Term(new Literal.BooleanValue(true));

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?");

    private static final String OPERAND = "a value or a parameter";

    private final String text;
    private int pos;
    private int depth;

    private PreconditionParser(String text) {
        this.text = text;
    }

    public static Precondition parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new PreconditionSyntaxException(text, MAX_LENGTH + 1,
                    "at most " + MAX_LENGTH + " characters");
        }
        PreconditionParser p = new PreconditionParser(text);
        p.skipSpace();
        Precondition result = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(p.pos, "AND, OR or the end of the expression");
        }
        return result;
    }

    /**
     * Parses a single operand (a legacy JSON precondition's key).
     *
     * @throws PreconditionSyntaxException with the column inside {@code text}
     */
    public static Operand parseOperand(String text) {
        PreconditionParser p = new PreconditionParser(text);
        Operand operand = p.operand();
        if (p.pos < text.length()) {
            throw p.error(p.pos, "the end of the parameter name");
        }
        return operand;
    }

    // ---------------------------------------------------------------------------------------------
    // Grammar

    private Precondition or() {
        Precondition first = and();
        if (!peekKeyword("OR")) {
            return first;
        }
        List<Precondition> operands = new ArrayList<>();
        operands.add(first);
        while (acceptKeyword("OR")) {
            operands.add(and());
        }
        return new Precondition.Or(operands);
    }

    private Precondition and() {
        Precondition first = unary();
        if (!peekKeyword("AND")) {
            return first;
        }
        List<Precondition> operands = new ArrayList<>();
        operands.add(first);
        while (acceptKeyword("AND")) {
            operands.add(unary());
        }
        return new Precondition.And(operands);
    }

    private Precondition unary() {
        if (++depth > MAX_DEPTH) {
            throw error(pos, "at most " + MAX_DEPTH + " nested parentheses or NOTs");
        }
        try {
            if (acceptKeyword("NOT")) {
                return new Precondition.Not(unary());
            }
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                skipSpace();
                Precondition inner = or();
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error(pos, "')', AND or OR");
                }
                pos++;
                skipSpace();
                return inner;
            }
            return predicate();
        } finally {
            depth--;
        }
    }

    private Precondition predicate() {
        Operand left = operand();
        if (acceptKeyword("IS")) {
            boolean negated = acceptKeyword("NOT");
            if (!acceptKeyword("NULL")) {
                throw error(pos, negated ? "NULL" : "NULL or NOT NULL");
            }
            return new Precondition.IsNull(left, negated);
        }
        if (acceptKeyword("LIKE")) {
            return new Precondition.Like(left, operand(), false);
        }
        if (peekKeyword("NOT")) {
            int save = pos;
            acceptKeyword("NOT");
            if (acceptKeyword("LIKE")) {
                return new Precondition.Like(left, operand(), true);
            }
            throw error(save, "a comparison operator, LIKE, IS, AND, OR or the end of the expression");
        }
        ComparisonOperator op = comparisonOperator();
        if (op != null) {
            return new Precondition.Comparison(left, op, operand());
        }
        if (pos < text.length() && text.charAt(pos) != ')' && !peekKeyword("AND") && !peekKeyword("OR")) {
            throw error(pos, "a comparison operator, LIKE, IS, AND, OR or the end of the expression");
        }
        return new Precondition.Term(left);
    }

    private ComparisonOperator comparisonOperator() {
        if (pos >= text.length()) {
            return null;
        }
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        ComparisonOperator op = null;
        int length = 2;
        switch (two) {
            case ">=" -> op = ComparisonOperator.GE;
            case "<=" -> op = ComparisonOperator.LE;
            case "<>" -> op = ComparisonOperator.NE;
            default -> {
                length = 1;
                switch (text.charAt(pos)) {
                    case '=' -> op = ComparisonOperator.EQ;
                    case '<' -> op = ComparisonOperator.LT;
                    case '>' -> op = ComparisonOperator.GT;
                    default -> { }
                }
            }
        }
        if (op != null) {
            pos += length;
            skipSpace();
        }
        return op;
    }

    private Operand operand() {
        if (pos >= text.length()) {
            throw error(pos, OPERAND);
        }
        char c = text.charAt(pos);
        int start = pos;
        if (c == '\'') {
            return new Literal.StringValue(sqlString());
        }
        if (c == '"') {
            return new Literal.StringValue(jsString());
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            Matcher m = NUMBER.matcher(text).region(pos, text.length());
            if (m.lookingAt() && (m.end() == text.length() || !isWordChar(text.charAt(m.end())))) {
                pos = m.end();
                skipSpace();
                return new Literal.NumberValue(Double.parseDouble(m.group()));
            }
        }
        if (!isWordChar(c)) {
            throw error(pos, OPERAND);
        }
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        skipSpace();
        return word(word, start);
    }

    private Operand word(String word, int start) {
        switch (word.toUpperCase(Locale.ROOT)) {
            case "TRUE":
                return new Literal.BooleanValue(true);
            case "FALSE":
                return new Literal.BooleanValue(false);
            case "NULL":
                return new Literal.NullValue();
            case "AND", "OR", "NOT", "LIKE", "IS":
                throw error(start, OPERAND + " (not the keyword " + word.toUpperCase(Locale.ROOT) + ")");
            default:
                break;
        }
        if (word.startsWith("Tags.")) {
            String name = decodeTag(word.substring(5), start + 5);
            if (name.isEmpty()) {
                throw error(start + 5, "a tag name after 'Tags.'");
            }
            return new Precondition.Tag(name);
        }
        if (word.startsWith("DeviceID.")) {
            String field = word.substring(9);
            return DeviceIdField.ofFieldName(field)
                    .orElseThrow(() -> error(start + 9, "a DeviceID field (ID, Manufacturer, OUI, ProductClass or SerialNumber)"));
        }
        if (word.startsWith("Events.")) {
            String code = word.substring(7);
            if (code.isEmpty() || code.indexOf('.') >= 0 || code.indexOf('*') >= 0 || code.indexOf('%') >= 0) {
                throw error(start + 7, "an event code after 'Events.' (spaces written as '_', e.g. 1_BOOT)");
            }
            return new Precondition.Event(code);
        }
        if (word.indexOf('%') >= 0) {
            throw error(start + word.indexOf('%'), "a parameter path ('%' is allowed only in tag names)");
        }
        ParameterPath path;
        try {
            path = ParameterPath.parse(word);
        } catch (InvalidPathException e) {
            throw error(start, "a parameter path (" + e.getMessage() + ")");
        }
        if (path.isPartial()) {
            throw error(start + word.length() - 1, "a parameter path, not an object path ending with '.'");
        }
        try {
            return new Precondition.Parameter(path);
        } catch (IllegalArgumentException e) {
            throw error(start, "a parameter path (" + e.getMessage() + ")");
        }
    }

    private String sqlString() {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        while (true) {
            int close = text.indexOf('\'', pos + 1);
            if (close < 0) {
                throw error(start, "a closing ' for the string starting here");
            }
            sb.append(text, pos + 1, close);
            pos = close + 1;
            if (pos < text.length() && text.charAt(pos) == '\'') {
                sb.append('\'');
                continue;
            }
            break;
        }
        skipSpace();
        return sb.toString();
    }

    private String jsString() {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= text.length()) {
                throw error(start, "a closing \" for the string starting here");
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw error(start, "a closing \" for the string starting here");
                }
                char e = text.charAt(i + 1);
                switch (e) {
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 6 > text.length() || !isHex(text, i + 2, i + 6)) {
                            throw error(i, "four hex digits after \\u");
                        }
                        sb.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
        pos = i + 1;
        skipSpace();
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Lexical helpers

    /** Whether the word is one of the language's keywords (any case). */
    public static boolean isKeyword(String word) {
        switch (word.toUpperCase(Locale.ROOT)) {
            case "AND", "OR", "NOT", "LIKE", "IS", "NULL", "TRUE", "FALSE":
                return true;
            default:
                return false;
        }
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '*' || c == '-' || c == '%';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peekKeyword(String keyword) {
        int end = pos + keyword.length();
        return end <= text.length() && text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end == text.length() || !isWordChar(text.charAt(end)));
    }

    private boolean acceptKeyword(String keyword) {
        if (!peekKeyword(keyword)) {
            return false;
        }
        pos += keyword.length();
        skipSpace();
        return true;
    }

    private String decodeTag(String encoded, int offset) {
        if (encoded.indexOf('%') < 0) {
            if (encoded.indexOf('.') >= 0 || encoded.indexOf('*') >= 0) {
                int bad = Math.max(encoded.indexOf('.'), encoded.indexOf('*'));
                throw error(offset + bad, "a tag name (write '.' and '*' as %2E and %2A)");
            }
            return encoded;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 3 > encoded.length() || !isHex(encoded, i + 1, i + 3)) {
                    throw error(offset + i, "two hex digits after '%' in a tag name");
                }
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '.' || c == '*') {
                throw error(offset + i, "a tag name (write '.' and '*' as %2E and %2A)");
            } else {
                out.write(c);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private PreconditionSyntaxException error(int index, String expected) {
        return new PreconditionSyntaxException(text, index + 1, expected);
    }

}
