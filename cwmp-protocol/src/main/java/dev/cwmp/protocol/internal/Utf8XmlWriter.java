package dev.cwmp.protocol.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A small buffered writer of UTF-8 XML: markup is written as given (ASCII), text and attribute values
 * are escaped. Not thread-safe; one per encoding.
 *
 * <p>Escaping: {@code < > & " '} become entity references everywhere; in attribute values tab,
 * newline and carriage return become character references (attribute normalisation would otherwise
 * turn them into spaces); in text a carriage return becomes {@code &#13;} (line-end normalisation would
 * otherwise drop it). Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline and
 * carriage return, U+FFFE, U+FFFF and unpaired surrogates) are written as U+FFFD.
 */
final class Utf8XmlWriter {
    private static final int REPLACEMENT = 0xFFFD;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    Utf8XmlWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    /** Writes ASCII markup as is. */
    Utf8XmlWriter raw(String ascii) throws IOException {
        int n = ascii.length();
        if (n > buf.length - pos) {
            flushBuffer();
            if (n > buf.length) {
                for (int i = 0; i < n; i++) {
                    rawByte((byte) ascii.charAt(i));
                }
                return this;
            }
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Writes one ASCII character of markup. */
    Utf8XmlWriter raw(char ascii) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) ascii;
        return this;
    }

    private void rawByte(byte b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = b;
    }

    /** Writes a non-negative or negative decimal number. */
    Utf8XmlWriter decimal(long value) throws IOException {
        if (value >= 0 && value < 10) {
            return raw((char) ('0' + value));
        }
        return raw(Long.toString(value));
    }

    /** Writes escaped character data. */
    Utf8XmlWriter text(CharSequence text) throws IOException {
        escape(text, false);
        return this;
    }

    /** Writes an escaped attribute value (without the quotes). */
    Utf8XmlWriter attributeValue(CharSequence text) throws IOException {
        escape(text, true);
        return this;
    }

    private void escape(CharSequence s, boolean inAttribute) throws IOException {
        int n = s.length();
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            if (pos > b.length - 8) {
                flushBuffer();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x40 || (c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c != '\'')) {
                    b[pos++] = (byte) c;
                    continue;
                }
                switch (c) {
                    case '<':
                        put("&lt;");
                        break;
                    case '>':
                        put("&gt;");
                        break;
                    case '&':
                        put("&amp;");
                        break;
                    case '"':
                        put("&quot;");
                        break;
                    case '\'':
                        put("&apos;");
                        break;
                    case '\t':
                        if (inAttribute) {
                            put("&#9;");
                        } else {
                            b[pos++] = (byte) c;
                        }
                        break;
                    case '\n':
                        if (inAttribute) {
                            put("&#10;");
                        } else {
                            b[pos++] = (byte) c;
                        }
                        break;
                    case '\r':
                        put("&#13;");
                        break;
                    default:
                        codePoint(REPLACEMENT);
                        break;
                }
            } else if (c < 0x800) {
                b[pos++] = (byte) (0xC0 | (c >> 6));
                b[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    codePoint(Character.toCodePoint(c, s.charAt(++i)));
                } else {
                    codePoint(REPLACEMENT);
                }
            } else if (Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                codePoint(REPLACEMENT);
            } else {
                codePoint(c);
            }
        }
    }

    private void put(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
    }

    private void codePoint(int cp) {
        byte[] b = buf;
        if (cp < 0x800) {
            b[pos++] = (byte) (0xC0 | (cp >> 6));
            b[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            b[pos++] = (byte) (0xE0 | (cp >> 12));
            b[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            b[pos++] = (byte) (0xF0 | (cp >> 18));
            b[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[pos++] = (byte) (0x80 | (cp & 0x3F));
        }
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Writes what is buffered and flushes the stream. */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
