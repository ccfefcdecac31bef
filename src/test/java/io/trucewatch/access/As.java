package io.trucewatch.access;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Requests made as one of the development users of application.properties (password
 * {@code <name>-dev-password}): two monitors and two auditors, so four-eyes rules can be exercised.
 */
public final class As {

    public static final String MONITOR = "mona";
    public static final String SECOND_MONITOR = "milo";
    public static final String AUDITOR = "audrey";
    public static final String SECOND_AUDITOR = "aziz";
    public static final String ADMIN = "ada";

    private As() {
    }

    public static RequestSpecification monitor() {
        return user(MONITOR);
    }

    public static RequestSpecification secondMonitor() {
        return user(SECOND_MONITOR);
    }

    public static RequestSpecification auditor() {
        return user(AUDITOR);
    }

    public static RequestSpecification secondAuditor() {
        return user(SECOND_AUDITOR);
    }

    public static RequestSpecification admin() {
        return user(ADMIN);
    }

    public static RequestSpecification user(String name) {
        return given().auth().preemptive().basic(name, password(name));
    }

    public static String password(String name) {
        return name + "-dev-password";
    }

    /** The value of an Authorization header for a development user, for plain JDK HTTP clients. */
    public static String basicHeader(String name) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((name + ":" + password(name)).getBytes(StandardCharsets.UTF_8));
    }
}
