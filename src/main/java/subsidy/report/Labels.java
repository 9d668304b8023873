package subsidy.report;

import java.util.List;
import subsidy.entity.EntityType;
import subsidy.entity.SizeClass;
import subsidy.program.Program;
import subsidy.size.SizeSource;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * What the tables write in one language, looked up once: the code words of a row, indexed by the
 * enum's ordinal (a small array per language, not a map lookup per cell), and how a program is named.
 *
 * <p>English tables are read by scripts: they keep the ids (a program's column is its id, a code is its
 * code), exactly as before the tables spoke other languages. In another language the tables are for
 * people: a program is named by its title from the policy, a code by its word in the catalogue.
 */
final class Labels {
    final Texts texts;
    /** True in English: column ids, program ids and codes, as scripts read them. */
    final boolean ids;
    final String[] entityTypes;
    final String[] sizeClasses;
    final String[] sizeSources;

    private static final Labels EN = new Labels(Texts.EN);

    /** Made when a Chinese table is first asked for: an English run never reads the Chinese catalogue. */
    private static final class InChinese {
        static final Labels ZH = new Labels(Texts.ZH);
    }

    private Labels(Texts texts) {
        this.texts = texts;
        ids = texts.lang() == Lang.EN;
        EntityType[] types = EntityType.values();
        entityTypes = new String[types.length];
        for (EntityType t : types) {
            entityTypes[t.ordinal()] = texts.get("report.entity_type." + t.code());
        }
        SizeClass[] sizes = SizeClass.values();
        sizeClasses = new String[sizes.length];
        for (SizeClass s : sizes) {
            sizeClasses[s.ordinal()] = texts.get("report.size_class." + s.code());
        }
        SizeSource[] sources = SizeSource.values();
        sizeSources = new String[sources.length];
        for (SizeSource s : sources) {
            sizeSources[s.ordinal()] = texts.get("report.size_source." + s.code());
        }
    }

    static Labels of(Texts texts) {
        return texts.lang() == Lang.ZH ? InChinese.ZH : EN;
    }

    String get(String key, Object... args) {
        return texts.get(key, args);
    }

    /** The texts of {@code keys}, each {@code prefix + key}. */
    List<String> all(String prefix, List<String> keys) {
        return keys.stream().map(k -> texts.get(prefix + k)).toList();
    }

    /** A program as the tables name it: its id in English, its title from the policy otherwise. */
    String program(Program p) {
        return ids ? p.id() : p.title();
    }

    String entityType(EntityType t) {
        return t == null ? "" : entityTypes[t.ordinal()];
    }

    String sizeClass(SizeClass s) {
        return s == null ? "" : sizeClasses[s.ordinal()];
    }

    String sizeSource(SizeSource s) {
        return s == null ? "" : sizeSources[s.ordinal()];
    }
}
