package dev.crosslink.web;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9110's method rules for every resource path: a method a path does not have is a 405 that
 * carries {@code Allow} (section 15.5.6), and {@code OPTIONS} answers with exactly the methods the
 * path has. The table is read from the resource classes themselves at start, so a new resource is
 * covered without being listed here. Paths that no resource declares are left to the 404.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    /** One path template of a resource, as a regular expression, and the methods declared on it. */
    private record Route(Pattern path, Set<String> methods) {
    }

    private final List<Route> routes = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root != null) {
                collect(type, root.value());
            }
        }
    }

    private void collect(Class<?> type, String root) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    add(join(root, sub == null ? "" : sub.value()), http);
                }
            }
        }
    }

    private synchronized void add(String template, String method) {
        Pattern pattern = Pattern.compile(regex(template));
        for (Route route : routes) {
            if (route.path().pattern().equals(pattern.pattern())) {
                route.methods().add(method);
                return;
            }
        }
        Set<String> methods = new TreeSet<>();
        methods.add(method);
        routes.add(new Route(pattern, methods));
    }

    /** The methods a request path allows, with HEAD beside GET and OPTIONS; empty when no resource has the path. */
    public Set<String> allowed(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                allowed.addAll(route.methods());
            }
        }
        if (!allowed.isEmpty()) {
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkMethod(ContainerRequestContext request) {
        Set<String> allowed = allowed(request.getUriInfo().getRequestUri().getRawPath());
        if (allowed.isEmpty()) {
            return null;
        }
        if (request.getMethod().equals("OPTIONS")) {
            return Response.noContent().header("Allow", String.join(", ", allowed)).build();
        }
        if (!allowed.contains(request.getMethod())) {
            throw new MethodNotAllowedException(allowed);
        }
        return null;
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

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** "/api/posts/{slug}" to "/api/posts/[^/]+", "{format: rss|atom}" to "(?:rss|atom)", the rest literal. */
    static String regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).strip() + ")");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return regex.toString();
    }
}
