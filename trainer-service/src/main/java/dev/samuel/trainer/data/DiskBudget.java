package dev.samuel.trainer.data;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes every split file of a trainer may take together ({@code samuel.trainer.store-budget}). */
final class DiskBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    DiskBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("the store budget must be > 0 bytes, got " + limit);
        }
        this.limit = limit;
    }

    /** Takes {@code bytes} of the budget; false, taking nothing, when that would pass it. */
    boolean reserve(long bytes) {
        long before;
        do {
            before = used.get();
            if (before + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(before, before + bytes));
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }
}
