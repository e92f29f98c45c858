package dev.firebreak.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real console as a child process (headless, with the runbook API on a free port) for the durability tests that
 * kill it, and the waits and API calls they make on it (bounded waits on a condition, never a fixed sleep).
 */
final class HeadlessConsole {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    private HeadlessConsole() {
    }

    static Process start(Path dataDir, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.firebreak.app.Firebreak", "--headless", "--data-dir", dataDir.toString(), "--api", "--api-port", "0"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void awaitLine(Process process, String text) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("the console ended without printing '" + text + "'");
    }

    /** Waits for a real child process to have written {@code count} lines; fails after a minute. */
    static void awaitFileLines(Path file, int count) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(file) || Files.readAllLines(file).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " never reached " + count + " lines");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** The API's base address and token, as the console wrote them to its data directory. */
    record Api(String base, String token) {
        static Api of(Path dataDir) throws IOException {
            return new Api("http://127.0.0.1:" + Files.readString(dataDir.resolve("api.port")).strip() + "/api/v1",
                    Files.readString(dataDir.resolve("api-token")).strip());
        }

        JsonNode get(String path) throws IOException {
            try (Response response = HTTP.newCall(new Request.Builder().url(base + path)
                    .header("Authorization", "Bearer " + token).build()).execute()) {
                assertThat(response.code()).isEqualTo(200);
                return JSON.readTree(response.body().string());
            }
        }

        JsonNode post(String path, String body, int expected) throws IOException {
            try (Response response = HTTP.newCall(new Request.Builder().url(base + path)
                    .header("Authorization", "Bearer " + token)
                    .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
                String text = response.body().string();
                assertThat(response.code()).as(text).isEqualTo(expected);
                return JSON.readTree(text);
            }
        }

        /** Polls a run (a real process on wall-clock time) until it reaches {@code state}; fails after a minute. */
        void awaitState(long run, String state) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            String seen = "";
            while (System.nanoTime() < deadline) {
                seen = get("/executions/" + run).get("state").asText();
                if (seen.equals(state)) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            throw new AssertionError("run " + run + " never reached " + state + "; last " + seen);
        }
    }
}
