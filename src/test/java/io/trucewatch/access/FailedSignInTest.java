package io.trucewatch.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failed HTTP Basic sign-ins are limited ({@link SignInThrottle}) without locking the real user out.
 *
 * <p>Who is where: every request of the test suite comes from loopback, so a client "elsewhere" is
 * modelled as a proxy would report it: loopback is a trusted proxy in the test profile
 * (application.properties, {@code %test.quarkus.http.proxy.*}) and each request here names its
 * client in X-Forwarded-For, from the documentation ranges (RFC 5737). The attacker is one such
 * address; the real user is the same account signing in from another. The address the other tests
 * come from (loopback itself) is never guessed from, so their sign-ins are not disturbed; and the
 * user guessed at, {@code vic}, is one no other test signs in as.
 *
 * <p>The limits are read from configuration, so the test follows them if they change.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailedSignInTest {

    private static final String TARGET = "vic";
    private static final String ATTACKER = "198.51.100.7";
    private static final String REAL_USERS_ADDRESS = "203.0.113.20";

    /**
     * Set once the first test has seen X-Forwarded-For honoured (the real user got in from its own
     * address while the attacker's was refused). Without that, the address-wide test would refuse
     * loopback itself, and with it every other test's sign-ins for the length of a cool-down.
     */
    private static volatile boolean forwardedAddressesSeen;

    @Inject
    AuthConfig config;

    @Test
    @Order(1)
    void after_the_limit_one_user_from_one_address_is_refused_without_a_password_check_and_no_one_else_is() {
        int limit = config.throttle().failuresPerUserAndAddress();
        double before = passwordChecks();
        for (int i = 0; i < limit; i++) {
            from(ATTACKER).auth().preemptive().basic(TARGET, "guess-" + i).get("/api/me").then().statusCode(401);
        }
        double afterGuesses = passwordChecks();
        assertEquals(before + limit, afterGuesses, "each wrong password costs one PBKDF2 check");
        for (int i = 0; i < 5; i++) {
            assertLimited(from(ATTACKER).auth().preemptive().basic(TARGET, "more-" + i).get("/api/me"), TARGET);
        }
        // A refusal must not cost a check: that is what makes it cheap, whatever the machine's speed.
        assertEquals(afterGuesses, passwordChecks(), "refused sign-ins ran no password check");
        // Even the right password is refused from there: were it let through, the attacker could go
        // on guessing, answered fast, until one answer came back 200.
        assertLimited(from(ATTACKER).auth().preemptive().basic(TARGET, As.password(TARGET)).get("/api/me"), TARGET);
        // Outside the REST layer too: /q/metrics is guarded by an HTTP permission, not by an endpoint.
        assertLimited(from(ATTACKER).auth().preemptive().basic(TARGET, As.password(TARGET)).get("/q/metrics"), TARGET);

        // Another user from the attacker's address: only the pair was limited, not the address.
        from(ATTACKER).auth().preemptive().basic(As.SECOND_MONITOR, As.password(As.SECOND_MONITOR)).get("/api/me")
                .then().statusCode(200).body("name", equalTo(As.SECOND_MONITOR));
        // The real user, from its own address: the attacker's flood did not lock it out.
        from(REAL_USERS_ADDRESS).auth().preemptive().basic(TARGET, As.password(TARGET)).get("/api/me")
                .then().statusCode(200).body("name", equalTo(TARGET));
        forwardedAddressesSeen = true;
    }

    /** The service's count of PBKDF2 checks, read from /q/metrics (as an auditor already signed in). */
    private static double passwordChecks() {
        String metrics = As.auditor().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("trucewatch_password_checks_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(2)
    void a_name_that_does_not_exist_is_limited_exactly_like_one_that_does() {
        String address = "198.51.100.8";
        for (int i = 0; i < config.throttle().failuresPerUserAndAddress(); i++) {
            from(address).auth().preemptive().basic("no-such-user", "guess-" + i).get("/api/me").then().statusCode(401);
        }
        assertLimited(from(address).auth().preemptive().basic("no-such-user", "one-more").get("/api/me"), "no-such-user");
    }

    @Test
    @Order(3)
    void one_address_trying_many_names_is_refused_for_every_name_but_other_addresses_are_not() {
        assumeTrue(forwardedAddressesSeen, "X-Forwarded-For was not seen honoured (first test); "
                + "not tripping the limit of an address the other tests may share");
        String sprayer = "198.51.100.9";
        for (int i = 0; i < config.throttle().failuresPerAddress(); i++) {
            from(sprayer).auth().preemptive().basic("spray-" + i, "Summer2024!").get("/api/me").then().statusCode(401);
        }
        // From there, any name is refused, a real account with its right password included.
        assertLimited(from(sprayer).auth().preemptive().basic("spray-next", "Summer2024!").get("/api/me"), "spray-next");
        assertLimited(from(sprayer).auth().preemptive().basic(As.SECOND_AUDITOR, As.password(As.SECOND_AUDITOR))
                .get("/api/me"), As.SECOND_AUDITOR);
        // From anywhere else, that account signs in; so do the other tests, from loopback.
        from("203.0.113.21").auth().preemptive().basic(As.SECOND_AUDITOR, As.password(As.SECOND_AUDITOR)).get("/api/me")
                .then().statusCode(200).body("name", equalTo(As.SECOND_AUDITOR));
        As.monitor().get("/api/me").then().statusCode(200).body("name", equalTo(As.MONITOR));
    }

    /** 429 problem+json with Retry-After, saying sign-ins are limited and nothing about the user. */
    private void assertLimited(Response answer, String user) {
        assertEquals(429, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= config.throttle().maxCoolDown().toSeconds(), "Retry-After " + retryAfter);
        JsonPath problem = answer.jsonPath();
        assertEquals("/problems/sign-ins-limited", problem.getString("type"));
        assertEquals(429, problem.getInt("status"));
        assertEquals("Sign-ins are temporarily limited; try again in " + retryAfter + " s", problem.getString("detail"));
        assertFalse(answer.asString().contains(user), answer.asString());
    }

    private static RequestSpecification from(String clientAddress) {
        return given().header("X-Forwarded-For", clientAddress);
    }

}
