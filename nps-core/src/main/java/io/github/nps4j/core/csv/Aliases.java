package io.github.nps4j.core.csv;

/** The normalisation under which aliases are compared: case, blanks, {@code _} and {@code -} ignored. */
final class Aliases {
    private Aliases() {
    }

    static String key(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
