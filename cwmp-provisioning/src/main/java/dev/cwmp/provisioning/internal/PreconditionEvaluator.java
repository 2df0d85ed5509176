package dev.cwmp.provisioning.internal;

import dev.cwmp.provisioning.DeviceView;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Precondition;
import dev.cwmp.provisioning.Precondition.And;
import dev.cwmp.provisioning.Precondition.Comparison;
import dev.cwmp.provisioning.Precondition.DeviceIdField;
import dev.cwmp.provisioning.Precondition.Event;
import dev.cwmp.provisioning.Precondition.IsNull;
import dev.cwmp.provisioning.Precondition.Like;
import dev.cwmp.provisioning.Precondition.Not;
import dev.cwmp.provisioning.Precondition.Operand;
import dev.cwmp.provisioning.Precondition.Or;
import dev.cwmp.provisioning.Precondition.Parameter;
import dev.cwmp.provisioning.Precondition.Tag;
import dev.cwmp.provisioning.Precondition.Term;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates preconditions with GenieACS's three-valued semantics (see {@link Precondition}).
 * One instance per device view and thread; operand values are loaded into two scratch slots, so an
 * evaluation allocates nothing beyond what the view allocates to answer.
 */
public final class PreconditionEvaluator {

    public static final int FALSE = 0;
    public static final int TRUE = 1;
    public static final int NULL = -1;

    private static final byte K_NULL = 0;
    private static final byte K_NUMBER = 1;
    private static final byte K_STRING = 2;
    private static final byte K_BOOLEAN = 3;

    private final DeviceView view;

    // Scratch slots: A is the left operand, B the right.
    private byte kindA;
    private double numA;
    private String strA;
    private byte kindB;
    private double numB;
    private String strB;

    public PreconditionEvaluator(DeviceView view) {
        this.view = view;
    }

    /** Evaluates {@code p} against {@code view}: {@link #TRUE}, {@link #FALSE} or {@link #NULL}. */
    public static int evaluate(Precondition p, DeviceView view) {
        return new PreconditionEvaluator(view).evaluate(p);
    }

    /** Evaluates {@code p}: {@link #TRUE}, {@link #FALSE} or {@link #NULL}. */
    public int evaluate(Precondition p) {
        if (p instanceof Comparison c) {
            return compare(c);
        }
        if (p instanceof Term t) {
            load(t.operand(), true);
            return truth(kindA, numA, strA);
        }
        if (p instanceof IsNull i) {
            load(i.operand(), true);
            return (kindA == K_NULL) != i.negated() ? TRUE : FALSE;
        }
        if (p instanceof And a) {
            return junction(a.operands(), FALSE, TRUE);
        }
        if (p instanceof Or o) {
            return junction(o.operands(), TRUE, FALSE);
        }
        if (p instanceof Not n) {
            int r = evaluate(n.operand());
            return r == NULL ? NULL : r == TRUE ? FALSE : TRUE;
        }
        if (p instanceof Like l) {
            return like(l);
        }
        throw new IllegalStateException("unknown precondition " + p.getClass());
    }

    private int compare(Comparison c) {
        load(c.left(), true);
        if (kindA == K_NULL) {
            return NULL;
        }
        load(c.right(), false);
        if (kindB == K_NULL) {
            return NULL;
        }
        int cmp = compareLoaded();
        boolean result = switch (c.operator()) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
        return result ? TRUE : FALSE;
    }

    /** GenieACS's compare(): booleans as numbers, strings after numbers. */
    private int compareLoaded() {
        boolean stringA = kindA == K_STRING;
        boolean stringB = kindB == K_STRING;
        if (stringA != stringB) {
            return stringA ? 1 : -1;
        }
        if (stringA) {
            int c = strA.compareTo(strB);
            return Integer.signum(c);
        }
        return numA > numB ? 1 : numA < numB ? -1 : 0;
    }

    private int like(Like l) {
        load(l.value(), true);
        if (kindA == K_NULL) {
            return NULL;
        }
        load(l.pattern(), false);
        if (kindB == K_NULL) {
            return NULL;
        }
        String value = asString(kindA, numA, strA);
        String pattern = asString(kindB, numB, strB);
        return LikeMatcher.matches(value, pattern) != l.negated() ? TRUE : FALSE;
    }

    private static int truth(byte kind, double num, String str) {
        switch (kind) {
            case K_NULL:
                return NULL;
            case K_STRING:
                return str.isEmpty() ? FALSE : TRUE;
            default:
                return num != 0 && !Double.isNaN(num) ? TRUE : FALSE;
        }
    }

    private static String asString(byte kind, double num, String str) {
        if (kind == K_STRING) {
            return str;
        }
        return PreconditionPrinter.number(num);
    }

    // ---------------------------------------------------------------------------------------------
    // Operand values

