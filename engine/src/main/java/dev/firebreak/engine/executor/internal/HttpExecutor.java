package dev.firebreak.engine.executor.internal;

import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one HTTP request and checks the status and, if asked, a text in the body. The output is the response body
 * cut at {@link #OUTPUT_LIMIT_BYTES}; the body check looks at that much. Messages name the method and URL but never a
 * header value: headers carry tokens.
 */
public final class HttpExecutor implements Executor {

    public static final int OUTPUT_LIMIT_BYTES = 64 * 1024;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    /** Methods OkHttp refuses to send without a body (it then gets an empty one). */
    private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

    private final OkHttpClient client;

    public HttpExecutor(OkHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public boolean handles(Invocation invocation) {
        return invocation instanceof Invocation.Http;
    }

    @Override
    public Outcome run(Invocation invocation, OutputSink output) {
        if (!(invocation instanceof Invocation.Http http)) {
            return Outcome.refused("the HTTP executor sends HTTP requests, not: " + invocation.render());
        }
        Objects.requireNonNull(output, "output");
        String call = http.method() + " " + http.url();
        Request request;
        try {
            request = request(http);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(call + ": not sent: " + e.getMessage());
        }
        OkHttpClient timed = client.newBuilder().callTimeout(http.timeout()).build();
        long start = System.nanoTime();
        try (Response response = timed.newCall(request).execute()) {
            Body body = read(response.body());
            body.text().lines().forEach(line -> deliver(output, line));
            if (response.code() != http.expectStatus()) {
                return new Outcome(Outcome.Status.FAILED, -1, body.text(), body.truncated(),
                        call + ": expected status " + http.expectStatus() + ", got " + response.code());
            }
            if (!body.text().contains(http.expectBodyContains())) {
                return new Outcome(Outcome.Status.FAILED, -1, body.text(), body.truncated(),
                        call + ": status " + response.code() + " as expected, but the body does not contain "
                                + quote(http.expectBodyContains())
                                + (body.truncated() ? " in its first " + OUTPUT_LIMIT_BYTES + " bytes" : ""));
            }
            return new Outcome(Outcome.Status.SUCCEEDED, 0, body.text(), body.truncated(),
                    call + ": status " + response.code() + " as expected"
                            + (http.expectBodyContains().isEmpty() ? ""
                                    : ", body contains " + quote(http.expectBodyContains())));
        } catch (IOException e) {
            boolean late = e instanceof InterruptedIOException
                    || System.nanoTime() - start >= Durations.nanos(http.timeout());
            if (late) {
                return new Outcome(Outcome.Status.TIMED_OUT, -1, "", false,
                        call + ": no complete answer within the timeout of " + Durations.describe(http.timeout()));
            }
            return Outcome.failed(-1, "", call + ": request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Builds the request; throws IllegalArgumentException, naming no header value, for what HTTP cannot carry. */
    private static Request request(Invocation.Http http) {
        HttpUrl url = HttpUrl.parse(http.url());
        if (url == null) {
            throw new IllegalArgumentException("'" + http.url() + "' is not an http or https URL");
        }
        Request.Builder builder = new Request.Builder().url(url);
        boolean contentTypeGiven = false;
        for (Map.Entry<String, String> header : http.headers().entrySet()) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // OkHttp's own message may quote the value
                throw new IllegalArgumentException("header '" + header.getKey()
                        + "' has a name or value HTTP cannot carry");
            }
            contentTypeGiven |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        return builder.method(http.method(), body(http, contentTypeGiven)).build();
    }

    /**
     * JSON if it looks like JSON, else plain text; a Content-Type header given explicitly wins (a body with no
     * media type of its own leaves that header alone).
     */
    private static RequestBody body(Invocation.Http http, boolean contentTypeGiven) {
        String text = http.body();
        if (text.isEmpty()) {
            return BODY_REQUIRED.contains(http.method().toUpperCase(Locale.ROOT))
                    ? RequestBody.create(new byte[0], null) : null;
        }
        String start = text.stripLeading();
        MediaType type = contentTypeGiven ? null
                : start.startsWith("{") || start.startsWith("[") ? JSON : TEXT;
        return RequestBody.create(text.getBytes(StandardCharsets.UTF_8), type);
    }

    private record Body(String text, boolean truncated) {
    }

    private static Body read(ResponseBody body) throws IOException {
        if (body == null) {
            return new Body("", false);
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(OUTPUT_LIMIT_BYTES + 1);
            boolean truncated = bytes.length > OUTPUT_LIMIT_BYTES;
            int length = truncated ? OutputCapture.completeLength(bytes, OUTPUT_LIMIT_BYTES) : bytes.length;
            return new Body(new String(bytes, 0, length, StandardCharsets.UTF_8), truncated);
        }
    }

    private static void deliver(OutputSink output, String line) {
        try {
            output.line(line);
        } catch (RuntimeException e) {
            // the display's failure is not the request's: the outcome still says what the server answered
        }
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }
}
