package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * HTTP GET expecting a status and, for a deep check, a body containing an expected text. Reads at most
 * {@code maxBodyBytes} of the body, so a huge payload costs no more than that.
 */
public final class HttpProbe implements Probe {

    // one client for every probe: connection pool and dispatcher threads are shared
    private static final OkHttpClient SHARED = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .followRedirects(false).build();

    private final String url;
    private final int expectedStatus;
    private final Optional<String> expectedBodyText;
    private final int maxBodyBytes;

    public HttpProbe(String url, int expectedStatus, Optional<String> expectedBodyText, int maxBodyBytes) {
        this.url = Objects.requireNonNull(url, "url");
        this.expectedBodyText = Objects.requireNonNull(expectedBodyText, "expectedBodyText");
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new IllegalArgumentException("expectedStatus must be an HTTP status (100-599), was " + expectedStatus);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.expectedStatus = expectedStatus;
        this.maxBodyBytes = maxBodyBytes;
        // fail now, not at the first run, on a URL OkHttp cannot use
        new Request.Builder().url(url);
    }

    @Override
    public String description() {
        return "HTTP GET " + url + " expecting " + expectedStatus
                + expectedBodyText.map(text -> " with a body containing '" + text + "'").orElse("");
    }

    @Override
    public ProbeResult run(Duration timeout) {
        long start = System.nanoTime();
        OkHttpClient client = SHARED.newBuilder().callTimeout(timeout).build();
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != expectedStatus) {
                return ProbeResult.fail("GET " + url + ": expected status " + expectedStatus + ", got " + response.code()
                        + " " + response.message(), Deadline.since(start));
            }
            if (expectedBodyText.isEmpty()) {
                return ProbeResult.pass("GET " + url + ": " + response.code(), Deadline.since(start));
            }
            String body = readBounded(response.body());
            if (!body.contains(expectedBodyText.get())) {
                return ProbeResult.fail("GET " + url + ": expected a body containing '" + expectedBodyText.get()
                        + "', got '" + abbreviate(body) + "'", Deadline.since(start));
            }
            return ProbeResult.pass("GET " + url + ": " + response.code() + ", body as expected", Deadline.since(start));
        } catch (InterruptedIOException e) {
            return ProbeResult.timeout("GET " + url + ": no complete answer within " + timeout.toMillis() + " ms",
                    Deadline.since(start));
        } catch (ProtocolException e) {
            return ProbeResult.fail("GET " + url + ": expected an HTTP response, got something else (" + e.getMessage()
                    + ")", Deadline.since(start));
        } catch (IOException e) {
            return ProbeResult.fail("GET " + url + ": expected an HTTP response, got " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), Deadline.since(start));
        }
    }

    private String readBounded(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            return new String(in.readNBytes(maxBodyBytes), StandardCharsets.UTF_8);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
