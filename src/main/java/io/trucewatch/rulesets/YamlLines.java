package io.trucewatch.rulesets;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a key path such as {@code parties[2].actors[0]} in a YAML text, so that a
 * configuration error points at the line to fix. Jackson's own locations are unreliable for records
 * (it buffers a whole object before it complains).
 */
public final class YamlLines {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private YamlLines() {
    }

    /** The 1-based line of the deepest node of {@code keyPath} that exists, or 0 if none does. */
    public static int lineOf(String yaml, String keyPath) {
        Node node = compose(yaml);
        return node == null ? 0 : lineOf(node, keyPath);
    }

    /**
     * The 1-based line of each item of the sequence under the top-level {@code key}, in order (empty
     * if there is none). One parse for the whole file: a scenario file of a hundred entries asked
     * {@link #lineOf} per entry would be parsed a hundred times, at every start-up and activation.
     */
    public static List<Integer> itemLines(String yaml, String key) {
        Node node = compose(yaml);
        List<Integer> lines = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)
                        && tuple.getValueNode() instanceof SequenceNode sequence) {
                    lines.clear();
                    sequence.getValue().forEach(item -> lines.add(item.getStartMark().getLine() + 1));
                }
            }
        }
        return lines;
    }

    private static Node compose(String yaml) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int lineOf(Node root, String keyPath) {
        Node node = root;
        int line = 0;
        for (Object segment : segments(keyPath)) {
            Node next = null;
            if (segment instanceof String key && node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                        line = tuple.getKeyNode().getStartMark().getLine() + 1;
                        next = tuple.getValueNode();
                    }
                }
            } else if (segment instanceof Integer index && node instanceof SequenceNode sequence
                    && index < sequence.getValue().size()) {
                next = sequence.getValue().get(index);
                line = next.getStartMark().getLine() + 1;
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return line;
    }

    private static List<Object> segments(String keyPath) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(keyPath);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        return segments;
    }
}
