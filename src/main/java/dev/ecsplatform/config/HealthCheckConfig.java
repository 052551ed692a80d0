package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;

/** The container's own health check, which lets ECS replace a task that hangs, and the grace period of new tasks. */
@Doc("The container's own health check, which lets ECS replace a task that hangs.")
public record HealthCheckConfig(
        @Default(computed = "defaultCommand", means = "with `traffic.alb`: `[CMD-SHELL, \"curl -fsS http://localhost:<port><path> "
                + "> /dev/null || wget -q -O /dev/null http://localhost:<port><path> || exit 1\"]`, `<path>` being "
                + "`traffic.alb.healthCheck.path`; otherwise none")
        @Doc(value = "The container health-check command. A service without an ALB route has none unless it sets one, even "
                + "with a port, which may serve metrics or gRPC rather than `GET /`; an empty list also means none. The "
                + "default works with images that ship curl or only BusyBox wget; images without a shell (distroless) "
                + "must set it, with `CMD`.", rules = "`CMD` or `CMD-SHELL`, then the command")
        List<String> command,

        @Range(min = 0, max = 7200)
        @Default("60")
        @Doc("Seconds ECS ignores failing load-balancer checks after a task starts; Copilot's value, enough for a JVM or "
                + "Node service to boot. Also the container check's start period (at most 300 s).")
        int gracePeriodSeconds) {

    public HealthCheckConfig {
        command = List.copyOf(command);
    }

    /** The container check, portable across images that ship curl or only BusyBox wget. */
    public static List<String> httpCheck(int port, String path) {
        String url = "http://localhost:" + port + path;
        return List.of("CMD-SHELL", "curl -fsS " + url + " > /dev/null || wget -q -O /dev/null " + url + " || exit 1");
    }

    /**
     * The load balancer's check, run inside the container; a service without an ALB route gets a container
     * check only when it says so, because its port may serve metrics or gRPC and never answer GET /.
     */
    @SuppressWarnings("unchecked")
    static List<String> defaultCommand(DefaultContext context) {
        DefaultContext service = context.parent();
        Optional<Integer> port = service.sibling("port", Optional.class);
        return service.sibling("traffic", TrafficConfig.class).alb()
                .flatMap(alb -> port.map(p -> httpCheck(p, alb.healthCheck().path())))
                .orElse(List.of());
    }
}