    private void load(Operand o, boolean slotA) {
        byte kind;
        double num = 0;
        String str = null;
        if (o instanceof Parameter p) {
            Optional<DeviceView.ParameterValue> value = view.parameter(p.path());
            if (value.isEmpty()) {
                kind = K_NULL;
            } else {
                DeviceView.ParameterValue v = value.get();
                String text = v.value();
                switch (TypedValues.kindOf(v.type())) {
                    case TypedValues.BOOLEAN -> {
                        if (text.equals("true") || text.equals("1")) {
                            kind = K_BOOLEAN;
                            num = 1;
                        } else if (text.equals("false") || text.equals("0")) {
                            kind = K_BOOLEAN;
                        } else {
                            kind = K_STRING;
                            str = text;
                        }
                    }
                    case TypedValues.NUMBER -> {
                        double d = TypedValues.parseNumber(text);
                        if (Double.isNaN(d)) {
                            kind = K_STRING;
                            str = text;
                        } else {
                            kind = K_NUMBER;
                            num = d;
                        }
                    }
                    case TypedValues.DATE_TIME -> {
                        double d = TypedValues.parseDateTime(text);
                        if (Double.isNaN(d)) {
                            kind = K_STRING;
                            str = text;
                        } else {
                            kind = K_NUMBER;
                            num = d;
                        }
                    }
                    default -> {
                        kind = K_STRING;
                        str = text;
                    }
                }
            }
        } else if (o instanceof Literal lit) {
            if (lit instanceof Literal.StringValue s) {
                kind = K_STRING;
                str = s.value();
            } else if (lit instanceof Literal.NumberValue n) {
                kind = K_NUMBER;
                num = n.value();
            } else if (lit instanceof Literal.BooleanValue b) {
                kind = K_BOOLEAN;
                num = b.value() ? 1 : 0;
            } else {
                kind = K_NULL;
            }
        } else if (o instanceof Tag t) {
            kind = view.hasTag(t.name()) ? K_BOOLEAN : K_NULL;
            num = 1;
        } else if (o instanceof Event e) {
            kind = view.hasEvent(e.code()) ? K_BOOLEAN : K_NULL;
            num = 1;
        } else if (o instanceof DeviceIdField f) {
            str = switch (f) {
                case ID -> view.deviceId().toString();
                case MANUFACTURER -> view.manufacturer();
                case OUI -> view.deviceId().oui();
                case PRODUCT_CLASS -> view.deviceId().productClass();
                case SERIAL_NUMBER -> view.deviceId().serialNumber();
            };
            kind = str.isEmpty() ? K_NULL : K_STRING;
        } else {
            throw new IllegalStateException("unknown operand " + o.getClass());
        }
        if (slotA) {
            kindA = kind;
            numA = num;
            strA = str;
        } else {
            kindB = kind;
            numB = num;
            strB = str;
        }
    }

    /** How parameter values are typed from their xsd type. */
    static final class TypedValues {
        static final int STRING = 0;
        static final int BOOLEAN = 1;
        static final int NUMBER = 2;
        static final int DATE_TIME = 3;

        private TypedValues() {}

        static int kindOf(Optional<String> type) {
            if (type.isEmpty()) {
                return STRING;
            }
            String t = type.get();
            int colon = t.indexOf(':');
            String local = colon < 0 ? t : t.substring(colon + 1);
            switch (local) {
                case "boolean":
                    return BOOLEAN;
                case "int": case "unsignedInt": case "long": case "unsignedLong": case "double": case "float":
                case "decimal": case "integer": case "short": case "unsignedShort": case "byte": case "unsignedByte":
                    return NUMBER;
                case "dateTime":
                    return DATE_TIME;
                default:
                    return STRING;
            }
        }

        /** The number, or NaN when the text is not one. */
        static double parseNumber(String text) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            try {
                double d = Double.parseDouble(text.strip());
                return Double.isFinite(d) ? d : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** Epoch milliseconds, or NaN when the text is not an ISO 8601 date-time (no offset: UTC). */
        static double parseDateTime(String text) {
            String t = text.strip();
            try {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                try {
                    return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException | ArithmeticException e2) {
                    return Double.NaN;
                }
            }
        }
    }

    /**
     * Three-valued AND ({@code decisive} FALSE) or OR ({@code decisive} TRUE): the decisive value as
     * soon as an operand has it, else NULL when an operand was NULL, else {@code otherwise}.
     */
    private int junction(List<Precondition> operands, int decisive, int otherwise) {
        int result = otherwise;
        for (int i = 0; i < operands.size(); i++) {
            int r = evaluate(operands.get(i));
            if (r == decisive) {
                return decisive;
            }
            if (r == NULL) {
                result = NULL;
            }
        }
        return result;
    }
}
