package subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
    @Test
    void aKeySeenAgainGetsTheSameValueWithoutComputingIt() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, String> memo = new Memo<>(10, k -> {
            calls.incrementAndGet();
            return "not for industry " + k;
        });
        String first = memo.get("I64");
        assertSame(first, memo.get("I64"));
        assertEquals(1, calls.get());
    }

    @Test
    void pastItsLimitItStillAnswersButNoLongerRemembers() {
        AtomicInteger calls = new AtomicInteger();
        Memo<Integer, String> memo = new Memo<>(2, k -> {
            calls.incrementAndGet();
            return "code " + k;
        });
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
        AtomicInteger calls = new AtomicInteger();
        Memo<String, String> memo = new Memo<>(10, k -> {
            calls.incrementAndGet();
            return null;
        });
        assertNull(memo.get("Z99"));
        assertNull(memo.get("Z99"));
        assertEquals(2, calls.get());
    }
}
