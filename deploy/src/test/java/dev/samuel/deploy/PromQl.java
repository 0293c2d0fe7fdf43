package dev.samuel.deploy;

import java.util.ArrayList;
import java.util.List;
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

    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.:])([A-Za-z_:][A-Za-z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Pattern GROUPING_LABELS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

    /** One label matcher of a selector: {@code label op "value"}. */
    record Matcher(String label, String op, String value) {
    }

    /** A series selector with its label matchers: {@code metric{label="value", ...}}. */
    record Selector(String metric, List<Matcher> matchers) {
    }

    private PromQl() {
    }

    /** The selectors of an expression that name a metric and match labels. */
    static List<Selector> selectors(String expr) {
        var selectors = new ArrayList<Selector>();
        var found = SELECTOR.matcher(expr);
        while (found.find()) {
            var matchers = MATCHER.matcher(found.group(2)).results()
                    .map(m -> new Matcher(m.group(1), m.group(2), m.group(3))).toList();
            selectors.add(new Selector(found.group(1), matchers));
        }
        return selectors;
    }

    /** The labels named by by, without, on, ignoring, group_left and group_right. */
    static Set<String> groupingLabels(String expr) {
        var labels = new TreeSet<String>();
        var text = STRING.matcher(expr).replaceAll(" \"\" ");
        var found = GROUPING_LABELS.matcher(text);
        while (found.find()) {
            for (var label : found.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        return labels;
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
