package io.trucewatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.actors.Actor;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Verdict;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Terms;
import io.trucewatch.web.Page;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Making, reading, rotating and deleting subscriptions; listing and redelivering their deliveries. */
@ApplicationScoped
public class Subscriptions {

    private static final Set<String> FIELDS = Set.of("url", "filter", "description");
    private static final Set<String> FILTER_FIELDS = Set.of("truces", "verdicts", "parties", "admin1");

    @Inject
    ReceiverGuard guard;

    @Inject
    ActiveRuleset rulesets;

    @Inject
    Ledger ledger;

    /** A subscription as the API shows it; {@code secret} only when it was just made or rotated. */
    public record View(String id, String url, String description, EventFilter filter, Instant createdAt,
            String createdBy, Instant rotatedAt, String secret) {
    }

    public record DeliveryView(String id, String eventId, long eventSeq, String status, int attempts,
            Integer lastStatus, String lastError, Instant nextAttemptAt, Instant createdAt, Instant succeededAt) {
    }

    static EventFilter filterOf(Subscription subscription) {
        return CanonicalJson.read(subscription.filterJson, EventFilter.class);
    }

    public View create(String body, String principal) {
        JsonNode root = RequestBodies.object(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        RequestBodies.unknownFields(root, FIELDS, "", errors);
        String url = root.path("url").asText(null);
        if (url == null || url.isBlank()) {
            errors.add(new Problem.FieldError("url", "required: the receiver's http(s) URL"));
        } else {
            try {
                guard.refuse(new URI(url.strip())).ifPresent(reason -> errors.add(new Problem.FieldError("url", reason)));
            } catch (URISyntaxException e) {
                errors.add(new Problem.FieldError("url", "not a URL: " + e.getMessage()));
            }
        }
        String description = root.path("description").isTextual() ? root.get("description").asText() : null;
        if (description != null && description.length() > 1000) {
            errors.add(new Problem.FieldError("description", "longer than 1000 characters"));
        }
        EventFilter filter = filter(root.path("filter"), "filter.", true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID().toString();
        subscription.url = url.strip();
        subscription.description = description;
        subscription.filterJson = CanonicalJson.write(filter);
        subscription.secret = WebhookSignature.newSecret();
        subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscription.createdBy = principal;
        QuarkusTransaction.requiringNew().run(() -> {
            subscription.persist();
            auditChange("created", subscription, principal);
        });
        return view(subscription, true);
    }

    /**
     * A filter from JSON (a subscription's body, or a stream's query parameters turned into JSON):
     * truces must exist, verdicts be verdicts, parties resolve to an actor or a truce party.
     */
    public EventFilter filter(JsonNode node, String prefix, boolean defaultToViolations, List<Problem.FieldError> errors) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            errors.add(new Problem.FieldError(prefix.isEmpty() ? "filter" : prefix.substring(0, prefix.length() - 1),
                    "must be an object"));
            return new EventFilter(List.of(), List.of(), List.of(), null);
        }
        RequestBodies.unknownFields(node, FILTER_FIELDS, prefix, errors);
        Terms terms = rulesets.get().terms();
        List<String> truces = strings(node.path("truces"), prefix + "truces", errors);
        for (int i = 0; i < truces.size(); i++) {
            if (!terms.truces().containsKey(truces.get(i))) {
                errors.add(new Problem.FieldError(prefix + "truces[" + i + "]", "'" + truces.get(i)
                        + "' is not a truce in service: " + terms.truces().keySet()));
            }
        }
        List<String> verdicts = new ArrayList<>();
        List<String> given = strings(node.path("verdicts"), prefix + "verdicts", errors);
        for (int i = 0; i < given.size(); i++) {
            try {
                verdicts.add(Verdict.valueOf(given.get(i).strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(prefix + "verdicts[" + i + "]", "'" + given.get(i) + "' is not one of "
                        + Arrays.toString(Verdict.values())));
            }
        }
        boolean absent = node.path("verdicts").isMissingNode() || node.path("verdicts").isNull();
        if (absent && defaultToViolations) {
            verdicts.add(Verdict.PROBABLE_VIOLATION.name());
        }
        List<String> parties = new ArrayList<>();
        List<String> names = strings(node.path("parties"), prefix + "parties", errors);
        for (int i = 0; i < names.size(); i++) {
            // A truce party by its name, else an actor (any alias) by its id.
            String name = names.get(i);
            Optional<String> party = terms.partyNamed(name).or(() -> terms.actors().resolve(name).map(Actor::id));
            if (party.isPresent()) {
                parties.add(party.get());
            } else {
                errors.add(new Problem.FieldError(prefix + "parties[" + i + "]", "'" + names.get(i)
                        + "' is neither a party of a truce nor an actor of the registry"));
            }
        }
        String admin1 = node.path("admin1").isTextual() ? node.get("admin1").asText().strip() : null;
        return new EventFilter(truces, verdicts, parties, admin1);
    }

    public List<View> list() {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>list(
                "deletedAt is null order by createdAt").stream().map(s -> view(s, false)).toList());
    }

