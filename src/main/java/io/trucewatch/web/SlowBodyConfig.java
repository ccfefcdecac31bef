package io.trucewatch.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long, how many and how much request bodies may take while they arrive
 * ({@code trucewatch.http.slow-bodies.*}); enforced by {@link SlowBodyGuard}.
 *
 * <p>Bodies are read on the I/O threads, so a slow one no longer holds a worker thread; these limits
 * bound what slow clients can still hold: sockets, memory and time. The defaults are lenient on
 * purpose, because monitors report over poor field links.
 */
@ConfigMapping(prefix = "trucewatch.http.slow-bodies")
public interface SlowBodyConfig {

    /** Time every body gets, whatever its size: covers slow starts and round trips on bad links. */
    @WithDefault("10s")
    Duration grace();

    /**
     * Slowest average rate accepted beyond the grace, in bytes per second: a body of n bytes must
     * have arrived within grace + n / min-rate, or it is answered 408 and the connection closed.
     * 4K (32 kbit/s) is below what a 2G or satellite uplink carries; a 64 KiB report gets 26 s.
     */
    @WithDefault("4K")
    MemorySize minRate();

    /**
     * Requests from one client address (for IPv6: one /64) whose bodies may be arriving at once;
     * the next is answered 429. Bodies that arrive at full speed hold a place for milliseconds.
     */
    @WithDefault("32")
    int maxPerClient();

    /**
     * Bytes of bodies still arriving that may be held in memory at once, over all clients; a body
     * that would go beyond is answered 503. Room for six 20 MB CSV imports arriving together.
     */
    @WithDefault("128M")
    MemorySize maxBuffered();
}
