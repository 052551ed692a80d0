package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema and the field tables of the reference page are generated from the config records
 * ({@link ConfigReference}); this fails when the committed files are stale. After changing a record, run
 * {@code mvn -B -ntp test -Dtest=ConfigReferenceTest -Dconfig-reference.update=true} and review the diff.
 */
class ConfigReferenceTest {

    private static final Path SCHEMA = Path.of("schema", "environment.schema.json");
    private static final Path REFERENCE = Path.of("docs", "configuration.md");
    private static final boolean UPDATE = Boolean.getBoolean("config-reference.update");
    private static final String HOW_TO_UPDATE = "generated from the config records; regenerate with "
            + "mvn -B -ntp test -Dtest=ConfigReferenceTest -Dconfig-reference.update=true";

    @Test
    void theSchemaIsGeneratedFromTheRecords() throws IOException {
        String expected = ConfigReference.schemaJson();
        if (UPDATE) {
            Files.writeString(SCHEMA, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SCHEMA, StandardCharsets.UTF_8)).as(SCHEMA + " is " + HOW_TO_UPDATE).isEqualTo(expected);
    }

    @Test
    void theFieldTablesOfTheReferenceAreGeneratedFromTheRecords() throws IOException {
        String page = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int begin = page.indexOf(ConfigReference.BEGIN_MARKER);
        int end = page.indexOf(ConfigReference.END_MARKER);
        assertThat(begin).as("the begin marker in " + REFERENCE).isNotNegative();
        assertThat(end).as("the end marker in " + REFERENCE).isGreaterThan(begin);
        String committed = page.substring(begin, end + ConfigReference.END_MARKER.length() + 1);
        String expected = ConfigReference.markdown();
        if (UPDATE) {
            Files.writeString(REFERENCE, page.replace(committed, expected), StandardCharsets.UTF_8);
            committed = expected;
        }
        assertThat(committed).as("the field tables of " + REFERENCE + " are " + HOW_TO_UPDATE).isEqualTo(expected);
    }

    /** A link in a generated description must land on a heading of the page. */
    @Test
    void everyLinkInTheFieldTablesPointsAtAHeadingOfThePage() throws IOException {
        String page = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        List<String> anchors = page.lines().filter(line -> line.startsWith("#")).map(ConfigReferenceTest::slug).toList();
        List<String> broken = new ArrayList<>();
        var links = java.util.regex.Pattern.compile("\\]\\(#([^)]+)\\)").matcher(ConfigReference.markdown());
        while (links.find()) {
            if (!anchors.contains(links.group(1))) {
                broken.add(links.group(1));
            }
        }
        assertThat(broken).isEmpty();
    }

    /** GitHub's heading anchors: lower case, entities and punctuation dropped, spaces as hyphens. */
    private static String slug(String heading) {
        return heading.replaceFirst("^#+ ", "").replace("&lt;", "").replace("&gt;", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
