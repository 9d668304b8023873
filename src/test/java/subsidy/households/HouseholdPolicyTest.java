package subsidy.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;

/** {@code subject: households}: what a household policy may say, and what it is refused. */
class HouseholdPolicyTest {
    static String policy() throws Exception {
        return Files.readString(HouseholdListTest.POLICY, StandardCharsets.UTF_8);
    }

    static Policy load(String yaml) throws PolicyException {
        return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml",
                Resolution.on(java.time.LocalDate.of(2022, 1, 31)));
    }

    static List<String> problems(String yaml) {
        return assertThrows(PolicyException.class, () -> load(yaml)).problems();
    }

    @Test
    void aHouseholdPolicyReadsTheHouseholdColumnsAndItsOwn() throws Exception {
        Policy p = load(policy());
        assertTrue(p.households());
        assertEquals("household_id", p.schema().extras().get(0).header());
        assertEquals("entitled_care", p.schema().extras().get(p.schema().extras().size() - 1).header());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void anUnknownSubjectIsNamed() throws Exception {
        List<String> p = problems(policy().replace("subject: households", "subject: persons"));
        assertEquals("subject (line 6): 'persons' is not whom a policy pays (firms, households)", p.get(0));
    }

    @Test
    void firmKindsConditionsAndColumnsAreRefusedInAHouseholdPolicy() throws Exception {
        String yaml = policy().replace("        - flags_true: [entitled_care]\n",
                "        - flags_true: [entitled_care]\n      entity_types: [enterprise]\n")
                .replace("      - {column: students_vocational, amount: 1500}", "      - {column: grad_hires, amount: 1500}");
        List<String> p = problems(yaml);
        assertTrue(p.stream().anyMatch(s -> s.contains("programs.festival_relief.who.entity_types")
                && s.endsWith("a household list has no entity_types; a household policy cannot ask for it")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'grad_hires'")), p.toString());
        List<String> kind = problems(policy().replace("    kind: fixed", "    kind: ui_refund"));
        assertTrue(kind.get(0).endsWith("'ui_refund' pays firms by firm facts; a household policy's programs are"
                + " per_head, fixed, share, table"), kind.toString());
    }

    @Test
    void aPolicyColumnMayNotTakeABuiltInHouseholdName() throws Exception {
        List<String> p = problems(policy().replace("  entitled_care: {kind: boolean, chinese: 重点优抚对象}",
                "  members: {kind: count, chinese: 人口}"));
        assertEquals("columns.members (line 12): 'members' is already an input column (of a firm list or a household"
                + " list); a policy column needs a new name", p.get(0));
    }
}
