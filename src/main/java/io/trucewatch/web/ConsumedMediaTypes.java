package io.trucewatch.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which media types each endpoint that takes a body accepts, read from the resources' own
 * {@code @Consumes}: the one statement of it, which the API description shows too. Known before
 * the request is routed, so that {@link ContentTypeCheck} can name them in every 415.
 */
@Singleton
public class ConsumedMediaTypes {

    /** An endpoint: its HTTP method, its path as a pattern, the media types it takes (no parameters). */
    record Endpoint(String method, Pattern path, List<String> mediaTypes) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Endpoint> endpoints;

    /** The media types the endpoint at {@code method path} takes; empty when it declares none. */
    public List<String> of(String method, String path) {
        String trimmed = trimSlashes(path);
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equalsIgnoreCase(method) && endpoint.path().matcher(trimmed).matches()) {
                return endpoint.mediaTypes();
            }
        }
        return List.of();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            // JAX-RS resources are beans; their classes carry the annotations.
            List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .<Class<?>>map(Bean::getBeanClass).filter(c -> c.isAnnotationPresent(Path.class)).distinct().toList();
            known = scan(resources);
            endpoints = known;
        }
        return known;
    }

    /** Every resource method of {@code resources} with a {@code @Consumes}, on the method or its class. */
    static List<Endpoint> scan(Collection<Class<?>> resources) {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                        : resource.getAnnotation(Consumes.class);
                if (httpMethod == null || consumes == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = trimSlashes(classPath) + "/" + trimSlashes(methodPath == null ? "" : methodPath.value());
                found.add(new Endpoint(httpMethod, pattern(trimSlashes(template)), mediaTypes(consumes)));
            }
        }
        return List.copyOf(found);
    }

    /** A path template as a pattern: {@code {id}} is one segment; {@code {id: regex}} is the regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            int close = closingBrace(template, open);
            String parameter = template.substring(open + 1, close);
            int colon = parameter.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + parameter.substring(colon + 1).strip() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            if (template.charAt(i) == '{') {
                depth++;
            } else if (template.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in path template " + template);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static List<String> mediaTypes(Consumes consumes) {
        return Arrays.stream(consumes.value()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(ConsumedMediaTypes::essence).toList();
    }

    /** "type/subtype", lower case, without parameters such as charset. */
    static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
