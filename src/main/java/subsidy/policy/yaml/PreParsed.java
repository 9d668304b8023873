package subsidy.policy.yaml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled YAML files (the default policy and the size table it includes) as {@link YamlTree} reads
 * them, parsed at build time and kept in the jar as trees: a run on the default policy then builds its
 * tree from a few kilobytes of plain records instead of starting the general YAML parser, which was a
 * third of a small run's time (issue 21). {@link YamlTree#parse} takes a tree from here only when the
 * text it is given is, to the byte, one the trees were made from (by SHA-256), so a policy edited on
 * disk, or any other, is parsed as always; {@code PreParsedTest} holds every tree to the parser's.
 *
 * <p>The resource is a list of (SHA-256 of the text, tree); a tree is written depth first: a tag
 * (mapping, list, value, null), its line, then for a mapping each key with its line and value, for a
 * list each item, for a value its UTF-8 bytes.
 */
public final class PreParsed {
    static final String RESOURCE = "/subsidy/policy/yaml/preparsed.bin";
    private static final byte MAPPING = 1;
    private static final byte SEQUENCE = 2;
    private static final byte SCALAR = 3;
    private static final byte NULL = 4;
    /** By the SHA-256 of the text: the encoded tree. Read when first needed. */
    private static volatile Map<String, byte[]> trees;

    private PreParsed() {
    }

    /** The tree of {@code text} when it is one of the bundled files, else null (parse it). */
    static Node of(String text) {
        Map<String, byte[]> t = trees();
        if (t.isEmpty()) {
            return null;
        }
        byte[] tree = t.get(subsidy.Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
        return tree == null ? null : decode(tree);
    }

    private static Map<String, byte[]> trees() {
        Map<String, byte[]> t = trees;
        if (t == null) {
            t = new HashMap<>();
            try (InputStream in = PreParsed.class.getResourceAsStream(RESOURCE)) {
                if (in != null) { // a build without them (the tests' own classes) parses every text
                    DataInputStream d = new DataInputStream(in);
                    int n = d.readInt();
                    for (int i = 0; i < n; i++) {
                        String sha = d.readUTF();
                        byte[] tree = new byte[d.readInt()];
                        d.readFully(tree);
                        t.put(sha, tree);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            trees = t;
        }
        return t;
    }

    /** The tree as bytes. */
    static byte[] encode(Node node) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            write(node, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static Node decode(byte[] tree) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Node node, DataOutputStream out) throws IOException {
        if (node instanceof Node.Mapping m) {
            out.writeByte(MAPPING);
            out.writeInt(m.line());
            out.writeInt(m.entries().size());
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                text(e.getKey(), out);
                out.writeInt(m.keyLines().get(e.getKey()));
                write(e.getValue(), out);
            }
        } else if (node instanceof Node.Sequence s) {
            out.writeByte(SEQUENCE);
            out.writeInt(s.line());
            out.writeInt(s.items().size());
            for (Node item : s.items()) {
                write(item, out);
            }
        } else {
            Node.Scalar s = (Node.Scalar) node;
            out.writeByte(s.text() == null ? NULL : SCALAR);
            out.writeInt(s.line());
            if (s.text() != null) {
                text(s.text(), out);
            }
        }
    }

    private static Node read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        int line = in.readInt();
        switch (tag) {
            case MAPPING -> {
                int n = in.readInt();
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = text(in);
                    keyLines.put(key, in.readInt());
                    entries.put(key, read(in));
                }
                return new Node.Mapping(entries, keyLines, line);
            }
            case SEQUENCE -> {
                int n = in.readInt();
                List<Node> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(read(in));
                }
                return new Node.Sequence(items, line);
            }
            case SCALAR -> {
                return new Node.Scalar(text(in), line);
            }
            case NULL -> {
                return new Node.Scalar(null, line);
            }
            default -> throw new IOException("not a tree: tag " + tag);
        }
    }

    private static void text(String s, DataOutputStream out) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * The build's step (pom.xml, process-classes): parses each file given with the general parser and
     * writes the trees to {@code out}. A file that does not parse cleanly fails the build.
     *
     * @param args the output file, then the YAML files
     */
    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(args.length - 1);
        for (int i = 1; i < args.length; i++) {
            byte[] bytes = Files.readAllBytes(Path.of(args[i]));
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            Node root = YamlTree.parseText(text, Problems.english(problems));
            if (root == null || !problems.isEmpty()) {
                throw new IllegalStateException(args[i] + ": " + problems);
            }
            byte[] tree = encode(root);
            out.writeUTF(subsidy.Sha256.of(bytes));
            out.writeInt(tree.length);
            out.write(tree);
        }
        out.flush();
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Files.write(target, b.toByteArray());
    }
}
