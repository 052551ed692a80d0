package dev.ecsplatform.config;

/**
 * Where a value came from: the file as the user named it, and a 1-based line and column.
 *
 * <p>Rendered as {@code environments/prod.yaml:14:7}, the form editors and terminals turn into a link.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    /** A location that points at the start of a file, for problems that concern the file as a whole. */
    public static Location startOf(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public int compareTo(Location other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
