package subsidy.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void everyMessageExistsInBothLanguages() {
        Set<String> onlyEn = new TreeSet<>(Texts.EN.keys());
        onlyEn.removeAll(Texts.ZH.keys());
        Set<String> onlyZh = new TreeSet<>(Texts.ZH.keys());
        onlyZh.removeAll(Texts.EN.keys());
        assertEquals(Set.of(), onlyEn, "in the English catalogue only");
        assertEquals(Set.of(), onlyZh, "in the Chinese catalogue only");
    }

    @Test
    void bothLanguagesFillTheSameArguments() {
        List<String> differ = new ArrayList<>();
        for (String k : Texts.EN.keys()) {
            if (!Texts.EN.placeholders(k).equals(Texts.ZH.placeholders(k))) {
                differ.add(k + ": en " + Texts.EN.placeholders(k) + ", zh " + Texts.ZH.placeholders(k));
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void noChineseMessageIsBlank() {
        List<String> blank = new ArrayList<>();
        for (String k : Texts.ZH.keys()) {
            if (Texts.ZH.template(k).isBlank() && !Texts.EN.template(k).isBlank()) {
                blank.add(k);
            }
        }
        assertEquals(List.of(), blank);
    }

    @Test
    void aTemplateFillsItsArgumentsAndLeavesOtherBracesAlone() {
        Texts.Template t = Texts.Template.compile("{1} of {0} {x} {} it's {2");
        assertEquals("b of a {x} {} it's {2", t.render(Texts.EN, new Object[] {"a", "b"}));
        assertEquals(Set.of(0, 1), t.placeholders());
    }

    @Test
    void argumentsRenderInTheCataloguesLanguage() {
        Text name = texts -> texts.lang() == Lang.ZH ? "月租金" : "monthly rent";
        Texts.Template t = Texts.Template.compile("{0}: {1}, {2}.");
        assertEquals("月租金: 1.50, .", t.render(Texts.ZH, new Object[] {name, new BigDecimal("1.50"), null}));
        assertEquals("monthly rent: 1E+3, .", t.render(Texts.EN, new Object[] {name, "1E+3", null}));
        assertEquals("1000", Texts.EN.arg(new BigDecimal("1E+3")));
    }

    @Test
    void aMissingKeyIsADefectNotAnEmptyText() {
        assertThrows(IllegalStateException.class, () -> Texts.EN.get("reasons.no_such_message"));
        assertFalse(Texts.ZH.has("reasons.no_such_message"));
    }

    @Test
    void langIsReadFromItsCodeInAnyCase() {
        assertEquals(Lang.ZH, Lang.parse("ZH"));
        assertEquals(Lang.ZH, Lang.parse("zh-CN"));
        assertEquals(Lang.EN, Lang.parse(" en "));
        assertEquals(null, Lang.parse("fr"));
        assertTrue(Texts.of(Lang.ZH) == Texts.ZH);
    }
}
