package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The byte between cells, found in a file's first lines (issue 19): Excel's tab-delimited text and
 * "Unicode text", and European semicolon CSV, are read as they are; anything less clear is a comma CSV.
 */
class DelimiterTest {
    private static byte of(String text) {
        byte[] b = text.replace("\\t", "\t").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        return ChunkReader.delimiter(b, b.length);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "entity_id,name,entity_type,region_code,industry_code\\na,b,c,d,e\\n|,",
        "entity_id\\tname\\tentity_type\\tregion_code\\tindustry_code\\na\\tb\\tc\\td\\te\\n|\\t",
        "2022年5月申报表\\nentity_id\\tname\\tentity_type\\tregion_code\\tindustry_code\\n|\\t",
        "entity_id;name;entity_type;region_code;industry_code\\n\"1,5\";b;c;d;e\\n|;",
        "entity_id,name,entity_type,region_code,industry_code\\n\"a\\tb\\tc\\td\\te\",x,y,z,w\\n|,",
        "a\\tb\\n|,",
        "\\t\\n|,"})
    void theDelimiterIsTheOneTheHeaderLineHoldsMostOf(String text, String expected) {
        assertEquals(expected.equals("\\t") ? '\t' : expected.charAt(0), (char) of(text));
    }
}
