package dev.crosslink.cache;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A node that cannot hear other nodes' writes is not ready to take traffic behind a load balancer. */
@Readiness
@ApplicationScoped
public class ListenerHealth implements HealthCheck {

    private final GenerationListener listener;

    public ListenerHealth(GenerationListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("content-change listener").status(listener.connected()).build();
    }
}
