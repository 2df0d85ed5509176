package dev.cwmp.provisioning.internal;

import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Precondition;
import dev.cwmp.provisioning.Precondition.And;
import dev.cwmp.provisioning.Precondition.Comparison;
import dev.cwmp.provisioning.Precondition.IsNull;
import dev.cwmp.provisioning.Precondition.Like;
import dev.cwmp.provisioning.Precondition.Not;
import dev.cwmp.provisioning.Precondition.Operand;
import dev.cwmp.provisioning.Precondition.Or;
import dev.cwmp.provisioning.Precondition.Tag;
import dev.cwmp.provisioning.Precondition.Term;
import java.nio.charset.StandardCharsets;

/**
 * Prints preconditions in canonical form. Parentheses go around an AND or OR inside an AND, an OR
 * inside an OR (so that nesting the parser did not flatten survives), and around anything but a
 * predicate under NOT: parsing the output gives back an equal tree.
 */
public final class PreconditionPrinter {

    private PreconditionPrinter() {}

    public static String print(Precondition p) {
        StringBuilder sb = new StringBuilder();
        append(sb, p);
        return sb.toString();
    }

    public static String print(Tag tag) {
        return "Tags." + encodeTag(tag.name());
    }

    private static void append(StringBuilder sb, Precondition p) {
        if (p instanceof And a) {
            join(sb, a.operands(), " AND ", true);
        } else if (p instanceof Or o) {
            join(sb, o.operands(), " OR ", false);
        } else if (p instanceof Not n) {
            sb.append("NOT ");
            boolean wrap = n.operand() instanceof And || n.operand() instanceof Or || n.operand() instanceof Not;
            appendWrapped(sb, n.operand(), wrap);
        } else if (p instanceof Comparison c) {
            sb.append(operand(c.left())).append(' ').append(c.operator().symbol()).append(' ')
                    .append(operand(c.right()));
        } else if (p instanceof Like l) {
            sb.append(operand(l.value())).append(l.negated() ? " NOT LIKE " : " LIKE ").append(operand(l.pattern()));
        } else if (p instanceof IsNull i) {
            sb.append(operand(i.operand())).append(i.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (p instanceof Term t) {
            sb.append(operand(t.operand()));
        } else {
            throw new IllegalStateException("unknown precondition " + p.getClass());
        }
    }

    private static void join(StringBuilder sb, java.util.List<Precondition> operands, String op, boolean inAnd) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sb.append(op);
            }
            Precondition child = operands.get(i);
            boolean wrap = inAnd ? (child instanceof And || child instanceof Or) : child instanceof Or;
            appendWrapped(sb, child, wrap);
        }
    }

    private static void appendWrapped(StringBuilder sb, Precondition p, boolean wrap) {
        if (wrap) {
            sb.append('(');
        }
        append(sb, p);
        if (wrap) {
            sb.append(')');
        }
    }

    public static String operand(Operand o) {
        return o.toString();
    }

    /** A double-quoted string literal with JSON-style escapes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A number as JavaScript would print the common cases: integers without a fraction. */
    public static String number(double d) {
        if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            return "-0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        // Double.toString writes "1.0E20"; the grammar reads that too, but drop the ".0" for tidiness.
        return s.replace(".0E", "E");
    }

    static boolean isPlainTagChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    static String encodeTag(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isPlainTagChar(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < name.length() ? i + 2 : i + 1;
            for (byte b : name.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return sb == null ? name : sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

}
