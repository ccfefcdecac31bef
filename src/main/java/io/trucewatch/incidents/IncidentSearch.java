package io.trucewatch.incidents;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.actors.Actor;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Finds stored reports by the filters of {@link IncidentFilter}: a page at a time, or all of them in batches. */
@ApplicationScoped
public class IncidentSearch {

    /** Reports read per transaction when walking all matches: memory stays flat however many there are. */
    static final int BATCH = 500;

    public enum Order { NEWEST_FIRST, OLDEST_FIRST }

    @Inject
    ActiveRuleset rulesets;

    public Page<IncidentView> search(IncidentFilter filter, Order order, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Where where = where(filter);
            String direction = order == Order.NEWEST_FIRST ? "desc" : "asc";
            PanacheQuery<Incident> found = Incident.find("from Incident i" + where.clause()
                    + " order by i.receivedAt " + direction + ", i.id " + direction, where.params);
            List<IncidentView> items = found.page(page, size).list().stream().map(IncidentView::of).toList();
            return new Page<>(items, page, size, found.count());
        });
    }

    /**
     * Every matching report, oldest first, handed to {@code each} in batches read in their own
     * short transactions (keyset pagination), so an export of 100k reports holds 500 at a time.
     */
    public void forEach(IncidentFilter filter, Consumer<Incident> each) {
        forEachBatch(filter, batch -> batch.forEach(each));
    }

    /** As {@link #forEach}, a batch at a time (for callers that work on a batch in parallel). */
    public void forEachBatch(IncidentFilter filter, Consumer<List<Incident>> each) {
        Instant afterTime = null;
        String afterId = null;
        while (true) {
            Where where = where(filter);
            if (afterTime != null) {
                where.add("(i.receivedAt > :afterTime or (i.receivedAt = :afterTime and i.id > :afterId))");
                where.params.put("afterTime", afterTime);
                where.params.put("afterId", afterId);
            }
            List<Incident> batch = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>find(
                    "from Incident i" + where.clause() + " order by i.receivedAt, i.id", where.params)
                    .page(0, BATCH).list());
            if (!batch.isEmpty()) {
                each.accept(batch);
            }
            if (batch.size() < BATCH) {
                return;
            }
            afterTime = batch.get(batch.size() - 1).receivedAt;
            afterId = batch.get(batch.size() - 1).id;
        }
    }

    private Where where(IncidentFilter filter) {
        Where where = new Where();
        if (filter.verdict() != null) {
            where.add("i.judged.verdict = :verdict");
            where.params.put("verdict", filter.verdict().name());
        }
        if (filter.truce() != null) {
            where.add("exists (select 1 from IncidentTruceVerdict t where t.incidentId = i.id"
                    + " and t.truceId = :truce and t.verdict <> 'OUT_OF_SCOPE')");
            where.params.put("truce", filter.truce());
        }
        if (filter.actor() != null) {
            Optional<Actor> actor = rulesets.get().terms().actors().resolve(filter.actor());
            where.add("exists (select 1 from IncidentActor a where a.incidentId = i.id and "
                    + (actor.isPresent() ? "a.actorId = :actor)" : "lower(a.asWritten) = lower(:actor))"));
            where.params.put("actor", actor.map(Actor::id).orElse(filter.actor().strip()));
        }
        if (filter.admin1() != null) {
            where.add("lower(i.admin1) = lower(:admin1)");
            where.params.put("admin1", filter.admin1().strip());
        }
        if (filter.from() != null) {
            where.add("i.eventDay >= :from");
            where.params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("i.eventDay <= :to");
            where.params.put("to", filter.to());
        }
        if (filter.submittedBy() != null) {
            where.add("i.submittedBy = :submittedBy");
            where.params.put("submittedBy", filter.submittedBy());
        }
        if (filter.reviewStatuses() != null && !filter.reviewStatuses().isEmpty()) {
            where.add("i.reviewStatus in :reviewStatuses");
            where.params.put("reviewStatuses", filter.reviewStatuses().stream().map(Enum::name).toList());
        }
        return where;
    }

    private static final class Where {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new HashMap<>();

        void add(String condition) {
            conditions.add(condition);
        }

        String clause() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
