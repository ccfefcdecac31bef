package io.trucewatch.rulesets;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A ruleset that cannot be used answers 422 problem+json whose {@code errors} name file, line,
 * column and message ({@code field} does not fit: the offending thing is a place in a file).
 */
public class RulesetProblems {

    @ServerExceptionMapper
    public Response invalidRuleset(RulesetException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/invalid-ruleset");
        problem.put("title", "Invalid ruleset");
        problem.put("status", 422);
        problem.put("detail", e.errors().size() + " problem(s); the ruleset in service is unchanged");
        problem.put("errors", e.errors());
        return Response.status(422).type("application/problem+json").entity(problem).build();
    }
}
