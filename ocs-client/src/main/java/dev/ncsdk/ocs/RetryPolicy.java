package dev.ncsdk.ocs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often a request is sent again. Only requests that are safe to repeat are retried: idempotent
 * requests (GET, HEAD, OPTIONS, or any request marked idempotent) on a connection failure, HTTP 429 and HTTP 503;
 * any request when the connection could not even be established. A request that may have reached the server is
 * never sent twice unless it is idempotent.
 *
 * <p>Waits grow exponentially from {@link #initialBackoff()} up to {@link #maxBackoff()}, with full jitter; a
 * server's {@code Retry-After} is honoured when it is no longer than {@link #maxRetryAfter()} (a longer wait is
 * not retried: the failure reaches the caller with the delay). The sum of all waits stays under
 * {@link #maxTotalDelay()}.
 *
 * <p>Defaults: 3 attempts, 250 ms initial backoff, 5 s maximum backoff, 30 s maximum {@code Retry-After}, 60 s
 * total.
 *
 * @since 0.1.0
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration maxTotalDelay;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.maxTotalDelay = b.maxTotalDelay;
    }

    /**
     * The default policy.
     *
     * @return 3 attempts with exponential backoff
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries.
     *
     * @return a single attempt
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The most attempts, the first included.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the first retry, before jitter.
     *
     * @return the wait
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest computed wait between attempts.
     *
     * @return the wait
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest {@code Retry-After} the client waits for; a longer one ends the retries.
     *
     * @return the limit
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The most time spent waiting between attempts, in total.
     *
     * @return the budget
     */
    public Duration maxTotalDelay() {
        return maxTotalDelay;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retry the retry's number, from 1
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     * @return the wait, or {@code null} when the server asked for longer than {@link #maxRetryAfter()}
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? null : retryAfter;
        }
        long base = initialBackoff.toMillis() << Math.min(20, retry - 1);
        long cap = Math.min(base, maxBackoff.toMillis());
        // full jitter, but never below half the computed wait
        long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", maxTotalDelay=" + maxTotalDelay + "]";
    }

    /**
     * Builds a {@link RetryPolicy}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Duration maxTotalDelay = Duration.ofSeconds(60);

        private Builder() {}

        /**
         * Sets the most attempts, the first included.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the wait before the first retry.
         *
         * @param d a non-negative duration
         * @return this builder
         */
        public Builder initialBackoff(Duration d) {
            this.initialBackoff = nonNegative(d, "initialBackoff");
            return this;
        }

        /**
         * Sets the longest computed wait.
         *
         * @param d a non-negative duration
         * @return this builder
         */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = nonNegative(d, "maxBackoff");
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} honoured.
         *
         * @param d a non-negative duration
         * @return this builder
         */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = nonNegative(d, "maxRetryAfter");
            return this;
        }

        /**
         * Sets the total waiting budget.
         *
         * @param d a non-negative duration
         * @return this builder
         */
        public Builder maxTotalDelay(Duration d) {
            this.maxTotalDelay = nonNegative(d, "maxTotalDelay");
            return this;
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
