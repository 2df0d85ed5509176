package dev.cwmp.scripting.internal;

import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.scripting.ScriptLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.SplittableRandom;

/** What the sandbox's functions see of the run in progress on their thread. */
final class RunState {

    final String scriptName;
    final ProvisionContext context;
    final String deviceId;
    final long sessionMillis;
    final RunBudget budget;
    /** Declarations made since the last commit: reading a declared value commits first (as GenieACS). */
    boolean uncommitted;
    /** The URLs of {@code Downloads.[FileType:<type>].FileName} (resolved) or {@code .URL}, and {@code .TargetFileName}, declared in this run. */
    final java.util.Map<String, String> downloadUrls = new java.util.HashMap<>();
    final java.util.Map<String, String> downloadTargets = new java.util.HashMap<>();
    /** The file server's base URL a {@code FileName} is resolved against, when known. */
    final Optional<URI> fileServer;
    private SplittableRandom random;

    RunState(String scriptName, ProvisionContext context, ScriptLimits limits, Optional<URI> fileServer) {
        this.scriptName = scriptName;
        this.context = context;
        this.deviceId = context.deviceId().toString();
        this.sessionMillis = context.now().toEpochMilli();
        this.budget = new RunBudget(limits);
        this.fileServer = fileServer;
    }

    /** {@code Math.random()}: the same sequence in every run for the same device (GenieACS seeds it with the device id). */
    double random() {
        if (random == null) {
            random = new SplittableRandom(seed(deviceId));
        }
        return random.nextDouble();
    }

    private static long seed(String deviceId) {
        byte[] d = md5(deviceId);
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = seed << 8 | (d[i] & 0xff);
        }
        return seed;
    }

    /**
     * GenieACS's device-specific offset of {@code Date.now(interval, variance)}: the four
     * little-endian 32-bit words of the MD5 of the device id XORed, modulo the variance.
     */
    static long variance(String deviceId, long variance) {
        byte[] d = md5(deviceId);
        long x = 0;
        for (int w = 0; w < 4; w++) {
            long word = (d[w * 4] & 0xffL) | (d[w * 4 + 1] & 0xffL) << 8 | (d[w * 4 + 2] & 0xffL) << 16
                    | (d[w * 4 + 3] & 0xffL) << 24;
            x ^= word;
        }
        return x % variance;
    }

    /** GenieACS's interval rounding: the start of the current interval, shifted by the device's offset. */
    static long interval(long timestamp, long interval, long offset) {
        double shifted = (double) (timestamp + offset) / interval;
        return (long) (Math.floor(shifted) * interval) - offset;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
