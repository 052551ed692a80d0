package dev.ecsplatform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed synth (a cdk-nag pack or the built-in template validator reported an error) into
 * one line per finding, read from the cloud assembly's {@code validation-report.json}.
 */
final class ValidationReport {

    private static final Pattern REPORT_PATH = Pattern.compile("can be found in: (\\S+validation-report\\.json)");

    private ValidationReport() {
    }

    /** The findings behind {@code failure}, or empty when it is not a validation failure. */
    static Optional<String> describeFailure(RuntimeException failure) {
        String message = String.valueOf(failure.getMessage());
        Matcher matcher = REPORT_PATH.matcher(message);
        if (!message.contains("Validation failed") || !matcher.find()) {
            return Optional.empty();
        }
        Path report = Path.of(matcher.group(1));
        List<String> lines = new ArrayList<>();
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(report));
            Set<String> findings = new LinkedHashSet<>();
            for (JsonNode plugin : root.path("pluginReports")) {
                for (JsonNode violation : plugin.path("violations")) {
                    for (JsonNode construct : violation.path("violatingConstructs")) {
                        findings.add(violation.path("severity").asText() + " " + violation.path("ruleName").asText()
                                + " at " + construct.path("constructPath").asText() + ": "
                                + violation.path("description").asText().lines().findFirst().orElse(""));
                    }
                }
            }
            lines.addAll(findings);
        } catch (IOException e) {
            lines.add("(could not read " + report + ": " + e.getMessage() + ")");
        }
        return Optional.of("Synthesis stopped: rule findings without an acknowledgment (full report: " + report + ")\n  "
                + String.join("\n  ", lines)
                + "\nFix the construct, or acknowledge the finding on the narrowest construct with "
                + "Acknowledgments.acknowledge(construct, ruleId, reason naming the compensating control).");
    }
}
