package dev.cwmp.scripting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Undefined;

/** Values across the sandbox's border: only plain data, never a Java object, in either direction. */
final class JsValues {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_ELEMENTS = 10_000;

    private JsValues() {
    }

    /** A Java value as a script sees it: strings, numbers, booleans, arrays and objects of them. */
    static Object toJs(Context cx, Scriptable scope, Object value) {
        return toJs(cx, scope, value, 0);
    }

    private static Object toJs(Context cx, Scriptable scope, Object value, int depth) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (depth < MAX_DEPTH && value instanceof List<?> list) {
            Object[] items = new Object[Math.min(list.size(), MAX_ELEMENTS)];
            for (int i = 0; i < items.length; i++) {
                items[i] = toJs(cx, scope, list.get(i), depth + 1);
            }
            return cx.newArray(scope, items);
        }
        if (depth < MAX_DEPTH && value instanceof Map<?, ?> map) {
            Scriptable object = cx.newObject(scope);
            int n = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (n++ == MAX_ELEMENTS) {
                    break;
                }
                object.put(String.valueOf(e.getKey()), object, toJs(cx, scope, e.getValue(), depth + 1));
            }
            return object;
        }
        return value.toString();
    }

    /** A script's value as plain Java: String, Double, Boolean, List, Map (string keys), or null. */
    static Object toJava(Object value) {
        return toJava(value, 0);
    }

    private static Object toJava(Object value, int depth) {
        if (value == null || Undefined.isUndefined(value)) {
            return null;
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Callable) {
            return ScriptRuntime.toString(value);
        }
        if (depth < MAX_DEPTH && value instanceof NativeArray array) {
            long length = Math.min(array.getLength(), MAX_ELEMENTS);
            List<Object> list = new ArrayList<>((int) length);
            for (int i = 0; i < length; i++) {
                list.add(toJava(array.get(i, array), depth + 1));
            }
            return list;
        }
        if (depth < MAX_DEPTH && value instanceof Scriptable object) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object id : object.getIds()) {
                if (map.size() == MAX_ELEMENTS) {
                    break;
                }
                Object v = id instanceof Integer i ? object.get(i, object) : object.get(id.toString(), object);
                map.put(id.toString(), toJava(v, depth + 1));
            }
            return map;
        }
        return ScriptRuntime.toString(value);
    }

    /** A script's value as a parameter value: a string, number or boolean; arrays give their first element. */
    static Object scalar(Object value) {
        if (value instanceof NativeArray array) {
            value = array.getLength() > 0 ? array.get(0, array) : null;
        }
        if (value == null || Undefined.isUndefined(value)) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean) {
            return value;
        }
        return ScriptRuntime.toString(value);
    }

    /**
     * A parameter's value as GenieACS gives it to scripts: booleans, numbers and dateTimes (as
     * milliseconds) typed by their xsd type, strings otherwise.
     */
    static Object typedValue(String text, String type) {
        switch (type) {
            case "xsd:boolean":
                return "true".equalsIgnoreCase(text.trim()) || "1".equals(text.trim());
            case "xsd:int":
            case "xsd:unsignedInt":
            case "xsd:long":
            case "xsd:unsignedLong":
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    return text;
                }
            case "xsd:dateTime":
                try {
                    return (double) java.time.OffsetDateTime.parse(text.trim()).toInstant().toEpochMilli();
                } catch (RuntimeException e) {
                    try {
                        return (double) java.time.Instant.parse(text.trim()).toEpochMilli();
                    } catch (RuntimeException e2) {
                        return text;
                    }
                }
            default:
                return text;
        }
    }
}
