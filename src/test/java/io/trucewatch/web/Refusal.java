package io.trucewatch.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What every refusal must look like: its status, problem+json, the offending fields named, no internals. */
final class Refusal {

    private Refusal() {
    }

    /** Asserts the refusal and answers its problem, to look at messages. */
    static JsonPath assertRefused(Response response, int status, String... fields) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("errors.field", hasItems(fields));
        Plain.assertPlain(response.asString());
        return response.jsonPath();
    }

    /** The message given for {@code field}. */
    static String message(JsonPath problem, String field) {
        return problem.getString("errors.find { it.field == '" + field.replace("'", "\\'") + "' }.message");
    }
}
