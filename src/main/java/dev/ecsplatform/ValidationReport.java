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
import dev.ecsplatform.stage.ConfigSources;
import software.constructs.IConstruct;

/**
 * Turns a failed synth (a cdk-nag pack or the built-in template validator reported an error) into
 * one line per finding, read from the cloud assembly's {@code validation-report.json}.
 */
final class ValidationReport {

    private static final Pattern REPORT_PATH = Pattern.compile("can be found in: (\\S+validation-report\\.json)");

    private ValidationReport() {
    }

    /** The construct at {@code path} ({@code dev/platform/Network/Vpc/Resource}) below {@code root}, or its deepest existing ancestor. */
    static Optional<IConstruct> find(IConstruct root, String path) {
        IConstruct current = root;
        for (String id : path.split("/")) {
            IConstruct child = current.getNode().tryFindChild(id);
            if (child == null) {
                break;
            }
            current = child;
        }
        return current == root ? Optional.empty() : Optional.of(current);
    }

    /**
     * The findings behind {@code failure}, or empty when it is not a validation failure. Each finding on a
     * construct of {@code app} that was made from the environment files names the field and the files.
     */
    static Optional<String> describeFailure(RuntimeException failure, IConstruct app) {
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
                        String constructPath = construct.path("constructPath").asText();
                        findings.add(violation.path("severity").asText() + " " + violation.path("ruleName").asText()
                                + " at " + constructPath + ": "
                                + violation.path("description").asText().lines().findFirst().orElse("")
                                + find(app, constructPath).flatMap(ConfigSources::of).map(source -> "\n    from " + source).orElse(""));
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
