package dev.cwmp.testkit.internal.sim;

import dev.cwmp.testkit.sim.Quirks;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the codec's conservative envelopes the way quirky devices write theirs: other prefixes,
 * the 1999 schema namespaces, no {@code xsi:type}, wrong array counts, {@code 0}/{@code 1} for
 * {@code Writable}, the fault detail inside {@code faultstring}. Works on the text the codec wrote,
 * whose shape it knows (prefixes bound on the Envelope, no other use of them).
 */
public final class QuirkyXml {

    private static final Pattern XSI_TYPE = Pattern.compile(" xsi:type=\"xsd:[^\"]*\"");
    private static final Pattern ARRAY_COUNT = Pattern.compile("(soapenc:arrayType=\"[^\"\\[]*\\[)(\\d+)(\\]\")");
    private static final Pattern FAULT = Pattern.compile(
            "<faultstring>(.*?)</faultstring>(\\s*)<detail>(.*?)</detail>", Pattern.DOTALL);

    private QuirkyXml() {
    }

    /** The envelope rewritten per the switches (the same bytes when none applies). */
    public static byte[] rewrite(byte[] envelope, Quirks quirks) {
        if (!quirks.rewritesXml()) {
            return envelope;
        }
        String xml = new String(envelope, StandardCharsets.UTF_8);
        if (quirks.omitXsiType()) {
            xml = XSI_TYPE.matcher(xml).replaceAll("");
        }
        if (quirks.wrongArrayTypeCounts()) {
            Matcher m = ARRAY_COUNT.matcher(xml);
            StringBuilder sb = new StringBuilder(xml.length() + 16);
            while (m.find()) {
                long wrong = Long.parseLong(m.group(2)) + 9;
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + wrong + m.group(3)));
            }
            m.appendTail(sb);
            xml = sb.toString();
        }
        if (quirks.booleansAsDigits()) {
            xml = xml.replace("<Writable>true</Writable>", "<Writable>1</Writable>")
                    .replace("<Writable>false</Writable>", "<Writable>0</Writable>");
        }
        if (quirks.faultDetailInFaultString()) {
            xml = FAULT.matcher(xml).replaceFirst("<faultstring>$1<detail>$3</detail></faultstring>");
        }
        if (quirks.xsi1999()) {
            xml = xml.replace("\"http://www.w3.org/2001/XMLSchema-instance\"", "\"http://www.w3.org/1999/XMLSchema-instance\"")
                    .replace("\"http://www.w3.org/2001/XMLSchema\"", "\"http://www.w3.org/1999/XMLSchema\"");
        }
        if (!quirks.envelopePrefix().equals("soapenv")) {
            xml = renamePrefix(xml, "soapenv", quirks.envelopePrefix(), false);
        }
        if (!quirks.cwmpPrefix().equals("cwmp")) {
            xml = renamePrefix(xml, "cwmp", quirks.cwmpPrefix(), true);
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String renamePrefix(String xml, String from, String to, boolean inAttributeValues) {
        String out = xml.replace("<" + from + ":", "<" + to + ":")
                .replace("</" + from + ":", "</" + to + ":")
                .replace("xmlns:" + from + "=", "xmlns:" + to + "=")
                .replace(" " + from + ":", " " + to + ":");
        if (inAttributeValues) {
            out = out.replace("=\"" + from + ":", "=\"" + to + ":");
        }
        return out;
    }
}
