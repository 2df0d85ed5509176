package dev.cwmp.server.internal;

import dev.cwmp.server.AcsServerException;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-device CPE credentials from a text file (UTF-8): one {@code username password [device-id]}
 * per line, fields separated by spaces or tabs; blank lines and lines starting with {@code #} are
 * ignored. A device id (as GenieACS prints it, e.g. {@code E48D8C-RB951Ui%2D2HnD-4AC7046131E4})
 * binds the username to that device.
 */
public final class CredentialsFile {

    private static final long MAX_BYTES = 64L << 20;

    private CredentialsFile() {
    }

    /** Reads the file. */
    public static List<CpeCredential> read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new AcsServerException("--cpe-credentials " + file + ": larger than 64 MiB");
            }
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new AcsServerException("--cpe-credentials: cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Parses the lines of a credentials file; {@code source} names it in messages. */
    public static List<CpeCredential> parse(List<String> lines, String source) {
        List<CpeCredential> credentials = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            String[] fields = line.split("[ \t]+");
            if (fields.length < 2 || fields.length > 3) {
                throw new AcsServerException(where + ": expected 'username password [device-id]'");
            }
            if (!usernames.add(fields[0])) {
                throw new AcsServerException(where + ": username " + fields[0] + " appears twice");
            }
            try {
                credentials.add(fields.length == 3
                        ? CpeCredential.boundTo(fields[0], Secret.of(fields[1]), fields[2])
                        : CpeCredential.of(fields[0], Secret.of(fields[1])));
            } catch (IllegalArgumentException e) {
                throw new AcsServerException(where + ": " + e.getMessage());
            }
        }
        if (credentials.isEmpty()) {
            throw new AcsServerException(source + ": no credentials (one 'username password [device-id]' per line)");
        }
        return List.copyOf(credentials);
    }
}
