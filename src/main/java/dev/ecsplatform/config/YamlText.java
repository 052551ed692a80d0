package dev.ecsplatform.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks the characters of an environment file before SnakeYAML reads it, and says in plain words
 * what is wrong and where.
 *
 * <p>SnakeYAML stops at the first bad character, and words it for YAML implementers: a Latin-1
 * {@code é} becomes "cannot read the file: Input length = 1" with no line, a bell character "special
 * characters are not allowed" at line 1, a tab "found character '\t(TAB)' that cannot start any token",
 * and a non-breaking space copied from a web page or a chat is no error at all but part of a key
 * ({@code "  image"}), reported later as an unknown key. Here every such character of the file is
 * reported at once, at its own line and column, and the file is then not parsed, so none of
 * SnakeYAML's messages about the same characters follow.
 *
 * <p>Lines and columns are counted the way SnakeYAML counts them (1-based, columns in code points,
 * line breaks {@code \n}, {@code \r\n}, {@code \r}, U+0085, U+2028 and U+2029), so a position given
 * here and one SnakeYAML gives for the same file agree.
 */
final class YamlText {

    /**
     * A file that is not text at all (a binary saved as .yaml) would otherwise print one line per byte;
     * past this many, one line says how many more there are.
     */
    static final int MAX_PROBLEMS_PER_FILE = 20;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private YamlText() {
    }

    /**
     * The text of {@code bytes} if every character is one YAML can read in this place; otherwise the
     * problems, each at its line and column, and an empty result.
     */
    static Optional<String> check(byte[] bytes, String file, List<ConfigProblem> problems) {
        TreeMap<Integer, Integer> badBytes = new TreeMap<>();
        String text = decode(bytes, badBytes);
        Scan scan = new Scan(file);
        int index = text.startsWith(String.valueOf(BYTE_ORDER_MARK)) ? 1 : 0;
        boolean inIndentation = true;
        boolean lineHasIndentationProblem = false;
        while (index < text.length()) {
            int c = text.codePointAt(index);
            int width = Character.charCount(c);
            if (badBytes.containsKey(index)) {
                scan.add(String.format(Locale.ROOT, "byte 0x%02X is not UTF-8; save the file as UTF-8", badBytes.get(index)));
                inIndentation = false;
            } else if (isLineBreak(c)) {
                int next = index + width;
                if (c == '\r' && next < text.length() && text.charAt(next) == '\n') {
                    width++;
                }
                scan.newLine();
                inIndentation = true;
                lineHasIndentationProblem = false;
                index += width;
                continue;
            } else if (!isPrintable(c)) {
                scan.add((Character.isISOControl(c) ? "control character " : "character ") + codePoint(c)
                        + " is not allowed in YAML; delete it");
            } else if (inIndentation && c != ' ') {
                Optional<String> indentation = indentationProblem(c);
                if (indentation.isPresent() && !lineHasIndentationProblem) {
                    // One per line: a line indented with four non-breaking spaces is one thing to fix.
                    scan.add(indentation.get());
                    lineHasIndentationProblem = true;
                }
                inIndentation = indentation.isPresent();
            }
            scan.column++;
            index += width;
        }
        problems.addAll(scan.problems());
        return scan.found == 0 ? Optional.of(text) : Optional.empty();
    }

    /**
     * Decodes strictly: every byte sequence that is not UTF-8 becomes one U+FFFD in the text, and
     * {@code badBytes} maps its index in the text to its first byte.
     */
    private static String decode(byte[] bytes, TreeMap<Integer, Integer> badBytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never gives more chars than bytes, and each bad sequence (one byte or more) gives one.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                badBytes.put(out.position(), bytes[in.position()] & 0xFF);
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                decoder.flush(out);
                break;
            }
        }
        out.flip();
        return out.toString();
    }

    /** What is wrong with {@code c} where indentation belongs, if anything; an ordinary space is fine. */
    private static Optional<String> indentationProblem(int c) {
        if (c == '\t') {
            return Optional.of("a tab is used for indentation; YAML allows only spaces there, so replace it with spaces");
        }
        if (c == '\u00A0') {
            return Optional.of("a non-breaking space (U+00A0) is used for indentation; replace it with ordinary spaces");
        }
        if (Character.isSpaceChar(c) || c == '\u200B' || c == BYTE_ORDER_MARK) {
            return Optional.of("a non-ASCII space (" + codePoint(c) + ") is used for indentation; replace it with ordinary spaces");
        }
        return Optional.empty();
    }

    /** YAML 1.1's line breaks, which SnakeYAML counts lines by. */
    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** YAML's printable set (spec 1.1 section 5.1), which SnakeYAML enforces. */
    private static boolean isPrintable(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /** Where the walk is, and what it found. */
    private static final class Scan {

        private final String file;
        private final List<ConfigProblem> problems = new java.util.ArrayList<>();
        private int line = 1;
        private int column = 1;
        private int found;
        private Location firstUnlisted;

        Scan(String file) {
            this.file = file;
        }

        void newLine() {
            line++;
            column = 1;
        }

        void add(String message) {
            found++;
            if (found <= MAX_PROBLEMS_PER_FILE) {
                problems.add(new ConfigProblem(new Location(file, line, column), "", message));
            } else if (firstUnlisted == null) {
                firstUnlisted = new Location(file, line, column);
            }
        }

        List<ConfigProblem> problems() {
            if (firstUnlisted != null) {
                problems.add(new ConfigProblem(firstUnlisted, "", (found - MAX_PROBLEMS_PER_FILE)
                        + " more characters from here on cannot be read as YAML; is this a text file saved as UTF-8?"));
            }
            return problems;
        }
    }
}
