package subsidy.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One accepted input row, with every value already checked and defaulted (SPEC §2).
 * Optional figures that decide firm size stay null when blank, because blank is not zero there.
 * {@code extras} holds the values of the policy's own columns ({@link InputSchema}).
 */
public record Entity(
        String entityId,
        String name,
        EntityType type,
        String regionCode,
        String industryCode,
        SizeClass declaredSize,
        Long employees,
        BigDecimal revenue,
        BigDecimal totalAssets,
        long insuredEmployees,
        long layoffs,
        BigDecimal uiPaidLastYear,
        boolean seriousDishonesty,
        boolean severelyAffected,
        long gradHires,
        long youthHires,
        long hardToEmployHires,
        long certJunior,
        long certIntermediate,
        long certSenior,
        LandlordType landlordType,
        BigDecimal monthlyRent,
        LocalDate leaseStart,
        LocalDate leaseEnd,
        long rentFreeMonthsGranted,
        Extras extras) {

    /**
     * The same entity with other months already waived: a ledger adds the months it recorded to those
     * waived before it (the rent waiver's months limit).
     */
    public Entity withRentFreeMonthsGranted(long months) {
        return new Entity(entityId, name, type, regionCode, industryCode, declaredSize, employees, revenue, totalAssets,
                insuredEmployees, layoffs, uiPaidLastYear, seriousDishonesty, severelyAffected, gradHires, youthHires,
                hardToEmployHires, certJunior, certIntermediate, certSenior, landlordType, monthlyRent, leaseStart,
                leaseEnd, months, extras);
    }

    /** The value of a count column (kind COUNT), for programs that pay per head of a named column. */
    public long count(Column column) {
        return switch (column) {
            case EMPLOYEES -> employees == null ? 0 : employees;
            case INSURED_EMPLOYEES -> insuredEmployees;
            case LAYOFFS -> layoffs;
            case GRAD_HIRES -> gradHires;
            case YOUTH_HIRES -> youthHires;
            case HARD_TO_EMPLOY_HIRES -> hardToEmployHires;
            case CERT_JUNIOR -> certJunior;
            case CERT_INTERMEDIATE -> certIntermediate;
            case CERT_SENIOR -> certSenior;
            case RENT_FREE_MONTHS_GRANTED -> rentFreeMonthsGranted;
            default -> throw new IllegalArgumentException(column + " is not a count column");
        };
    }

    /** The value of a boolean column (kind BOOLEAN). */
    public boolean flag(Column column) {
        return switch (column) {
            case SERIOUS_DISHONESTY -> seriousDishonesty;
            case SEVERELY_AFFECTED -> severelyAffected;
            default -> throw new IllegalArgumentException(column + " is not a boolean column");
        };
    }

    /** The value of a money column (kind MONEY); a blank revenue or assets is null. */
    public BigDecimal money(Column column) {
        return switch (column) {
            case REVENUE -> revenue;
            case TOTAL_ASSETS -> totalAssets;
            case UI_PAID_LAST_YEAR -> uiPaidLastYear;
            case MONTHLY_RENT -> monthlyRent;
            default -> throw new IllegalArgumentException(column + " is not a money column");
        };
    }

    /** The value of a date column (kind DATE), null when blank. */
    public LocalDate date(Column column) {
        return switch (column) {
            case LEASE_START -> leaseStart;
            case LEASE_END -> leaseEnd;
            default -> throw new IllegalArgumentException(column + " is not a date column");
        };
    }

    /** The value of a code column (region, industry, entity type, landlord), null when blank. */
    public String code(Column column) {
        return switch (column) {
            case REGION_CODE -> regionCode;
            case INDUSTRY_CODE -> industryCode;
            case ENTITY_TYPE -> type.code();
            case LANDLORD_TYPE -> landlordType == null ? null : landlordType.code();
            default -> throw new IllegalArgumentException(column + " is not a code column");
        };
    }
}
