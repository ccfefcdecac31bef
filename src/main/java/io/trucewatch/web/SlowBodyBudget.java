package io.trucewatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory that bodies still arriving may hold, over all clients ({@link SlowBodyConfig#maxBuffered()}).
 * Counted in bytes actually received, not declared: a client that only declares a large
 * Content-Length holds nothing, and one that sends must spend the bandwidth to fill the budget.
 */
@ApplicationScoped
public class SlowBodyBudget {

    @Inject
    SlowBodyConfig config;

    private final AtomicLong held = new AtomicLong();

    /** Takes {@code bytes} from the budget; false (nothing taken) when they do not fit. */
    public boolean tryTake(long bytes) {
        long limit = config.maxBuffered().asLongValue();
        while (true) {
            long now = held.get();
            if (now + bytes > limit) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void giveBack(long bytes) {
        held.addAndGet(-bytes);
    }

    /** Bytes of bodies still arriving held right now. */
    public long held() {
        return held.get();
    }
}