    public View get(String id) {
        return QuarkusTransaction.requiringNew().call(() -> view(live(id), false));
    }

    public void delete(String id, String principal) {
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription subscription = live(id);
            subscription.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            auditChange("deleted", subscription, principal);
        });
    }

    public View rotate(String id, String principal) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = live(id);
            subscription.secret = WebhookSignature.newSecret();
            subscription.rotatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            auditChange("secret rotated", subscription, principal);
            return view(subscription, true);
        });
    }

    public Page<DeliveryView> deliveries(String id, String status, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            live(id);
            var query = status == null
                    ? Delivery.<Delivery>find("subscriptionId = ?1 order by createdAt desc, id", id)
                    : Delivery.<Delivery>find("subscriptionId = ?1 and status = ?2 order by createdAt desc, id", id, status);
            return new Page<>(query.page(page, size).list().stream().map(Subscriptions::deliveryView).toList(), page, size,
                    query.count());
        });
    }

    /** Sends a delivery again from the start of the retry schedule, with the same webhook-id. */
    public DeliveryView redeliver(String id, String deliveryId, String principal) {
        return QuarkusTransaction.requiringNew().call(() -> {
            live(id);
            Delivery delivery = Delivery.<Delivery>findByIdOptional(deliveryId).filter(d -> d.subscriptionId.equals(id))
                    .orElseThrow(() -> ProblemException.notFound("delivery " + deliveryId + " of subscription " + id));
            delivery.status = Delivery.Status.PENDING.name();
            delivery.attempts = 0;
            delivery.nextAttemptAt = Instant.now();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subscription_id", id);
            data.put("delivery_id", deliveryId);
            data.put("change", "redelivery requested");
            ledger.record(AuditTrail.SUBSCRIPTION_CHANGED, null, principal, data);
            return deliveryView(delivery);
        });
    }

    private static Subscription live(String id) {
        return Subscription.<Subscription>findByIdOptional(id).filter(s -> s.deletedAt == null)
                .orElseThrow(() -> ProblemException.notFound("subscription " + id));
    }

    private void auditChange(String change, Subscription subscription, String principal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscription_id", subscription.id);
        data.put("change", change);
        data.put("url", subscription.url);
        data.put("filter", CanonicalJson.parse(subscription.filterJson));
        ledger.record(AuditTrail.SUBSCRIPTION_CHANGED, null, principal, data);
    }

    private static View view(Subscription s, boolean withSecret) {
        return new View(s.id, s.url, s.description, filterOf(s), s.createdAt, s.createdBy, s.rotatedAt,
                withSecret ? s.secret : null);
    }

    private static DeliveryView deliveryView(Delivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventSeq, d.status, d.attempts, d.lastStatus, d.lastError,
                d.nextAttemptAt, d.createdAt, d.succeededAt);
    }

    private static List<String> strings(JsonNode node, String field, List<Problem.FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError(field, "must be an array of strings"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual() && !node.get(i).asText().isBlank()) {
                values.add(node.get(i).asText().strip());
            } else {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "must be a non-empty string"));
            }
        }
        return values;
    }
}
