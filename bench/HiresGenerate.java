import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hire list for bench/hires: {@code java -Xmx1g bench/HiresGenerate.java FIRMS.csv N SEED OUT.csv}.
 *
 * <p>N rows over the enterprises of FIRMS.csv (its entity_id and entity_type columns, as Generate.java
 * writes them): about 90% of the rows are persons listed once, 10% a person listed again (by another
 * firm, another date, sometimes another category), so that the assignment has work to do. Identity
 * numbers are valid GB 11643 numbers (a Yunnan county, born 1990–2004, a sequence, the check digit);
 * categories 60% graduate, 20% youth, 20% hard_to_employ; hire dates in the first half of 2022;
 * contract and insured months. Deterministic for a given input, N and SEED.
 */
public final class HiresGenerate {
    private static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String[] REGIONS = {"530428", "530502", "530102", "530402", "530111", "530521"};

    public static void main(String[] args) throws IOException {
        Path firms = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[2]));
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(firms, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int a = line.indexOf(',');
                // entity_type is the third column; names may hold quoted commas, so look for the word
                if (line.contains(",enterprise,")) {
                    ids.add(line.substring(0, a));
                }
            }
        }
        String[] cats = {"graduate", "graduate", "graduate", "youth", "hard_to_employ"};
        LocalDate start = LocalDate.of(2022, 1, 1);
        long persons = 0;
        long[] recent = new long[1024];
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[3])),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.write("entity_id,id_number,category,hire_date,contract_months,insured_months\n");
            for (long i = 0; i < n; i++) {
                long p;
                if (persons > 0 && rnd.nextInt(10) == 0) {
                    p = recent[rnd.nextInt((int) Math.min(persons, recent.length))]; // listed again
                } else {
                    p = persons++;
                    recent[(int) (p % recent.length)] = p;
                }
                String id = id(p);
                String firm = ids.get(rnd.nextInt(ids.size()));
                String cat = cats[rnd.nextInt(cats.length)];
                LocalDate d = start.plusDays(rnd.nextInt(181));
                w.write(firm);
                w.write(',');
                w.write(id);
                w.write(',');
                w.write(cat);
                w.write(',');
                w.write(d.toString());
                w.write(',');
                w.write(Integer.toString(12 + 12 * rnd.nextInt(3)));
                w.write(',');
                w.write(Integer.toString(1 + rnd.nextInt(12)));
                w.write('\n');
            }
        }
    }

    /** Person p's number: a county, a birth date from p, a sequence from p, the check digit. */
    static String id(long p) {
        String region = REGIONS[(int) (p % REGIONS.length)];
        long q = p / REGIONS.length;
        LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(q % 5479); // 15 years of birth dates
        long seq = q / 5479; // up to 999 a day and county: 82M persons
        String s17 = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", seq % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s17.charAt(i) - '0') * W[i];
        }
        return s17 + CHECK.charAt(sum % 11);
    }
}
