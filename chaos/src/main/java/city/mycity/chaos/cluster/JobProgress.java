package city.mycity.chaos.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.flink.api.common.JobID;

/**
 * How far the jobs of a cluster have come, read from its REST API ({@code /jobs/:id}, its vertices' watermarks and
 * metrics, and its checkpoints): what a test waits on when the job runs in another process.
 */
public final class JobProgress {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String restUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    JobProgress(String restUrl) {
        this.restUrl = restUrl;
    }

    /**
     * The lowest input watermark of the subtasks of the job's vertices whose name contains {@code vertex}, in epoch
     * milliseconds; empty while one has none yet (Flink shows {@link Long#MIN_VALUE}) or no vertex matches.
     */
    public OptionalLong inputWatermark(JobID job, String vertex) throws IOException, InterruptedException {
        long lowest = Long.MAX_VALUE;
        List<String> ids = vertices(job, vertex);
        for (String id : ids) {
            for (JsonNode metric : get("/jobs/" + job + "/vertices/" + id + "/watermarks")) {
                if (metric.path("id").asText().endsWith("currentInputWatermark")) {
                    lowest =
                            Math.min(lowest, Long.parseLong(metric.path("value").asText()));
                }
            }
        }
        return ids.isEmpty() || lowest == Long.MAX_VALUE || lowest == Long.MIN_VALUE
                ? OptionalLong.empty()
                : OptionalLong.of(lowest);
    }

    /**
     * The records that the operators whose name ends with {@code operator} (e.g. {@code uplinks} for a source named
     * {@code mqtt-uplinks}) have emitted, over their subtasks, since they were (re)started.
     */
    public long recordsOut(JobID job, String operator) throws IOException, InterruptedException {
        long total = 0;
        for (String id : vertices(job, operator)) {
            String path = "/jobs/" + job + "/vertices/" + id + "/metrics";
            List<String> wanted = new ArrayList<>();
            for (JsonNode metric : get(path)) {
                String name = metric.path("id").asText();
                if (name.endsWith(operator + ".numRecordsOut")) {
                    wanted.add(name);
                }
            }
            if (!wanted.isEmpty()) {
                for (JsonNode value : get(path + "?get=" + String.join(",", wanted))) {
                    total += value.path("value").asLong();
                }
            }
        }
        return total;
    }

    /** When the job's latest completed checkpoint was triggered (the JobManager's clock), if it has completed one. */
    public OptionalLong lastCheckpointTriggered(JobID job) throws IOException, InterruptedException {
        JsonNode completed = get("/jobs/" + job + "/checkpoints").path("latest").path("completed");
        return completed.isObject() && completed.has("trigger_timestamp")
                ? OptionalLong.of(completed.path("trigger_timestamp").asLong())
                : OptionalLong.empty();
    }

    private List<String> vertices(JobID job, String vertex) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode info : get("/jobs/" + job).path("vertices")) {
            if (info.path("name").asText().contains(vertex)) {
                ids.add(info.path("id").asText());
            }
        }
        return ids;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(restUrl + path))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
