package io.trucewatch.incidents;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.trucewatch.actors.Actor;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists stored reports, newest first, by the filters of {@link IncidentFilter}. */
@ApplicationScoped
public class IncidentSearch {

    @Inject
    ActiveRuleset rulesets;

    @Transactional
    public Page<IncidentView> search(IncidentFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.verdict() != null) {
            where.add("i.verdict = :verdict");
            params.put("verdict", filter.verdict().name());
        }
        if (filter.truce() != null) {
            where.add("exists (select 1 from IncidentTruceVerdict t where t.incidentId = i.id"
                    + " and t.truceId = :truce and t.verdict <> 'OUT_OF_SCOPE')");
            params.put("truce", filter.truce());
        }
        if (filter.actor() != null) {
            Optional<Actor> actor = rulesets.get().terms().actors().resolve(filter.actor());
            where.add("exists (select 1 from IncidentActor a where a.incidentId = i.id and "
                    + (actor.isPresent() ? "a.actorId = :actor)" : "lower(a.asWritten) = lower(:actor))"));
            params.put("actor", actor.map(Actor::id).orElse(filter.actor().strip()));
        }
        if (filter.admin1() != null) {
            where.add("lower(i.admin1) = lower(:admin1)");
            params.put("admin1", filter.admin1().strip());
        }
        if (filter.from() != null) {
            where.add("i.eventDay >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("i.eventDay <= :to");
            params.put("to", filter.to());
        }
        String query = "from Incident i" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by i.receivedAt desc, i.id";
        PanacheQuery<Incident> found = Incident.find(query, params);
        List<IncidentView> items = found.page(page, size).list().stream().map(IncidentView::of).toList();
        return new Page<>(items, page, size, found.count());
    }
}
