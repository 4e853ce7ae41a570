package city.mycity.metrics;

import city.mycity.settings.Setting;
import java.util.List;

/** Where a standalone service serves its metrics. */
public final class MetricsSettings {

    public static final Setting<Integer> PORT = Setting.integer(
            "mycity.metrics.port",
            "port of the service's Prometheus endpoint /metrics and of /health; 0 = a free port; -1 = no endpoint",
            9464,
            "port");
    public static final Setting<String> HOST = Setting.string(
            "mycity.metrics.host",
            "address the metrics endpoint binds to (loopback unless opened deliberately)",
            "127.0.0.1");

    public static final List<Setting<?>> ALL = List.of(PORT, HOST);

    private MetricsSettings() {}
}
