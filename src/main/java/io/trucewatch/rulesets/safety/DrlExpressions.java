package io.trucewatch.rulesets.safety;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL constraint as a Java expression, so that Java's parser can check it. DRL adds a few infix
 * operators to Java's ({@code in (…)}, {@code contains}, {@code memberOf}, {@code excludes}, each
 * optionally negated with {@code not}) and a binding prefix ({@code $x : field}); they are rewritten
 * into Java of the same shape ({@code ==} and a call to {@link #IN}) outside string literals. Any
 * other DRL-only syntax (MVEL casts, half constraints, {@code matches}, {@code str[…]}) then fails
 * to parse and is refused: the rules of this service do not need it.
 */
final class DrlExpressions {

    /** The stand-in for {@code in (…)}: its arguments are checked like any other expression. */
    static final String IN = "__in";

    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_]\\w*)\\s*:(?!:)");
    private static final Pattern OPERATOR = Pattern.compile(
            "(?:not\\s+)?(?:(in)(?=\\s*\\()|contains|memberOf|excludes)(?![\\w$])");

    private DrlExpressions() {
    }

    /** The variable a constraint binds ({@code $side : side} binds {@code $side}), or null. */
    static String binding(String constraint) {
        Matcher m = BINDING.matcher(constraint);
        return m.find() ? m.group(1) : null;
    }

    static String toJava(String constraint) {
        Matcher binding = BINDING.matcher(constraint);
        String text = binding.find() ? constraint.substring(binding.end()) : constraint;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(text, i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            boolean wordStart = i == 0 || !(Character.isJavaIdentifierPart(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
            if (wordStart && Character.isLetter(c)) {
                Matcher op = OPERATOR.matcher(text).region(i, text.length());
                if (op.lookingAt()) {
                    out.append(op.group(1) != null ? "== " + IN : "==");
                    i = op.end();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
