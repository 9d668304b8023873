package subsidy.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MemoTest {
    private final AtomicInteger calls = new AtomicInteger();

    /** A memo of f that counts how often f is asked. */
    private <K> Memo<K, String> counting(int limit, Function<K, String> f) {
        return new Memo<>(limit, k -> {
            calls.incrementAndGet();
            return f.apply(k);
        });
    }

    @Test
    void aKeySeenAgainGetsTheSameValueWithoutComputingIt() {
        Memo<String, String> memo = counting(10, k -> "not for industry " + k);
        String first = memo.get("I64");
        assertSame(first, memo.get("I64"));
        assertEquals(1, calls.get());
    }

    @Test
    void pastItsLimitItStillAnswersButNoLongerRemembers() {
        Memo<Integer, String> memo = counting(2, k -> "code " + k);
        memo.get(1);
        memo.get(2);
        assertEquals("code 3", memo.get(3));
        assertEquals("code 3", memo.get(3));
        assertEquals(4, calls.get()); // 3 was computed twice: memory stays bounded
        memo.get(1);
        assertEquals(4, calls.get());
    }

    @Test
    void aNullIsAskedForAgainRatherThanRemembered() {
        Memo<String, String> memo = counting(10, k -> null);
        assertNull(memo.get("Z99"));
        assertNull(memo.get("Z99"));
        assertEquals(2, calls.get());
    }
}
