package dev.cwmp.scripting.internal;

import dev.cwmp.datamodel.ParameterTree;
import java.util.List;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.SymbolKey;

/**
 * What {@code declare} returns, as GenieACS's: {@code path}, {@code value} ({@code [value, type]}),
 * {@code writable} and {@code object} of the first match, {@code size} (the number of matches,
 * {@code undefined} for none), and iteration over the matches. Reading any of them first commits
 * the declarations of the run, so an unknown value ends the run until the CPE has answered.
 */
final class DeclaredParameters extends ScriptableObject {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterTree.Entry> entries;

    DeclaredParameters(Scriptable scope, List<ParameterTree.Entry> entries) {
        this.entries = entries;
        setParentScope(ScriptableObject.getTopLevelScope(scope));
        setPrototype(ScriptableObject.getObjectPrototype(scope));
    }

    @Override
    public String getClassName() {
        return "ParameterWrapper";
    }

    @Override
    public boolean has(String name, Scriptable start) {
        return isAttribute(name) || super.has(name, start);
    }

    private static boolean isAttribute(String name) {
        return switch (name) {
            case "path", "size", "value", "writable", "object" -> true;
            default -> false;
        };
    }

    @Override
    public Object get(String name, Scriptable start) {
        if (!isAttribute(name)) {
            return super.get(name, start);
        }
        Context cx = Context.getCurrentContext();
        Sandbox.commitIfUncommitted(cx);
        if (entries.isEmpty()) {
            return undefinedValue();
        }
        ParameterTree.Entry first = entries.get(0);
        switch (name) {
            case "size":
                return (double) entries.size();
            case "path":
                String path = first.path().toString();
                return first.object() && path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
            case "object":
                return first.object();
            case "writable":
                return first.writable().map(w -> (Object) w).orElse(undefinedValue());
            default: // value
                if (first.value().isEmpty()) {
                    return undefinedValue();
                }
                String type = first.type().orElse("xsd:string");
                return cx.newArray(getParentScope(), new Object[] {JsValues.typedValue(first.value().get(), type), type});
        }
    }

    @Override
    public Object get(Symbol key, Scriptable start) {
        if (SymbolKey.ITERATOR.equals(key)) {
            return new LambdaFunction(getParentScope(), "[Symbol.iterator]", 0, this::iterator);
        }
        return super.get(key, start);
    }

    @Override
    public boolean has(Symbol key, Scriptable start) {
        return SymbolKey.ITERATOR.equals(key) || super.has(key, start);
    }

    private Object iterator(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        Sandbox.commitIfUncommitted(cx);
        Object[] each = new Object[entries.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = new DeclaredParameters(getParentScope(), List.of(entries.get(i)));
        }
        Scriptable array = cx.newArray(getParentScope(), each);
        Object values = ScriptableObject.getProperty(array, SymbolKey.ITERATOR);
        return ((Callable) values).call(cx, scope, array, new Object[0]);
    }

    private static Object undefinedValue() {
        return org.mozilla.javascript.Undefined.instance;
    }
}
