package io.github.nps4j.synthetic;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** A tiny deterministic JSON writer: maps are written in their iteration order (callers pass sorted maps). */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == '<' || c == '>' || c == '&') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Writes a finite double so that it reads back exactly, without exponent where possible. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    String write(Object value) {
        value(value);
        out.append('\n');
        return out.toString();
    }

    private void value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            out.append(quote(s));
        } else if (v instanceof Double d) {
            out.append(number(d));
        } else if (v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(m);
        } else if (v instanceof Collection<?> c) {
            array(c);
        } else {
            out.append(quote(v.toString()));
        }
    }

    private void object(Map<?, ?> m) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        depth++;
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline();
            out.append(quote(e.getKey().toString())).append(": ");
            value(e.getValue());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        depth--;
        newline();
        out.append('}');
    }

    private void array(Collection<?> c) {
        boolean simple = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection);
        if (c.isEmpty() || simple) {
            out.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                value(it.next());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
            return;
        }
        out.append('[');
        depth++;
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            newline();
            value(it.next());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        depth--;
        newline();
        out.append(']');
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
