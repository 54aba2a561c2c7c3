package io.vigie.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML configuration file, kept as a tree that remembers the line of every key so each stage can bind its
 * own section into records and report a bad value by key and line. {@code ${NAME}} in a value is replaced by the
 * environment variable NAME ({@code ${NAME:-default}} gives a default), so secrets stay out of the file.
 */
public final class ConfigDocument {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final String origin;
    private final JsonNode root;
    private final Map<String, Integer> lineByPointer;
    private final ObjectMapper binder;

    private ConfigDocument(String origin, JsonNode root, Map<String, Integer> lineByPointer) {
        this.origin = origin;
        this.root = root;
        this.lineByPointer = lineByPointer;
        this.binder = VigieJson.newMapper()
                .copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static ConfigDocument read(Path file, Function<String, String> environment) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), environment);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", 0, "no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", 0, "cannot read: " + e.getMessage());
        }
    }

    public static ConfigDocument read(Path file) {
        return read(file, System::getenv);
    }

    public static ConfigDocument parse(String yaml, String origin, Function<String, String> environment) {
        Map<String, Integer> lines = new HashMap<>();
        YAMLFactory yamlFactory = new YAMLFactory();
        try (JsonParser parser = yamlFactory.createParser(yaml)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonLocation at = parser.currentTokenLocation();
                String pointer = t == JsonToken.FIELD_NAME
                        ? parser.getParsingContext().pathAsPointer().toString()
                        : pointerOfValue(parser);
                lines.putIfAbsent(pointer, at.getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin, "", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(origin, "", 0, "cannot read: " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = new ObjectMapper(yamlFactory).readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(origin, "", 0, "not valid YAML: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = new ObjectMapper().createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(origin, "", 1, "the top level must be a mapping of sections (kafka, brands, …)");
        }
        ConfigDocument document = new ConfigDocument(origin, tree, lines);
        document.substituteEnvironment(tree, "", environment);
        return document;
    }

    /** The pointer of a scalar or container value; inside an array the parser's context already names the index. */
    private static String pointerOfValue(JsonParser parser) {
        var context = parser.getParsingContext();
        if (parser.currentToken().isStructStart()) {
            context = context.getParent();
        }
        return context == null ? "" : context.pathAsPointer().toString();
    }

    private void substituteEnvironment(JsonNode node, String pointer, Function<String, String> environment) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + escape(field.getKey());
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(expand(field.getValue().textValue(), child, environment)));
                } else {
                    substituteEnvironment(field.getValue(), child, environment);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = pointer + "/" + i;
                if (node.get(i).isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node)
                            .set(i, new TextNode(expand(node.get(i).textValue(), child, environment)));
                } else {
                    substituteEnvironment(node.get(i), child, environment);
                }
            }
        }
    }

    private String expand(String value, String pointer, Function<String, String> environment) {
        Matcher m = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = environment.apply(m.group(1));
            if (replacement == null) {
                replacement = m.group(2);
            }
            if (replacement == null) {
                throw new ConfigException(origin, dotted(pointer), lineOfPointer(pointer),
                        "environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A document with no section: every stage falls back to its defaults ({@code vigie local} without --config). */
    public static ConfigDocument empty(String origin) {
        return parse("", origin, name -> null);
    }

    /**
     * A copy with the dotted {@code key} (no list indices) set to {@code value}, for a command-line option that
     * overrides the file, e.g. {@code vigie local --http-port} setting {@code dashboards.http.port}. Errors about the
     * key still point at the line of the key, or of its nearest parent, in the file.
     */
    public ConfigDocument withValue(String key, Object value) {
        if (key.isEmpty() || key.contains("[")) {
            throw new IllegalArgumentException("a dotted key without list indices is required, not '" + key + "'");
        }
        JsonNode copy = root.deepCopy();
        ObjectNode parent = (ObjectNode) copy;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        parent.set(parts[parts.length - 1], binder.valueToTree(value));
        return new ConfigDocument(origin, copy, lineByPointer);
    }

    public String origin() {
        return origin;
    }

    /** True when the dotted key (e.g. {@code alerting.receivers}) is present. */
    public boolean has(String key) {
        return !node(key).isMissingNode();
    }

    /** The raw subtree at a dotted key, or a missing node. */
    public JsonNode node(String key) {
        return key.isEmpty() ? root : root.at(toPointer(key));
    }

    /**
     * Binds the section at {@code key} to a record, or returns {@code absent} when the section is not in the file.
     * Unknown keys, wrong types and missing primitives are refused with the key and line.
     */
    public <T> T bind(String key, Class<T> type, T absent) {
        JsonNode section = node(key);
        if (section.isMissingNode() || section.isNull()) {
            return absent;
        }
        try {
            return binder.treeToValue(section, type);
        } catch (JsonMappingException e) {
            String subPath = pathOf(e);
            String fullKey = subPath.isEmpty() ? key : key + (subPath.startsWith("[") ? "" : ".") + subPath;
            Throwable cause = rootCause(e);
            String problem = cause instanceof IllegalArgumentException && cause != e
                    ? cause.getMessage()
                    : e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "");
            throw error(fullKey, problem);
        } catch (JsonProcessingException e) {
            throw error(key, e.getOriginalMessage());
        }
    }

    /** Binds a required section. */
    public <T> T bind(String key, Class<T> type) {
        T value = bind(key, type, null);
        if (value == null) {
            throw error(key, "this section is required");
        }
        return value;
    }

    /** An error about a dotted key, with the line where that key (or its nearest present parent) stands. */
    public ConfigException error(String key, String problem) {
        return new ConfigException(origin, key, lineOf(key), problem);
    }

    /** 1-based line of a dotted key, or of its nearest present parent, or 0. */
    public int lineOf(String key) {
        return lineOfPointer(toPointer(key).toString());
    }

    private int lineOfPointer(String pointer) {
        while (!pointer.isEmpty()) {
            Integer line = lineByPointer.get(pointer);
            if (line != null) {
                return line;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return 0;
    }

    /** {@code /a/b/2/c} → {@code a.b[2].c}. */
    private static String dotted(String pointer) {
        StringBuilder key = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.matches("\\d+")) {
                key.append('[').append(part).append(']');
            } else {
                if (key.length() > 0) {
                    key.append('.');
                }
                key.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return key.toString();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    /** {@code a.b[2].c} → {@code /a/b/2/c}. */
    static JsonPointer toPointer(String key) {
        if (key.isEmpty()) {
            return JsonPointer.empty();
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : key.split("\\.")) {
            Matcher m = Pattern.compile("([^\\[]*)((?:\\[\\d+])*)").matcher(part);
            if (!m.matches()) {
                pointer.append('/').append(escape(part));
                continue;
            }
            if (!m.group(1).isEmpty()) {
                pointer.append('/').append(escape(m.group(1)));
            }
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (index.find()) {
                pointer.append('/').append(index.group(1));
            }
        }
        return JsonPointer.compile(pointer.toString());
    }

}
