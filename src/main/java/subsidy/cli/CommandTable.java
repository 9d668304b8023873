package subsidy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.IScoped;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's model of the commands that run a batch ({@link #COMMANDS}), written down by the build and built
 * again from that record when one of them runs without help.
 *
 * <p>Why: picocli builds its model by reading the commands' annotations, and for each kind of annotation
 * read the JDK generates a class at run time, which no class-data archive holds. For a county's batch of a
 * few thousand rows that reading was a sixth of the run (issue 21; {@code bench/command-model}). Built from
 * the record, the model is made with picocli's programmatic API and the fields are bound by name: no
 * annotation is read.
 *
 * <p>The annotations stay the one description of the commands. The build runs {@link #main} after compiling,
 * which writes {@value #RESOURCE} from the model picocli reads from them; {@code CommandTableTest} checks
 * that the model built from the record is that model, argument by argument, and that both parse command
 * lines alike. Help, the man page and completion are still made from the annotations (the record holds no
 * description), and so is everything when the record is missing or older than the classes (a build that
 * compiled them and did not write it again: {@link #current}).
 *
 * <p>The record is a text, one line per thing, its fields separated by tabs: {@code command NAME CLASS};
 * {@code mixin PATH NAME FIELD CLASS} (an object mixed into the one at {@code PATH}, the names of the mixins
 * from the command down joined by {@code /}; {@code FIELD} is {@code -} for picocli's standard help);
 * {@code group PATH FIELD CLASS exclusive=… multiplicity=… validate=…}; {@code spec PATH FIELD TARGET} (a
 * {@code @Spec} field and the object whose spec it is given); {@code parent PATH FIELD}; {@code version
 * CLASS}; {@code option PATH FIELD key=value…} in the command's order (positional parameters are not
 * recorded: none of these commands has one); {@code class NAME CRC}, the fingerprint of each class whose
 * annotations made it. The lines of the top command come first, then those of the subcommand (each after
 * its {@code command} line, which names it); a section
 * {@code # NAME} holds both for each of {@link #COMMANDS}. What the record cannot hold fails the build,
 * named.
 */
final class CommandTable {
    /** The record, beside this class. */
    static final String RESOURCE = "commands.table";

    /** The commands built from the record: those that run a batch and may run without showing help. */
    static final Set<String> COMMANDS = Set.of("calc", "explain", "verify");

    private static final String STANDARD_HELP = "mixinStandardHelpOptions";

    private CommandTable() {
    }

    /**
     * Writes the record of {@link #COMMANDS} to the file {@code args[0]} and the source of {@value #FIELDS_CLASS}
     * under the folder {@code args[1]}; the build calls it after compiling, compiles the source, and only then
     * puts the record beside the classes. A command the record cannot hold fails the build with a line that
     * says why, and leaves the record of the last good build, which its fingerprints tell apart from the
     * classes.
     */
    public static void main(String[] args) throws IOException {
        String records;
        String source;
        try {
            records = records();
            source = fieldsSource(records);
        } catch (RuntimeException e) { // a refusal says what; anything else is named as it is
            System.err.println("CommandTable: " + (e instanceof IllegalStateException ? e.getMessage() : e));
            System.exit(1);
            return;
        }
        Path file = Path.of(args[1], FIELDS_CLASS.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Files.createDirectories(Path.of(args[0]).toAbsolutePath().getParent());
        Files.writeString(Path.of(args[0]), records, StandardCharsets.UTF_8);
    }

    /** The record of every command of {@link #COMMANDS}, read from their annotations: the resource's text. */
    static String records() {
        StringBuilder out = new StringBuilder();
        for (String name : COMMANDS.stream().sorted().toList()) {
            out.append(record(Main.commandLine(new Std(System.out, System.err), subsidy.config.Configuration.NONE,
                    subsidy.text.Lang.EN, false, name), name));
        }
        return out.toString();
    }

    /** The record of the top command and its subcommand {@code name}, as {@code root} models them. */
    static String record(CommandLine root, String name) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(name).append('\n');
        command(root.getCommandSpec(), root.getCommandSpec().name(), true, out);
        command(root.getSubcommands().get(name).getCommandSpec(), name, false, out);
        return out.toString();
    }

    private static void command(CommandSpec spec, String name, boolean top, StringBuilder out) {
        line(out, "command", name, spec.userObject().getClass().getName());
        Map<Object, String> paths = new IdentityHashMap<>();
        Map<CommandSpec, String> specs = new IdentityHashMap<>();
        objects(spec, "", paths, specs, out);
        for (ArgGroupSpec g : spec.argGroups()) {
            Field field = groupField(g, paths);
            String owner = paths.get(ownerOf(field, paths));
            String path = join(owner, field.getName());
            line(out, "group", path, field.getName(), g.typeInfo().getType().getName(), "exclusive=" + g.exclusive(),
                    "multiplicity=" + g.multiplicity(), "validate=" + g.validate());
            if (!g.subgroups().isEmpty()) {
                throw new IllegalStateException("an argument group within a group is not recorded: " + path);
            }
        }
        for (Map.Entry<Object, String> o : sorted(paths)) {
            for (Field f : fields(o.getKey().getClass())) {
                if (f.isAnnotationPresent(CommandLine.Spec.class)) {
                    Object target = get(f, o.getKey());
                    String to = target == null ? null : specs.get(target);
                    if (to == null) {
                        throw new IllegalStateException("@Spec given no spec of this command: " + f);
                    }
                    line(out, "spec", o.getValue(), f.getName(), to);
                } else if (f.isAnnotationPresent(CommandLine.ParentCommand.class)) {
                    line(out, "parent", o.getValue(), f.getName());
                } else if (f.isAnnotationPresent(CommandLine.Unmatched.class)) {
                    throw new IllegalStateException("@Unmatched is not recorded: " + f);
                }
            }
        }
        if (spec.versionProvider() != null) {
            line(out, "version", spec.versionProvider().getClass().getName());
        }
        for (ArgSpec a : spec.args()) {
            Field f = (Field) a.userObject();
            Object owner = a.group() != null ? null : ownerOf(f, paths);
            String path = a.group() != null ? groupPath(a.group(), paths) : paths.get(owner);
            if (!a.isOption()) {
                throw new IllegalStateException("a positional parameter is not recorded: " + f);
            }
            List<String> fields = new ArrayList<>(List.of("option", path, f.getName()));
            fields.addAll(attributes(a));
            line(out, fields.toArray(String[]::new));
        }
        if (!spec.unmatchedArgsBindings().isEmpty() || spec.defaultValueProvider() != null
                || !spec.subcommands().isEmpty() && !top
                || !spec.preprocessor().getClass().getSimpleName().equals("NoOpParameterPreprocessor")
                || spec.argGroups().stream().anyMatch(g -> !g.specElements().isEmpty())
                || spec.exitCodeOnSuccess() != 0 || spec.exitCodeOnUsageHelp() != 0 || spec.exitCodeOnVersionHelp() != 0
                || spec.exitCodeOnInvalidInput() != 2 || spec.exitCodeOnExecutionException() != 1
                || !"=".equals(spec.parser().separator()) || spec.subcommandsRepeatable() || spec.helpCommand()) {
            throw new IllegalStateException("a part of " + spec.qualifiedName() + " the record does not hold");
        }
        // The fingerprints of the classes whose annotations made this model: a build that compiles them and
        // does not write the record again (an IDE, mvn compile) leaves a record they tell apart (current()).
        java.util.TreeSet<String> classes = new java.util.TreeSet<>();
        paths.keySet().forEach(o -> classes.add(o.getClass().getName()));
        spec.argGroups().forEach(g -> classes.add(g.typeInfo().getType().getName()));
        classes.add(CommandTable.class.getName()); // the record's own form, and how it is read back
        for (String c : classes) {
            line(out, "class", c, Long.toString(crc(c)));
        }
    }

    /** The CRC-32 of the class file of {@code className} as this class's loader finds it; -1 if it finds none. */
    private static long crc(String className) {
        try (InputStream in = CommandTable.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return -1;
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(in.readAllBytes());
            return crc.getValue();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Whether the classes are those the record was made from. Checked only where the classes are files in a
     * directory (a development build: an IDE or {@code mvn compile} may have compiled them since); a jar is
     * made by the build that writes the record.
     */
    static boolean current(List<String[]> lines) {
        return Loaded.IN_JAR || fingerprinted(lines);
    }

    /** Whether the record has fingerprints, and each is the class's as found now (one without any is older). */
    static boolean fingerprinted(List<String[]> lines) {
        boolean any = false;
        for (String[] l : lines) {
            if (l[0].equals("class")) {
                if (l.length != 3 || crc(l[1]) != Long.parseLong(l[2])) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The command's objects: its own, and its mixins' (depth first, picocli's standard help too). */
    private static void objects(CommandSpec spec, String path, Map<Object, String> paths, Map<CommandSpec, String> specs,
            StringBuilder out) {
        paths.put(spec.userObject(), path);
        specs.put(spec, path);
        for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
            String field = "-"; // the field that holds the mixin (picocli's standard help has none)
            for (Field f : fields(spec.userObject().getClass())) {
                if (get(f, spec.userObject()) == m.getValue().userObject()) {
                    field = f.getName();
                }
            }
            if (field.equals("-") && !m.getKey().equals(STANDARD_HELP)) {
                throw new IllegalStateException("a mixin without a field: " + m.getKey());
            }
            String sub = join(path, m.getKey());
            line(out, "mixin", path, m.getKey(), field, m.getValue().userObject().getClass().getName());
            objects(m.getValue(), sub, paths, specs, out);
        }
    }

    /** What picocli reads of an option or positional parameter when it parses (descriptions are help's). */
    static List<String> attributes(ArgSpec a) {
        List<String> out = new ArrayList<>();
        if (a instanceof OptionSpec o) {
            out.add("names=" + String.join(",", o.names()));
            out.add("usageHelp=" + o.usageHelp());
            out.add("versionHelp=" + o.versionHelp());
            out.add("help=" + o.help());
            out.add("negatable=" + o.negatable());
            if (o.fallbackValue() != null) {
                out.add("fallback=" + o.fallbackValue());
            }
        }
        if (!a.arity().isUnspecified()) {
            out.add("arity=" + a.arity());
        }
        out.add("required=" + a.required());
        out.add("paramLabel=" + a.paramLabel());
        out.add("type=" + a.type().getName());
        out.add("aux=" + String.join(",", Arrays.stream(a.auxiliaryTypes()).map(Class::getName).toList()));
        if (a.parameterConsumer() != null || a.inherited() || a.scopeType() != CommandLine.ScopeType.LOCAL
                || a.typeInfo().isMap() || a.defaultValue() != null && a.defaultValue().contains("${")
                || a instanceof OptionSpec o && o.fallbackValue() != null && o.fallbackValue().contains("${")) {
            // (a default's variables would be read on the build's machine)
            throw new IllegalStateException("an argument the record does not hold: " + a);
        }
        if (a.defaultValue() != null) {
            out.add("default=" + a.defaultValue());
        }
        if (!a.splitRegex().isEmpty()) {
            out.add("split=" + a.splitRegex());
        }
        out.add("converters=" + String.join(",", Arrays.stream(a.converters()).map(c -> c.getClass().getName()).toList()));
        out.add("interactive=" + a.interactive());
        out.add("hidden=" + a.hidden());
        // Not read back: what the two models must agree on, which the test compares. (The generic type's
        // arguments are not among them: picocli reads them only for an @Unmatched field, which is not recorded.)
        if (a.group() == null) { // a group's are read from the object picocli makes for it, when it makes it
            out.add("(initial=" + a.hasInitialValue() + ":" + a.initialValue() + ")");
        }
        out.add("(candidates=" + (a.completionCandidates() == null ? "" : String.join(",", a.completionCandidates())) + ")");
        return out;
    }

    // ---------------------------------------------------------------- building the model again

    /** Whether the model of {@code name} can be built from the record (it is one of ours and the build wrote it). */
    static boolean has(String name) {
        return name != null && COMMANDS.contains(name) && lines().containsKey(name) && fields() != null
                && current(lines().get(name));
    }

    /**
     * The top command {@code main} with its subcommand {@code name}, built from the record; as
     * {@code new CommandLine(main)} with that subcommand added would build them.
     */
    static CommandLine commandLine(Object main, String name) {
        return commandLine(main, lines().get(name));
    }

    /** As {@link #commandLine(Object, String)}, from the lines of a record's section. */
    static CommandLine commandLine(Object main, List<String[]> lines) {
        CommandLine root = null;
        int i = 0;
        while (i < lines.size()) {
            int end = i + 1;
            while (end < lines.size() && !lines.get(end)[0].equals("command")) {
                end++;
            }
            String[] head = lines.get(i);
            if (root == null) {
                root = new CommandLine(build(main, head[1], lines.subList(i + 1, end), main));
            } else {
                CommandSpec sub = build(instance(head[2]), head[1], lines.subList(i + 1, end), main);
                root.addSubcommand(head[1], new CommandLine(sub));
            }
            i = end;
        }
        return root;
    }

    private static CommandSpec build(Object user, String name, List<String[]> lines, Object main) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(user).name(name);
        Map<String, Object> objects = new HashMap<>();
        Map<String, CommandSpec> specs = new HashMap<>();
        objects.put("", user);
        specs.put("", spec);
        Map<String, Binding.Scope> groupScopes = new HashMap<>();
        Map<String, Class<?>> groupTypes = new HashMap<>();
        Map<String, ArgGroupSpec.Builder> groups = new HashMap<>();
        // What each spec takes, in the order picocli gives reading the annotations: its own arguments, its
        // groups, and each mixin where the mixin's first argument comes.
        Map<String, List<Object>> items = new LinkedHashMap<>();
        items.put("", new ArrayList<>());
        for (String[] l : lines) {
            switch (l[0]) {
                case "mixin" -> {
                    String path = join(l[1], l[2]);
                    Object owner = objects.get(l[1]);
                    Object mixin = l[3].equals("-") ? instance(l[4]) : existingOrNew(owner, l[3], l[4]);
                    objects.put(path, mixin);
                    specs.put(path, CommandSpec.wrapWithoutInspection(mixin));
                    items.put(path, new ArrayList<>());
                }
                case "group" -> {
                    Object owner = objects.get(parent(l[1]));
                    Binding holder = new Binding(new Binding.Scope(owner), owner.getClass(), l[2]);
                    Class<?> type = load(l[3]);
                    groupScopes.put(l[1], new Binding.Scope(null));
                    groupTypes.put(l[1], type);
                    groups.put(l[1], ArgGroupSpec.builder()
                            .typeInfo(OptionSpec.builder("--type").type(type).build().typeInfo())
                            .getter(holder).setter(holder).scope(holder.getScope())
                            .exclusive(Boolean.parseBoolean(value(l[4], "exclusive")))
                            .multiplicity(value(l[5], "multiplicity"))
                            .validate(Boolean.parseBoolean(value(l[6], "validate"))));
                }
                case "spec" -> fields().set(objects.get(l[1]), key(objects.get(l[1]).getClass(), l[2]), specs.get(l[3]));
                case "parent" -> fields().set(objects.get(l[1]), key(objects.get(l[1]).getClass(), l[2]), main);
                case "version" -> spec.versionProvider((CommandLine.IVersionProvider) instance(l[1]));
                case "class" -> { } // a fingerprint: current()
                case "option" -> {
                    boolean grouped = groups.containsKey(l[1]);
                    Binding.Scope scope = grouped ? groupScopes.get(l[1]) : new Binding.Scope(objects.get(l[1]));
                    Class<?> owner = grouped ? groupTypes.get(l[1]) : objects.get(l[1]).getClass();
                    // A group's object is made by picocli when one of its options comes, and the option set to
                    // its initial value first: the value its field has in a new object.
                    Binding binding = new Binding(scope, owner, l[2]);
                    OptionSpec arg = option(l, binding, grouped
                            ? new Binding(new Binding.Scope(instance(owner.getName())), owner, l[2]).get() : binding.get());
                    String at = grouped ? parent(l[1]) : l[1];
                    if (grouped) {
                        groups.get(l[1]).addArg(arg);
                        add(items.get(at), l[1]);
                    } else {
                        items.get(at).add(arg);
                    }
                    for (String p = at; !p.isEmpty(); p = parent(p)) {
                        add(items.get(parent(p)), new Mixin(p));
                    }
                }
                default -> throw new IllegalStateException("a line the record does not have: " + l[0]);
            }
        }
        items.keySet().stream().filter(p -> !p.isEmpty()).forEach(p -> add(items.get(parent(p)), new Mixin(p)));
        fill("", specs, items, groups);
        return spec;
    }

    /**
     * A mixin, as an item of its owner's spec. Not a record: a record's equals is bound at run time by a
     * bootstrap method whose classes the JDK generates (ten milliseconds of a run's start, measured).
     */
    private static final class Mixin {
        final String path;

        Mixin(String path) {
            this.path = path;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mixin m && m.path.equals(path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }
    }

    private static void add(List<Object> items, Object item) {
        if (!items.contains(item)) {
            items.add(item);
        }
    }

    private static void fill(String path, Map<String, CommandSpec> specs, Map<String, List<Object>> items,
            Map<String, ArgGroupSpec.Builder> groups) {
        CommandSpec into = specs.get(path);
        for (Object item : items.get(path)) {
            if (item instanceof Mixin m) {
                fill(m.path, specs, items, groups);
                into.addMixin(last(m.path), specs.get(m.path));
            } else if (item instanceof String group) {
                into.addArgGroup(groups.get(group).build());
            } else {
                into.addOption((OptionSpec) item);
            }
        }
    }

    private static OptionSpec option(String[] l, Binding binding, Object initial) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 3; i < l.length; i++) {
            int eq = l[i].indexOf('=');
            if (!l[i].startsWith("(")) {
                v.put(l[i].substring(0, eq), l[i].substring(eq + 1));
            }
        }
        OptionSpec.Builder b = OptionSpec.builder(v.get("names").split(","));
        b.usageHelp(Boolean.parseBoolean(v.get("usageHelp"))).versionHelp(Boolean.parseBoolean(v.get("versionHelp")))
                .help(Boolean.parseBoolean(v.get("help"))).negatable(Boolean.parseBoolean(v.get("negatable")));
        if (v.containsKey("fallback")) {
            b.fallbackValue(v.get("fallback"));
        }
        if (v.containsKey("arity")) {
            b.arity(v.get("arity"));
        }
        b.required(Boolean.parseBoolean(v.get("required"))).paramLabel(v.get("paramLabel")).type(load(v.get("type")));
        if (!v.get("aux").isEmpty()) {
            b.auxiliaryTypes(Arrays.stream(v.get("aux").split(",")).map(CommandTable::load).toArray(Class<?>[]::new));
        }
        if (v.containsKey("default")) {
            b.defaultValue(v.get("default"));
        }
        if (v.containsKey("split")) {
            b.splitRegex(v.get("split"));
        }
        if (!v.get("converters").isEmpty()) {
            b.converters(Arrays.stream(v.get("converters").split(","))
                    .map(c -> (CommandLine.ITypeConverter<?>) instance(c)).toArray(CommandLine.ITypeConverter<?>[]::new));
        }
        b.interactive(Boolean.parseBoolean(v.get("interactive"))).hidden(Boolean.parseBoolean(v.get("hidden")));
        b.userObject(binding.field).getter(binding).setter(binding).scope(binding.getScope());
        return b.initialValue(initial).hasInitialValue(true).build();
    }

    // ---------------------------------------------------------------- the record's text

    private static Map<String, List<String[]>> lines() {
        return Loaded.LINES;
    }

    /** The build's generated accessors of the recorded fields; null where the build did not make them. */
    static Fields fields() {
        return Loaded.FIELDS;
    }

    /** The record and the accessors, read once, when a run first asks for them. */
    private static final class Loaded {
        static final Map<String, List<String[]>> LINES = read();
        static final Fields FIELDS = LINES.isEmpty() ? null : made();
        static final boolean IN_JAR = inJar();

        /**
         * Whether the classes come from an archive (subsidy.jar, or target/subsidy, the jar behind a shell stub,
         * whose name has no .jar): a class path directory's location ends in a slash.
         */
        private static boolean inJar() {
            java.security.CodeSource source = CommandTable.class.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation() != null && !source.getLocation().getPath().endsWith("/");
        }

        private static Map<String, List<String[]>> read() {
            try (InputStream in = CommandTable.class.getResourceAsStream(RESOURCE)) {
                return in == null ? Map.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Map.of(); // the annotations then, as without a record
            }
        }

        private static Fields made() {
            try {
                return (Fields) instance(FIELDS_CLASS);
            } catch (IllegalStateException | LinkageError e) {
                return null; // a build that did not compile them: the annotations then
            }
        }
    }

    /** The record's text, by the command each part is for. */
    private static Map<String, List<String[]>> parse(String text) {
        Map<String, List<String[]>> m = new HashMap<>();
        List<String[]> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# ")) {
                current = new ArrayList<>();
                m.put(line.substring(2), current);
            } else if (current != null && !line.isEmpty()) {
                String[] f = line.split("\t", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = unescape(f[i]);
                }
                current.add(f);
            }
        }
        return m;
    }

    // ---------------------------------------------------------------- the fields, without reflection

    /**
     * Reads and writes the recorded fields by name ({@code class#field}). The build generates the one
     * implementation, {@value #FIELDS_CLASS}, from the record ({@link #fieldsSource}): plain Java that
     * assigns each field, where reflection would have the JDK generate classes at run time (a dozen, about
     * as long as the annotations took to read).
     */
    interface Fields {
        Object get(Object owner, String field);

        void set(Object owner, String field, Object value);
    }

    static final String FIELDS_CLASS = "subsidy.cli.CommandFields";

    static String key(Class<?> owner, String field) {
        return owner.getName() + "#" + field;
    }

    /** Whether code generated in this package can name the class: public, or of this package, and not private. */
    private static boolean reachable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            int m = k.getModifiers();
            if (java.lang.reflect.Modifier.isPrivate(m) || !java.lang.reflect.Modifier.isPublic(m)
                    && !k.getPackageName().equals(CommandTable.class.getPackageName())) {
                return false;
            }
        }
        return c.isPrimitive() || c.getCanonicalName() != null;
    }

    /** Whether generated code in this package can reach the field: one of ours (picocli's are not). */
    private static boolean ours(Field f) {
        return f.getDeclaringClass().getPackageName().equals(CommandTable.class.getPackageName());
    }

    /** The source of {@value #FIELDS_CLASS} for the fields {@code records} names. */
    static String fieldsSource(String records) {
        java.util.TreeMap<String, Field> keys = new java.util.TreeMap<>();
        for (List<String[]> lines : parse(records).values()) {
            Map<String, Class<?>> classes = new HashMap<>();
            for (String[] l : lines) {
                switch (l[0]) {
                    case "command" -> classes.put("", load(l[2]));
                    case "mixin" -> {
                        classes.put(join(l[1], l[2]), load(l[4]));
                        if (!l[3].equals("-")) {
                            keys.put(key(classes.get(l[1]), l[3]), field(classes.get(l[1]), l[3]));
                        }
                    }
                    case "group" -> {
                        classes.put(l[1], load(l[3]));
                        keys.put(key(classes.get(parent(l[1])), l[2]), field(classes.get(parent(l[1])), l[2]));
                    }
                    case "spec", "parent", "option" -> keys.put(key(classes.get(l[1]), l[2]), field(classes.get(l[1]), l[2]));
                    default -> { }
                }
            }
        }
        keys.values().removeIf(f -> !ours(f));
        StringBuilder get = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (Map.Entry<String, Field> k : keys.entrySet()) {
            Field f = k.getValue();
            int m = f.getModifiers();
            if (java.lang.reflect.Modifier.isPrivate(m) || java.lang.reflect.Modifier.isFinal(m)
                    || java.lang.reflect.Modifier.isStatic(m)) {
                throw new IllegalStateException("a field of calc, explain or verify must be neither private, final "
                        + "nor static, for the run's model to set it (cli/CommandTable): " + f);
            }
            String owner = k.getKey().substring(0, k.getKey().indexOf('#'));
            Class<?> t = f.getType();
            for (Class<?> c : new Class<?>[] {load(owner), t.isArray() ? t.getComponentType() : t}) {
                if (!reachable(c)) {
                    throw new IllegalStateException("a class of calc, explain or verify must not be private, for "
                            + "the run's model to set its fields (cli/CommandTable): " + c.getName());
                }
            }
            String cast = "((" + load(owner).getCanonicalName() + ") o)." + f.getName();
            String type = t.isPrimitive() ? java.lang.invoke.MethodType.methodType(t).wrap().returnType().getSimpleName()
                    : t.getCanonicalName();
            get.append("            case \"").append(k.getKey()).append("\": return ").append(cast).append(";\n");
            set.append("            case \"").append(k.getKey()).append("\": ").append(cast).append(" = (").append(type)
                    .append(") v; return;\n");
        }
        return "package subsidy.cli;\n\n"
                + "/** Made by the build (CommandTable.main) from commands.table; not to be edited: see CommandTable.Fields. */\n"
                + "@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n"
                + "final class CommandFields implements CommandTable.Fields {\n"
                + "    @Override\n    public Object get(Object o, String field) {\n        switch (field) {\n" + get
                + "            default: throw new IllegalArgumentException(field);\n        }\n    }\n\n"
                + "    @Override\n    public void set(Object o, String field, Object v) {\n        switch (field) {\n" + set
                + "            default: throw new IllegalArgumentException(field);\n        }\n    }\n}\n";
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : "\t").append(escape(fields[i]));
        }
        out.append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- reflection, without annotations

    /**
     * A field of the object in a scope, read and written by the build's generated code ({@link Fields}): picocli's
     * own binding is not public, and reflection would make the JDK generate classes at run time again. A field of
     * picocli's own (its standard help options) cannot be reached from here: its value is kept in the binding.
     */
    static final class Binding implements IGetter, ISetter, IScoped {
        final Field field;
        private final Scope scope;
        private final String key;
        private Object value;

        Binding(Scope scope, Class<?> owner, String name) {
            this.scope = scope;
            this.field = field(owner, name);
            this.key = ours(field) ? key(owner, name) : null;
            this.value = field.getType() == boolean.class ? Boolean.FALSE : null;
            if (!ours(field) && field.getType() != boolean.class) {
                throw new IllegalStateException("the record binds a field not of this program: " + field);
            }
        }

        @Override
        public IScope getScope() {
            return scope;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) (key == null ? value : fields().get(scope.get(), key));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = get();
            if (key == null) {
                this.value = value;
            } else {
                fields().set(scope.get(), key, value);
            }
            return old;
        }

        /** The object a group's arguments are set on, changed by picocli when it makes the group's object. */
        static final class Scope implements IScope {
            private Object value;

            Scope(Object value) {
                this.value = value;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) value;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) {
                T old = (T) this.value;
                this.value = value;
                return old;
            }
        }
    }

    private static Class<?> load(String name) {
        switch (name) {
            case "boolean": return boolean.class;
            case "int": return int.class;
            case "long": return long.class;
            default:
                try {
                    return Class.forName(name, false, CommandTable.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("the record names a class this build has not: " + name, e);
                }
        }
    }

    private static Object instance(String className) {
        try {
            var c = load(className).getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + className, e);
        }
    }

    private static Object existingOrNew(Object owner, String field, String className) {
        String key = key(owner.getClass(), field);
        Object o = fields().get(owner, key);
        if (o == null) {
            o = instance(className);
            fields().set(owner, key, o);
        }
        return o;
    }

    private static Field field(Class<?> c, String name) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                Field f = k.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // the superclass's, then
            }
        }
        throw new IllegalStateException("the record names a field " + c.getName() + " has not: " + name);
    }

    private static Object get(Field f, Object owner) {
        try {
            f.setAccessible(true);
            return f.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            out.addAll(Arrays.asList(k.getDeclaredFields()));
        }
        return out;
    }

    private static Object ownerOf(Field f, Map<Object, String> paths) {
        return only(paths.keySet().stream().filter(o -> f.getDeclaringClass().isInstance(o)).toList(),
                "object of the command with " + f);
    }

    private static Field groupField(ArgGroupSpec g, Map<Object, String> paths) {
        return only(paths.keySet().stream().flatMap(o -> fields(o.getClass()).stream())
                .filter(f -> f.isAnnotationPresent(CommandLine.ArgGroup.class) && f.getType() == g.typeInfo().getType())
                .toList(), "field holding the group " + g);
    }

    /** The one thing found; the record cannot say which of several, nor name none. */
    private static <T> T only(List<T> found, String what) {
        if (found.size() != 1) {
            throw new IllegalStateException((found.isEmpty() ? "no " : "more than one ") + what);
        }
        return found.get(0);
    }

    private static String groupPath(ArgGroupSpec g, Map<Object, String> paths) {
        Field f = groupField(g, paths);
        return join(paths.get(ownerOf(f, paths)), f.getName());
    }

    private static String groupClass(List<String[]> lines, String path) {
        for (String[] l : lines) {
            if (l[0].equals("group") && l[1].equals(path)) {
                return l[3];
            }
        }
        throw new IllegalStateException("no group " + path);
    }

    private static List<Map.Entry<Object, String>> sorted(Map<Object, String> paths) {
        List<Map.Entry<Object, String>> out = new ArrayList<>(paths.entrySet());
        out.sort(Map.Entry.comparingByValue());
        return out;
    }

    private static String value(String field, String key) {
        if (!field.startsWith(key + "=")) {
            throw new IllegalStateException("expected " + key + " in the record: " + field);
        }
        return field.substring(key.length() + 1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
