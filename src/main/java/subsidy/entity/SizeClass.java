package subsidy.entity;

import java.util.Locale;
import java.util.Optional;

/** Firm size under 工信部联企业〔2011〕300号, largest first. */
public enum SizeClass {
    LARGE("large", "大型"),
    MEDIUM("medium", "中型"),
    SMALL("small", "小型"),
    MICRO("micro", "微型");

    private final String code;
    private final String chinese;

    SizeClass(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public static Optional<SizeClass> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SizeClass s : values()) {
            if (s.code.equals(t) || s.chinese.equals(t) || (s.chinese + "企业").equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
