package io.trucewatch.bench;

import java.util.logging.Level;

/**
 * Outside a booted Quarkus, the JBoss log manager on the classpath starts with Quarkus' start-up
 * configurator: every level enabled and every record queued in memory until a configuration that
 * never comes. Drools then formats TRACE messages on every rule firing, which measured more than
 * half of a bare session's time. A benchmark must judge the service as it runs (INFO, as Quarkus
 * configures it), so it sets the same level before measuring.
 */
public final class BenchLogging {

    private BenchLogging() {
    }

    public static void asInService() {
        org.jboss.logmanager.Logger.getLogger("").setLevel(Level.INFO);
    }
}
