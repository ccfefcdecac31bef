package io.trucewatch.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Delivery settings ({@code trucewatch.webhooks.*}); see the README's "Alert integrations". */
@ConfigMapping(prefix = "trucewatch.webhooks")
public interface WebhookConfig {

    /**
     * Waits after each failed attempt; when they run out the delivery is dead-lettered. The default
     * spans about 40 hours, so a receiver down for a day still gets everything.
     */
    @WithDefault("5s,30s,2m,10m,30m,1h,2h,4h,8h,12h,12h")
    List<Duration> retryDelays();

    /** A receiver that takes longer than this to answer has failed the attempt. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How often the dispatcher looks for due deliveries (retries) and the stream for events other
     * instances wrote; each commit here nudges both at once. The scheduler looks at most once a second.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries in flight at once. */
    @WithDefault("8")
    int concurrency();

    /** SSRF guard: allow receivers on loopback addresses (development, tests). */
    @WithDefault("false")
    boolean allowLoopback();

    /** SSRF guard: allow receivers on private, link-local and other internal addresses. */
    @WithDefault("false")
    boolean allowPrivate();
}
