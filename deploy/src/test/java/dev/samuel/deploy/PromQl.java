package dev.samuel.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. Not a parser: it removes what cannot be a metric name (strings,
 * label matchers, ranges, Grafana variables, grouping label lists), then keeps the identifiers that are neither
 * a function or aggregation (followed by '(') nor a keyword. Enough for dashboard queries; PromQlTest pins it.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan", "Inf", "NaN");
    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[A-Za-z_:][A-Za-z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        var text = STRING.matcher(expr).replaceAll(" \"\" ");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = VARIABLE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        var names = new TreeSet<String>();
        var identifiers = IDENTIFIER.matcher(text);
        while (identifiers.find()) {
            var name = identifiers.group();
            if (!KEYWORDS.contains(name) && !isCall(text, identifiers.end())) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isCall(String text, int end) {
        var rest = text.substring(end).stripLeading();
        return rest.startsWith("(");
    }
}
