package dev.cwmp.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The story's presets as GenieACS 1.2 exports them, and as we write them. */
final class StoryPresets {

    static final String GENIEACS = "/presets/story.genieacs.json";
    static final String NORMALIZED = "/presets/story.normalized.json";

    private StoryPresets() {}

    static String resource(String name) {
        try (InputStream in = StoryPresets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
