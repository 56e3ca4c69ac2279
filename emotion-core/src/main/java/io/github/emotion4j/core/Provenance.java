package io.github.emotion4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a model or result comes from: the emotion4j and Java versions and the time, as recorded in every
 * bundle and report. Stateless and thread-safe.
 */
public final class Provenance {

    private static final String VERSION = readVersion();

    private Provenance() {
    }

    /** This library's version (for example {@code 0.1.0-SNAPSHOT}). */
    public static String libraryVersion() {
        return VERSION;
    }

    /** emotion4j version, Java version and vendor, OS and architecture, and the current time (UTC, seconds). */
    public static Map<String, String> environment() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("emotion4j", VERSION);
        map.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        map.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        map.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return map;
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
