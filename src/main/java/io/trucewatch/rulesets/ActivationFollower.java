package io.trucewatch.rulesets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trucewatch.background.BackgroundWork;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Several instances on one database judge with one ruleset: the newest activation recorded in
 * the database, by any instance. Every follow interval this instance looks for an activation newer
 * than the one it serves; if there is one, it compiles that version from the files stored with it
 * (content-addressed, the same bytes that instance compiled) and puts it in service. Its own disk
 * plays no part, so instances whose rules/ differ still agree; each verdict names the version that
 * judged it. A single instance only ever finds its own activations, and does nothing.
 */
@ApplicationScoped
public class ActivationFollower {

    private static final Logger LOG = Logger.getLogger(ActivationFollower.class);
    private static final String JOB = "ruleset-activation-follower";

    @ConfigProperty(name = "trucewatch.rules.follow-interval", defaultValue = "2s")
    Duration interval;

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetStore store;

    @Inject
    Scheduler scheduler;

    /** An activation that could not be followed here is not tried again every interval. */
    private volatile long failed;
    private volatile boolean stopped;

    /**
     * Scheduled here, after the ruleset is in service, not with @Scheduled: the scheduler starts
     * before every startup observer, and a round then would compare against no ruleset.
     */
    void start(@Observes @Priority(ActiveRuleset.LOADED) StartupEvent startup) {
        BackgroundWork.every(scheduler, JOB, interval, () -> {
            // A round that fired just before the job was unscheduled leaves the closing database alone.
            if (!stopped) {
                followNewest();
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        scheduler.unscheduleJob(JOB);
    }

    /**
     * Follows the newest activation if it is newer than the one in service here; says which it followed.
     * One follow at a time: a caller that comes while the scheduled round compiles waits for it, and
     * then finds the activation followed, instead of taking the round's mark for a failure.
     */
    synchronized Optional<RulesetActivation> followNewest() {
        try {
            Optional<RulesetActivation> newest = QuarkusTransaction.requiringNew().call(() -> RulesetActivation
                    .<RulesetActivation>find("order by id desc").firstResultOptional());
            if (newest.isEmpty() || newest.get().id <= active.newestActivation() || newest.get().id == failed) {
                return Optional.empty();
            }
            RulesetActivation activation = newest.get();
            failed = activation.id;
            Ruleset ruleset = active.get().version().equals(activation.version)
                    ? active.get() : Ruleset.compile(store.load(activation.version));
            active.follow(ruleset, activation.id);
            failed = 0;
            LOG.infof("ruleset %s in service, following activation %d (%s by %s at %s)", activation.version,
                    activation.id, activation.trigger, activation.activatedBy, activation.activatedAt);
            return newest;
        } catch (RuntimeException e) {
            // A version that does not compile here cannot be followed; the one in service stays.
            LOG.warn("could not follow the newest ruleset activation; the ruleset in service stays", e);
            return Optional.empty();
        }
    }
}
