package io.trucewatch.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Production authentication: bearer JWTs, roles from the groups claim, checked with a key made here. */
@QuarkusTest
@TestProfile(JwtAccessTest.WithTestKey.class)
class JwtAccessTest {

    static final String ISSUER = "https://trucewatch.example/issuer";
    static final KeyPair KEY = rsa();
    static final KeyPair OTHER_KEY = rsa();

    /** Trusts the public half of {@link #KEY}, generated in this test run. */
    public static class WithTestKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey",
                    Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded()),
                    "mp.jwt.verify.issuer", ISSUER);
        }
    }

    @Test
    void a_token_signed_by_the_trusted_key_carries_its_groups_as_roles() {
        given().auth().oauth2(token("jules", Set.of(Roles.AUDITOR), KEY.getPrivate(), ISSUER))
                .get("/api/me").then().statusCode(200)
                .body("name", equalTo("jules")).body("roles", equalTo(List.of(Roles.AUDITOR)));
        given().auth().oauth2(token("jules", Set.of(Roles.AUDITOR), KEY.getPrivate(), ISSUER))
                .get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void a_token_without_the_role_is_403() {
        given().auth().oauth2(token("max", Set.of(Roles.MONITOR), KEY.getPrivate(), ISSUER))
                .get("/api/audit/verify").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_token_from_another_key_another_issuer_or_out_of_date_is_401() {
        given().auth().oauth2(token("eve", Set.of(Roles.AUDITOR), OTHER_KEY.getPrivate(), ISSUER))
                .get("/api/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token("eve", Set.of(Roles.AUDITOR), KEY.getPrivate(), "https://elsewhere.example"))
                .get("/api/me").then().statusCode(401);
        String expired = Jwt.issuer(ISSUER).upn("eve").groups(Set.of(Roles.AUDITOR))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .sign(KEY.getPrivate());
        given().auth().oauth2(expired).get("/api/me").then().statusCode(401);
    }

    static String token(String user, Set<String> groups, PrivateKey key, String issuer) {
        return Jwt.issuer(issuer).upn(user).groups(groups).expiresIn(300).sign(key);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
