package subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import subsidy.entity.Entity;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;

/** A mutable builder of test entities: a small enterprise in 昆明 with nothing else set. */
public final class TestEntity {
    public String id = "91530102MA6K000000";
    public String name = "测试有限公司";
    public EntityType type = EntityType.ENTERPRISE;
    public String region = "530102";
    public String industry = "M74";
    public SizeClass size = SizeClass.SMALL;
    public Long employees;
    public BigDecimal revenue;
    public BigDecimal assets;
    public long insured;
    public long layoffs;
    public BigDecimal uiPaid = BigDecimal.ZERO;
    public boolean dishonest;
    public boolean affected;
    public long grads;
    public long youth;
    public long hardToEmploy;
    public long junior;
    public long intermediate;
    public long senior;
    public LandlordType landlord;
    public BigDecimal rent = BigDecimal.ZERO;
    public LocalDate leaseStart;
    public LocalDate leaseEnd;
    public long granted;
    public subsidy.entity.Extras extras = subsidy.entity.Extras.NONE;

    public static TestEntity enterprise(SizeClass size) {
        TestEntity t = new TestEntity();
        t.size = size;
        return t;
    }

    public static TestEntity of(EntityType type) {
        TestEntity t = new TestEntity();
        t.type = type;
        t.size = null;
        return t;
    }

    public TestEntity industry(String code) {
        industry = code;
        return this;
    }

    public TestEntity region(String code) {
        region = code;
        return this;
    }

    public TestEntity insurance(long insured, long layoffs, String paid) {
        this.insured = insured;
        this.layoffs = layoffs;
        this.uiPaid = new BigDecimal(paid);
        return this;
    }

    public TestEntity lease(LandlordType landlord, String rent) {
        this.landlord = landlord;
        this.rent = new BigDecimal(rent);
        return this;
    }

    public TestEntity dates(String start, String end) {
        leaseStart = LocalDate.parse(start);
        leaseEnd = LocalDate.parse(end);
        return this;
    }

    public TestEntity figures(Long employees, String revenue, String assets) {
        this.employees = employees;
        this.revenue = revenue == null ? null : new BigDecimal(revenue);
        this.assets = assets == null ? null : new BigDecimal(assets);
        return this;
    }

    public Entity build() {
        return new Entity(id, name, type, region, industry, size, employees, revenue, assets, insured, layoffs,
                uiPaid, dishonest, affected, grads, youth, hardToEmploy, junior, intermediate, senior, landlord,
                rent, leaseStart, leaseEnd, granted, extras);
    }
}
