import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes N synthetic entity rows, valid under the default policy (SPEC §2, §4, §5), for the benchmark.
 *
 * <pre>java bench/Generate.java N SEED OUT.csv</pre>
 *
 * Streams: one row is built at a time in a reused StringBuilder, so memory does not grow with N.
 * The same N and SEED always give the same bytes.
 *
 * entity_id is a valid GB 32100-2015 code, unique per row: '9'/'5' + type digit + 6-digit region,
 * then the row index mapped through a bijection of [0, 31^9) (so codes look scattered, not
 * sequential) written in base 31 as characters 9..17, then the check character.
 */
public final class Generate {
    static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,employees,"
            + "revenue,total_assets,insured_employees,layoffs,ui_paid_last_year,serious_dishonesty,"
            + "severely_affected,grad_hires,youth_hires,hard_to_employ_hires,cert_junior,cert_intermediate,"
            + "cert_senior,landlord_type,monthly_rent,lease_start,lease_end,rent_free_months_granted";

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = new int[17];
    static final long SPACE = pow31(9);           // 31^9 ≈ 2.6e13 distinct serials
    static final long MULT = 7_777_777_771L;      // not a multiple of 31: i -> i*MULT + ADD is a bijection mod 31^9
    static final long ADD = 1_234_567_891_011L;

