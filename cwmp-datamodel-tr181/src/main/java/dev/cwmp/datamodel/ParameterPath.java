package dev.cwmp.datamodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A TR-069 parameter path: {@code Device.WiFi.SSID.3.SSID}, a partial path (an object, ending in
 * {@code .}) such as {@code Device.WiFi.}, or a pattern with the wildcard {@code *}, an instance
 * alias {@code [cpe-ssid-1]} (TR-069 Amendment 6 alias-based addressing) or GenieACS-style instance
 * keys {@code [SSID:home,Enable:true]} in place of instance numbers.
 *
 * <p>Immutable and value-based: two paths are equal when their canonical texts are equal. The
 * parser accepts only the canonical form, so {@link #toString()} gives back exactly the parsed text.
 *
 * <p>Syntax: segments separated by {@code .}; the first is the root object's name. A name starts
 * with a letter or {@code _} and continues with letters, digits, {@code _} or {@code -}. An instance
 * number is 1 to 4294967295 without leading zeros. Inside brackets the characters {@code \ [ ] , :}
 * are escaped with a backslash when they are part of an alias or a key's value; a key is a name or
 * a relative dotted path ({@code [IPv4Address.1.IPAddress:10.0.0.1]}). Key order is significant
 * for equality (it is kept as written). A path is at most {@value #MAX_LENGTH} characters.
 */
public final class ParameterPath {

    /** Longest accepted path text (TR-069 limits names to 256; keys make patterns longer). */
    public static final int MAX_LENGTH = 1024;

    /** Longest accepted alias (the TR-181 {@code Alias} data type is string(64)). */
    public static final int MAX_ALIAS_LENGTH = 64;

    static final byte NAME = 0;
    static final byte INSTANCE = 1;
    static final byte WILDCARD = 2;
    static final byte ALIAS = 3;
    static final byte KEYS = 4;

    private static final String INSTANCE_PLACEHOLDER = "{i}";

    private final String text;
    /** End index (exclusive) in {@link #text} of each segment; segment i starts at ends[i-1] + 1. */
    private final int[] ends;
    private final byte[] kinds;
    private final boolean partial;
    private String definitionPath; // lazily computed, racy single-check is fine (immutable value)

    private ParameterPath(String text, int[] ends, byte[] kinds, boolean partial) {
        this.text = text;
        this.ends = ends;
        this.kinds = kinds;
        this.partial = partial;
    }

    // ---------------------------------------------------------------------------------------------
    // Segments

    /** One segment of a path. */
    public sealed interface Segment permits Name, Instance, Wildcard, Alias, InstanceKeys {

        /** True for every segment that selects instances of a multi-instance object. */
        default boolean selectsInstance() {
            return !(this instanceof Name);
        }
    }

    /** An object or parameter name, e.g. {@code WiFi}. */
    public record Name(String name) implements Segment {
        public Name {
            Objects.requireNonNull(name, "name");
            if (!isName(name, false)) {
                throw new InvalidPathException(name, 0, "not a valid name");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An instance number, 1 to 4294967295. */
    public record Instance(long number) implements Segment {
        public Instance {
            if (number < 1 || number > 0xFFFF_FFFFL) {
                throw new InvalidPathException(Long.toString(number), 0,
                        "instance number out of range 1..4294967295");
            }
        }

        @Override
        public String toString() {
            return Long.toString(number);
        }
    }

    /** The wildcard {@code *}: every instance. */
    public record Wildcard() implements Segment {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** An instance alias, {@code [alias]} (TR-069 Amendment 6). */
    public record Alias(String alias) implements Segment {
        public Alias {
            Objects.requireNonNull(alias, "alias");
            if (alias.isEmpty() || alias.length() > MAX_ALIAS_LENGTH) {
                throw new InvalidPathException(alias, 0, "an alias has 1 to 64 characters");
            }
        }

        @Override
        public String toString() {
            return "[" + escape(alias, false) + "]";
        }
    }

    /** One {@code key:value} pair of {@link InstanceKeys}. */
    public record KeyValue(String key, String value) {
        public KeyValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!isName(key, true)) {
                throw new InvalidPathException(key, 0, "a key is a name or a dotted relative path");
            }
        }
    }

    /** GenieACS-style instance keys, {@code [Key:Value,...]}: the instance whose parameters have these values. */
    public record InstanceKeys(List<KeyValue> keys) implements Segment {
        public InstanceKeys {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new InvalidPathException("[]", 1, "instance keys need at least one key:value pair");
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(keys.get(i).key()).append(':').append(escape(keys.get(i).value(), true));
            }
            return sb.append(']').toString();
        }
    }

    /**
     * Gives the value of a parameter of an instance, for matching {@link Alias} and
     * {@link InstanceKeys} segments: {@code valueOf(Device.WiFi.SSID.3., "Alias")}.
     */
    @FunctionalInterface
    public interface InstanceValues {
        /** The value of {@code relativeName} (a name or dotted relative path) under the instance, if known. */
        Optional<String> valueOf(ParameterPath instance, String relativeName);

        /** Knows no values: alias and key segments then match only identical segments. */
        InstanceValues NONE = (instance, name) -> Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // Parsing

    /**
     * Parses a path or pattern.
     *
     * @throws InvalidPathException saying why and at which index the text is not a valid path
     */
    public static ParameterPath parse(String text) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        if (n == 0) {
            throw new InvalidPathException(text, 0, "empty path");
        }
        if (n > MAX_LENGTH) {
            throw new InvalidPathException(text, MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        }
        // Exact-size arrays in the usual case (no dot inside brackets): one segment per dot, plus
        // the last one unless the text ends with a dot.
        int capacity = text.charAt(n - 1) == '.' ? 0 : 1;
        for (int k = 0; k < n; k++) {
            if (text.charAt(k) == '.') {
                capacity++;
            }
        }
        int[] ends = new int[Math.max(capacity, 1)];
        byte[] kinds = new byte[ends.length];
        int count = 0;
        int i = 0;
        boolean partial = false;
        while (true) {
            if (i == n) {
                partial = true; // the text ended with '.'
                break;
            }
            char c = text.charAt(i);
            int end;
            byte kind;
            if (isNameStart(c)) {
                end = scanName(text, i);
                kind = NAME;
            } else if (c >= '0' && c <= '9') {
                end = scanInstance(text, i);
                kind = INSTANCE;
            } else if (c == '*') {
                end = i + 1;
                kind = WILDCARD;
                if (end < n && text.charAt(end) != '.') {
                    throw new InvalidPathException(text, end, "the wildcard '*' must be a whole segment");
                }
            } else if (c == '[') {
                end = scanBrackets(text, i);
                kind = isKeys(text, i, end) ? KEYS : ALIAS;
                if (end < n && text.charAt(end) != '.') {
                    throw new InvalidPathException(text, end, "expected '.' after ']'");
                }
            } else if (c == '.') {
                throw new InvalidPathException(text, i,
                        count == 0 ? "a path cannot start with '.'" : "empty segment (two dots in a row)");
            } else {
                throw new InvalidPathException(text, i, "unexpected character " + describe(c));
            }
            if (count == 0 && kind != NAME) {
                throw new InvalidPathException(text, 0, "a path starts with the name of its root object");
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            ends[count] = end;
            kinds[count] = kind;
            count++;
            if (end == n) {
                break;
            }
            i = end + 1;
        }
        if (count != ends.length) {
            ends = Arrays.copyOf(ends, count);
            kinds = Arrays.copyOf(kinds, count);
        }
        return new ParameterPath(text, ends, kinds, partial);
    }

    private static int scanName(String text, int start) {
        int n = text.length();
        int j = start + 1;
        while (j < n && isNamePart(text.charAt(j))) {
            j++;
        }
        if (j < n && text.charAt(j) != '.') {
            throw new InvalidPathException(text, j,
                    describe(text.charAt(j)) + " is not allowed in a name (letters, digits, '_' and '-')");
        }
        return j;
    }

    private static int scanInstance(String text, int start) {
        int n = text.length();
        int j = start;
        while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        if (j < n && text.charAt(j) != '.') {
            char c = text.charAt(j);
            if (isNamePart(c)) {
                throw new InvalidPathException(text, start, "a name must start with a letter or '_'");
            }
            throw new InvalidPathException(text, j, describe(c) + " is not allowed in an instance number");
        }
        if (text.charAt(start) == '0') {
            throw new InvalidPathException(text, start,
                    "instance numbers start at 1 and have no leading zeros");
        }
        if (j - start > 10 || (j - start == 10 && Long.parseLong(text, start, j, 10) > 0xFFFF_FFFFL)) {
            throw new InvalidPathException(text, start, "instance number out of range 1..4294967295");
        }
        return j;
    }

    /** Returns the index just after the closing bracket; validates the content. */
    private static int scanBrackets(String text, int open) {
        int n = text.length();
        int j = open + 1;
        boolean keys = false;
        while (true) {
            if (j >= n) {
                throw new InvalidPathException(text, open, "'[' is never closed");
            }
            char c = text.charAt(j);
            if (c == '\\') {
                if (j + 1 >= n || !isEscapable(text.charAt(j + 1))) {
                    throw new InvalidPathException(text, j,
                            "invalid escape: only \\\\ \\[ \\] \\, \\: are allowed inside brackets");
                }
                j += 2;
                continue;
            }
            if (c == ']') {
                break;
            }
            if (c == '[') {
                throw new InvalidPathException(text, j, "'[' inside brackets must be escaped as \\[");
            }
            if (c == ':') {
                keys = true;
            }
            j++;
        }
        if (j == open + 1) {
            throw new InvalidPathException(text, open, "empty brackets: expected [alias] or [Key:Value,...]");
        }
        if (keys) {
            validateKeys(text, open + 1, j);
        } else {
            int length = 0;
            for (int k = open + 1; k < j; k++) {
                char c = text.charAt(k);
                if (c == ',') {
                    throw new InvalidPathException(text, k, "',' in an alias must be escaped as \\,");
                }
                if (c == '\\') {
                    k++;
                }
                length++;
            }
            if (length > MAX_ALIAS_LENGTH) {
                throw new InvalidPathException(text, open, "alias longer than " + MAX_ALIAS_LENGTH + " characters");
            }
        }
        return j + 1;
    }

    private static void validateKeys(String text, int from, int to) {
        Set<String> seen = new HashSet<>();
        int pairStart = from;
        for (int k = from; k <= to; k++) {
            char c = k < to ? text.charAt(k) : ',';
            if (c == '\\') {
                k++;
                continue;
            }
            if (c != ',') {
                continue;
            }
            int colon = -1;
            for (int m = pairStart; m < k; m++) {
                char d = text.charAt(m);
                if (d == '\\') {
                    m++;
                } else if (d == ':') {
                    if (colon >= 0) {
                        throw new InvalidPathException(text, m, "':' in a key's value must be escaped as \\:");
                    }
                    colon = m;
                }
            }
            if (colon < 0) {
                throw new InvalidPathException(text, pairStart, "expected Key:Value");
            }
            String key = text.substring(pairStart, colon);
            if (key.isEmpty()) {
                throw new InvalidPathException(text, pairStart, "empty key before ':'");
            }
            if (!isName(key, true)) {
                throw new InvalidPathException(text, pairStart,
                        "key \"" + key + "\" is not a name or a dotted relative path");
            }
            if (!seen.add(key)) {
                throw new InvalidPathException(text, pairStart, "key \"" + key + "\" appears twice");
            }
            pairStart = k + 1;
        }
    }

    private static boolean isKeys(String text, int open, int end) {
        for (int k = open + 1; k < end - 1; k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == ':') {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isEscapable(char c) {
        return c == '\\' || c == '[' || c == ']' || c == ',' || c == ':';
    }

    /** A name, or with {@code dotted} a relative path of names and instance numbers. */
    private static boolean isName(String s, boolean dotted) {
        if (s.isEmpty()) {
            return false;
        }
        int segStart = 0;
        for (int k = 0; k <= s.length(); k++) {
            if (k < s.length() && s.charAt(k) != '.') {
                continue;
            }
            if (k < s.length() && !dotted) {
                return false;
            }
            if (k == segStart) {
                return false;
            }
            char first = s.charAt(segStart);
            boolean ok;
            if (isNameStart(first)) {
                ok = true;
                for (int m = segStart + 1; m < k && ok; m++) {
                    ok = isNamePart(s.charAt(m));
                }
            } else {
                ok = dotted && segStart > 0 && first >= '1' && first <= '9';
                for (int m = segStart + 1; m < k && ok; m++) {
                    ok = s.charAt(m) >= '0' && s.charAt(m) <= '9';
                }
            }
            if (!ok) {
                return false;
            }
            segStart = k + 1;
        }
        return true;
    }

    private static String describe(char c) {
        if (c < 0x20 || c > 0x7E) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private static String escape(String raw, boolean keyValue) {
        StringBuilder sb = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean special = c == '\\' || c == '[' || c == ']' || c == ':' || c == ',';
            if (special && sb == null) {
                sb = new StringBuilder(raw.length() + 4).append(raw, 0, i);
            }
            if (sb != null) {
                if (special) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb == null ? raw : sb.toString();
    }

    private static String unescape(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
                c = text.charAt(k);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Construction from parts

    /** The path of one root object: {@code root("Device")} is {@code Device.}. */
    public static ParameterPath root(String rootName) {
        new Name(rootName);
        return new ParameterPath(rootName + ".", new int[] {rootName.length()}, new byte[] {NAME}, true);
    }

    /** A path built from segments; {@code partial} adds the trailing dot. */
    public static ParameterPath of(List<? extends Segment> segments, boolean partial) {
        if (segments.isEmpty()) {
            throw new InvalidPathException("", 0, "empty path");
        }
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(s);
        }
        if (partial) {
            sb.append('.');
        }
        return parse(sb.toString());
    }

    private ParameterPath append(String segmentText, byte kind, boolean partialResult) {
        int count = ends.length;
        String base = partial ? text : text + ".";
        String newText = partialResult ? base + segmentText + "." : base + segmentText;
        if (newText.length() > MAX_LENGTH) {
            throw new InvalidPathException(newText, MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        }
        int[] newEnds = Arrays.copyOf(ends, count + 1);
        byte[] newKinds = Arrays.copyOf(kinds, count + 1);
        newEnds[count] = base.length() + segmentText.length();
        newKinds[count] = kind;
        return new ParameterPath(newText, newEnds, newKinds, partialResult);
    }

    /** This path with a parameter name appended: {@code Device.WiFi.} + {@code SSIDNumberOfEntries}. */
    public ParameterPath child(String name) {
        new Name(name);
        return append(name, NAME, false);
    }

    /** This path with an object name appended, as a partial path: {@code Device.} + {@code WiFi} = {@code Device.WiFi.}. */
    public ParameterPath childObject(String name) {
        new Name(name);
        return append(name, NAME, true);
    }

    /** This path with an instance number appended, as a partial path: {@code Device.WiFi.SSID.3.}. */
    public ParameterPath child(long instanceNumber) {
        return append(new Instance(instanceNumber).toString(), INSTANCE, true);
    }

    /** This path with any segment appended; partial when the segment selects an instance. */
    public ParameterPath child(Segment segment) {
        if (segment instanceof Name) {
            return child(((Name) segment).name());
        }
        byte kind = segment instanceof Instance ? INSTANCE
                : segment instanceof Wildcard ? WILDCARD
                : segment instanceof Alias ? ALIAS : KEYS;
        return append(segment.toString(), kind, true);
    }

    /** The same path with a trailing dot (as an object); itself if already partial. */
    public ParameterPath toPartial() {
        if (partial) {
            return this;
        }
        return new ParameterPath(text + ".", ends, kinds, true);
    }

    /** The object containing this path ({@code Device.WiFi.SSID.3.} for {@code Device.WiFi.SSID.3.SSID}); empty for a root. */
    public Optional<ParameterPath> parent() {
        if (ends.length == 1) {
            return Optional.empty();
        }
        return Optional.of(prefix(ends.length - 1));
    }

    /** The partial path of the first {@code segmentCount} segments. */
    public ParameterPath prefix(int segmentCount) {
        if (segmentCount < 1 || segmentCount > ends.length) {
            throw new IndexOutOfBoundsException("segmentCount " + segmentCount + " of " + ends.length);
        }
        if (segmentCount == ends.length) {
            return toPartial();
        }
        int end = ends[segmentCount - 1];
        return new ParameterPath(text.substring(0, end + 1), Arrays.copyOf(ends, segmentCount),
                Arrays.copyOf(kinds, segmentCount), true);
    }

    // ---------------------------------------------------------------------------------------------
    // Queries

    /** True when the path ends with {@code .} (it names an object and, in requests, everything below it). */
    public boolean isPartial() {
        return partial;
    }

    /**
     * True when the path can only name an object: it is partial, or its last segment selects an
     * instance ({@code Device.WiFi.SSID.3}).
     */
    public boolean isObjectPath() {
        return partial || kinds[kinds.length - 1] != NAME;
    }

    /** True when some segment is the wildcard {@code *}. */
    public boolean hasWildcard() {
        for (byte k : kinds) {
            if (k == WILDCARD) {
                return true;
            }
        }
        return false;
    }

    /** True when the path has only names and instance numbers (no wildcard, alias or keys). */
    public boolean isConcrete() {
        for (byte k : kinds) {
            if (k > INSTANCE) {
                return false;
            }
        }
        return true;
    }

    /** True when some name starts with {@code X_} (a vendor extension, e.g. {@code X_TP_PSKType}). */
    public boolean isVendorSpecific() {
        for (int i = 0; i < kinds.length; i++) {
            int start = start(i);
            if (kinds[i] == NAME && ends[i] - start >= 2 && text.charAt(start) == 'X'
                    && text.charAt(start + 1) == '_') {
                return true;
            }
        }
        return false;
    }

    /** The root object's name: {@code Device} or {@code InternetGatewayDevice}. */
    public String rootName() {
        return text.substring(0, ends[0]);
    }

    /** The text of the last segment: the parameter's or object's name, or the instance selector. */
    public String lastName() {
        return segmentText(ends.length - 1);
    }

    /** Number of segments (the trailing dot does not count). */
    public int segmentCount() {
        return ends.length;
    }

    /** The segments, decoded. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>(ends.length);
        for (int i = 0; i < ends.length; i++) {
            out.add(segment(i));
        }
        return List.copyOf(out);
    }

    /** Segment {@code index}, decoded. */
    public Segment segment(int index) {
        int start = start(index);
        int end = ends[index];
        switch (kinds[index]) {
            case NAME:
                return new Name(text.substring(start, end));
            case INSTANCE:
                return new Instance(Long.parseLong(text, start, end, 10));
            case WILDCARD:
                return new Wildcard();
            case ALIAS:
                return new Alias(unescape(text, start + 1, end - 1));
            default:
                return decodeKeys(start + 1, end - 1);
        }
    }

    /** The raw (canonical, escaped) text of segment {@code index}. */
    public String segmentText(int index) {
        return text.substring(start(index), ends[index]);
    }

    /** The instance numbers of this path in order ({@code [2, 1]} for {@code Device.IP.Interface.2.IPv4Address.1.}). */
    public List<Long> instanceNumbers() {
        List<Long> out = new ArrayList<>(2);
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == INSTANCE) {
                out.add(Long.parseLong(text, start(i), ends[i], 10));
            }
        }
        return List.copyOf(out);
    }

    private InstanceKeys decodeKeys(int from, int to) {
        List<KeyValue> pairs = new ArrayList<>();
        int pairStart = from;
        for (int k = from; k <= to; k++) {
            char c = k < to ? text.charAt(k) : ',';
            if (c == '\\') {
                k++;
            } else if (c == ',') {
                int colon = text.indexOf(':', pairStart);
                pairs.add(new KeyValue(text.substring(pairStart, colon), unescape(text, colon + 1, k)));
                pairStart = k + 1;
            }
        }
        return new InstanceKeys(pairs);
    }

    /** The kind of segment {@code index} ({@link #NAME}, {@link #INSTANCE}, ...), for the tree's traversal. */
    byte kind(int index) {
        return kinds[index];
    }

    private int start(int index) {
        return index == 0 ? 0 : ends[index - 1] + 1;
    }

    /**
     * The definition path: every instance selector (number, {@code *}, alias, keys) replaced by
     * {@code {i}}. {@code Device.WiFi.SSID.3.SSID} gives {@code Device.WiFi.SSID.{i}.SSID};
     * {@code Device.WiFi.SSID.3.} and {@code Device.WiFi.SSID.3} both give {@code Device.WiFi.SSID.{i}.}
     * (a path ending in an instance selector can only be an object, and object definitions end with a dot).
     */
    public String definitionPath() {
        String result = definitionPath;
        if (result == null) {
            result = computeDefinitionPath();
            definitionPath = result;
        }
        return result;
    }

    private String computeDefinitionPath() {
        boolean plain = true;
        for (byte k : kinds) {
            if (k != NAME) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return text;
        }
        // Exact length: names as they are, every instance selector as "{i}", a dot after an object.
        int length = kinds.length - 1;
        for (int i = 0; i < kinds.length; i++) {
            length += kinds[i] == NAME ? ends[i] - start(i) : INSTANCE_PLACEHOLDER.length();
        }
        boolean object = isObjectPath();
        if (object) {
            length++;
        }
        char[] out = new char[length];
        int at = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                out[at++] = '.';
            }
            if (kinds[i] == NAME) {
                int start = start(i);
                text.getChars(start, ends[i], out, at);
                at += ends[i] - start;
            } else {
                out[at++] = '{';
                out[at++] = 'i';
                out[at++] = '}';
            }
        }
        if (object) {
            out[at] = '.';
        }
        return new String(out);
    }

    /**
     * True when {@code prefix}'s segments begin this path's segments: {@code Device.WiFi.SSID.3.SSID}
     * starts with {@code Device.WiFi.} and with {@code Device.WiFi}, not with {@code Device.Wi}.
     * Compares text only: a wildcard matches only a wildcard (use {@link #covers} for patterns).
     */
    public boolean startsWith(ParameterPath prefix) {
        String p = prefix.text;
        if (!text.startsWith(p)) {
            return false;
        }
        return prefix.partial || text.length() == p.length() || text.charAt(p.length()) == '.';
    }

    /**
     * True when this pattern matches {@code concrete} segment by segment, with the same number of
     * segments and the same partialness: {@code *} matches any instance; an alias or key segment
     * matches only the identical segment (see {@link #matches(ParameterPath, InstanceValues)}).
     */
    public boolean matches(ParameterPath concrete) {
        return matches(concrete, InstanceValues.NONE);
    }

    /**
     * Like {@link #matches(ParameterPath)}, resolving an alias segment against the instance's
     * {@code Alias} parameter and key segments against the instance's parameters through {@code values}.
     */
    public boolean matches(ParameterPath concrete, InstanceValues values) {
        return concrete.ends.length == ends.length && concrete.partial == partial
                && matchSegments(concrete, ends.length, values);
    }

    /**
     * True when this pattern matches {@code concrete} ({@link #matches}) or, being partial, matches
     * an object that contains {@code concrete}: {@code Device.WiFi.SSID.*.} covers
     * {@code Device.WiFi.SSID.2.SSID}.
     */
    public boolean covers(ParameterPath concrete, InstanceValues values) {
        if (!partial) {
            return matches(concrete, values);
        }
        int n = ends.length;
        if (concrete.ends.length < n || (concrete.ends.length == n && !concrete.isObjectPath())) {
            return false;
        }
        return matchSegments(concrete, n, values);
    }

    /** {@link #covers(ParameterPath, InstanceValues)} without instance values. */
    public boolean covers(ParameterPath concrete) {
        return covers(concrete, InstanceValues.NONE);
    }

    /** Whether segment {@code index} of this pattern matches segment {@code index} of {@code concrete}. */
    boolean matchSegment(int index, ParameterPath concrete, InstanceValues values) {
        byte k = kinds[index];
        byte ck = concrete.kinds[index];
        if (k == WILDCARD) {
            return ck != NAME;
        }
        int s = start(index);
        int cs = concrete.start(index);
        int len = ends[index] - s;
        if (len == concrete.ends[index] - cs && text.regionMatches(s, concrete.text, cs, len)) {
            return true;
        }
        if ((k == ALIAS || k == KEYS) && ck == INSTANCE) {
            ParameterPath instance = concrete.prefix(index + 1);
            return selectorMatches(index, relative -> values.valueOf(instance, relative));
        }
        return false;
    }

    /**
     * Whether alias or keys segment {@code index} selects the instance whose parameters
     * {@code valueOf} gives (by name relative to the instance).
     */
    boolean selectorMatches(int index, java.util.function.Function<String, Optional<String>> valueOf) {
        int s = start(index);
        if (kinds[index] == ALIAS) {
            String alias = unescape(text, s + 1, ends[index] - 1);
            return valueOf.apply("Alias").map(alias::equals).orElse(false);
        }
        if (kinds[index] != KEYS) {
            return false;
        }
        for (KeyValue kv : decodeKeys(s + 1, ends[index] - 1).keys()) {
            if (!valueOf.apply(kv.key()).map(kv.value()::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private boolean matchSegments(ParameterPath concrete, int count, InstanceValues values) {
        for (int i = 0; i < count; i++) {
            if (!matchSegment(i, concrete, values)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterPath && ((ParameterPath) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical text, exactly as {@link #parse} accepts it. */
    @Override
    public String toString() {
        return text;
    }
}