    static {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = w;
            w = w * 3 % 31;
        }
    }

    // Regions: the two risk-listed counties first, weighted up; the rest ordinary Yunnan counties.
    static final String[] REGIONS = {"530428", "530502", "530428", "530502", "530102", "530111", "530112",
            "530114", "530402", "530421", "530521", "530381", "532301", "532501", "530623", "530724", "530825",
            "530922", "532801", "533102"};
    static final String[] PLACES = {"元江县", "隆阳区", "元江县", "隆阳区", "五华区", "官渡区", "西山区",
            "呈贡区", "红塔区", "江川区", "施甸县", "麒麟区", "楚雄市", "个旧市", "盐津县", "宁蒗县", "景东县",
            "凤庆县", "景洪市", "瑞丽市"};

    // Industries with a matching trade word and a business suffix for the name.
    static final String[] INDUSTRIES = {"H62", "H62", "H61", "F5211", "F52", "F51", "C13", "C34", "I65", "I64",
            "M74", "G54", "G56", "G59", "L727", "L72", "E48", "A01", "K701", "K702", "O80", "S", "R86", "C"};
    static final String[] TRADES = {"餐饮", "烧烤", "住宿", "超市", "百货", "商贸", "食品加工", "机械制造",
            "信息技术", "网络通信", "工程设计", "道路运输", "航空服务", "仓储物流", "旅行社", "商务咨询",
            "建筑工程", "种植", "房地产开发", "物业管理", "家政服务", "社区服务", "文化传媒", "制造"};
    static final String[] WORDS = {"某某", "兴达", "宏发", "金穗", "山水", "彩云", "滇红", "森林", "阳光",
            "恒泰", "瑞丰", "嘉禾", "普洱", "哀牢", "鸿运", "新时代"};

    static final String[] SIZES = {"micro", "micro", "micro", "micro", "small", "small", "small", "medium", "large"};
    static final String[] LANDLORDS = {"state_enterprise", "state_enterprise", "government", "public_institution",
            "private", "private", "private", "private", "private"};

    // Dates 2020-01-01 .. 2025-12-31, preformatted (ISO, and every 10th row the 2022/3/1 form).
    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    static final int DAYS = 6 * 366;
    static final String[] ISO = new String[DAYS];
    static final String[] SLASH = new String[DAYS];

    static {
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = EPOCH.plusDays(d);
            ISO[d] = date.toString();
            SLASH[d] = date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java bench/Generate.java N SEED OUT.csv");
            System.exit(2);
        }
        long n = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        if (n < 0 || n > SPACE) {
            throw new IllegalArgumentException("N must be in 0.." + SPACE);
        }
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder row = new StringBuilder(512);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (long i = 0; i < n; i++) {
                row.setLength(0);
                row(row, i, rnd);
                row.append('\n');
                w.append(row);
            }
        }
        System.err.printf("Generate: %d rows -> %s in %.1f s%n", n, out, (System.nanoTime() - t0) / 1e9);
    }

    static void row(StringBuilder b, long index, SplittableRandom r) {
        int typeRoll = r.nextInt(100);
        String type = typeRoll < 72 ? "enterprise" : typeRoll < 94 ? "individual_business" : "nonprofit";
        int reg = r.nextInt(REGIONS.length);
        int ind = r.nextInt(INDUSTRIES.length);
        String industry = INDUSTRIES[ind];

        // entity_id
        char kind = type.equals("enterprise") ? '1' : type.equals("individual_business") ? '2' : '3';
        char authority = type.equals("nonprofit") ? '5' : '9';
        creditCode(b, authority, kind, REGIONS[reg], index);
        b.append(',');

        // name (1 in 200 has a comma and quotes, so the CSV quoting path is exercised)
        String word = WORDS[r.nextInt(WORDS.length)];
        boolean quoted = r.nextInt(200) == 0;
        if (quoted) {
            b.append('"');
        }
        b.append(PLACES[reg]).append(word).append(TRADES[ind]);
        if (quoted) {
            b.append(",\"\"分店\"\"");
        }
        b.append(type.equals("enterprise") ? (r.nextBoolean() ? "有限公司" : "有限责任公司")
                : type.equals("individual_business") ? "店" : "协会");
        if (quoted) {
            b.append('"');
        }
        b.append(',').append(type).append(',').append(REGIONS[reg]).append(',').append(industry).append(',');

        // size_class, employees, revenue, total_assets
        int sizeIdx = r.nextInt(SIZES.length);
        long employees;
        switch (sizeIdx) {
            case 0, 1, 2, 3 -> employees = 1 + r.nextInt(9);
            case 4, 5, 6 -> employees = 10 + r.nextInt(90);
            case 7 -> employees = 100 + r.nextInt(200);
            default -> employees = 300 + r.nextInt(3000);
        }
        if (type.equals("individual_business")) {
            employees = 1 + r.nextInt(8);
        }
        long revenue = employees * (150_000L + r.nextInt(1_350_000));
        long assets = revenue / 2 + r.nextInt(1_000_000);
        if (type.equals("enterprise")) {
            // 70% declared, 30% blank with the figures given so it is derived
            if (r.nextInt(10) < 7) {
                b.append(SIZES[sizeIdx]);
            }
            b.append(',').append(employees).append(',').append(revenue).append(',').append(assets).append(',');
        } else if (r.nextInt(3) == 0) {
            b.append(',').append(employees).append(',').append(revenue).append(",,");
        } else {
            b.append(",,,,");
        }

        // insured_employees, layoffs, ui_paid_last_year
        long insured = employees - (employees > 2 ? r.nextInt((int) Math.min(employees / 3 + 1, 100)) : 0);
        long layoffs = r.nextInt(10) < 7 ? 0 : r.nextInt((int) Math.max(1, insured / 8) + 1);
        b.append(insured).append(',').append(layoffs).append(',');
        if (r.nextInt(20) != 0) {
            money(b, insured * (120_000L + r.nextInt(250_000)) + r.nextInt(100));
        } else {
            b.append('0');
        }
        b.append(',');

        // serious_dishonesty, severely_affected
        b.append(r.nextInt(100) == 0 ? "true" : "false").append(',');
        b.append(r.nextInt(6) == 0 ? "true" : "false").append(',');

        // grad_hires, youth_hires, hard_to_employ_hires, cert_junior/intermediate/senior
        smallCount(b, r, 4, 3).append(',');
        smallCount(b, r, 6, 2).append(',');
        smallCount(b, r, 5, 3).append(',');
        smallCount(b, r, 3, 4).append(',');
        smallCount(b, r, 5, 3).append(',');
        smallCount(b, r, 10, 2).append(',');

        // landlord_type, monthly_rent, lease_start, lease_end, rent_free_months_granted
        if (r.nextInt(10) < 4) {
            b.append(LANDLORDS[r.nextInt(LANDLORDS.length)]).append(',');
            money(b, 80_000L + r.nextInt(5_000_000));
            b.append(',');
            if (r.nextInt(10) < 6) {
                int start = r.nextInt(3 * 365);                            // 2020..2022
                int length = r.nextInt(4) == 0 ? 10 + r.nextInt(80) : 90 + r.nextInt(1000);
                int end = Math.min(DAYS - 1, start + length);
                String[] fmt = index % 10 == 0 ? SLASH : ISO;
                b.append(fmt[start]).append(',').append(fmt[end]).append(',');
            } else {
                b.append(",,");
            }
            b.append(r.nextInt(5) == 0 ? 1 + r.nextInt(3) : 0);
        } else {
            b.append(",,,,");
        }
    }

    /** Mostly blank or 0; one time in {@code every} a count 1..max. */
    static StringBuilder smallCount(StringBuilder b, SplittableRandom r, int every, int max) {
        int roll = r.nextInt(every * 2);
        if (roll == 0) {
            b.append(1 + r.nextInt(max));
        } else if (roll == 1) {
            // leave blank: the default 0
        } else {
            b.append('0');
        }
        return b;
    }

    /** Cents as a plain decimal with two places, e.g. 1234567 -> 12345.67. */
    static void money(StringBuilder b, long cents) {
        b.append(cents / 100).append('.');
        long c = cents % 100;
        if (c < 10) {
            b.append('0');
        }
        b.append(c);
    }

    static void creditCode(StringBuilder b, char authority, char kind, String region, long index) {
        int start = b.length();
        b.append(authority).append(kind).append(region);
        long serial = (mulMod(index, MULT, SPACE) + ADD) % SPACE;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = b.charAt(start + i);
            sum += (c <= '9' ? c - '0' : ALPHABET.indexOf(c)) * WEIGHTS[i];
        }
        char[] digits = DIGITS;
        for (int i = 8; i >= 0; i--) {
            int v = (int) (serial % 31);
            digits[i] = ALPHABET.charAt(v);
            sum += v * WEIGHTS[8 + i];
            serial /= 31;
        }
        b.append(digits);
        b.append(ALPHABET.charAt((31 - sum % 31) % 31));
    }

    static final char[] DIGITS = new char[9];  // single-threaded scratch

    /** a*m mod n without overflow, for a, n < 31^9 (< 2^45) and m < 2^34: m is split at bit 16. */
    static long mulMod(long a, long m, long n) {
        long hi = (a * (m >>> 16)) % n;          // < 2^45 * 2^18 = 2^63
        long lo = (a * (m & 0xFFFF)) % n;
        return ((hi << 16) % n + lo) % n;
    }

    static long pow31(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= 31;
        }
        return p;
    }
}
