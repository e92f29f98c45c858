package dev.firebreak.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.app.cli.CommandLine;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API as a server: who gets in, what it reads, how it fails, where it listens. */
class RunbookApiServerTests {

    private static final Map<String, String> START = Map.of("mode", "approval_only", "environment", "simulator",
            "startedBy", "ana");

    @TempDir
    Path root;
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(root);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void requestWithoutATokenIsRefusedWith401AndAJsonError() {
        ApiFixture.Reply reply = api.call(new Request.Builder().url(api.url("/runbooks")).get().build());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).contains("bearer token").contains("api-token");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void requestWithAWrongTokenOrSchemeIsRefusedWith401() {
        ApiFixture.Reply wrong = api.call(new Request.Builder().url(api.url("/runbooks"))
                .header("Authorization", "Bearer " + api.token() + "x").get().build());
        ApiFixture.Reply basic = api.call(new Request.Builder().url(api.url("/runbooks"))
                .header("Authorization", "Basic " + api.token()).get().build());
        ApiFixture.Reply post = api.call(new Request.Builder().url(api.url("/runbooks/pool-reset/executions"))
                .header("Authorization", "Bearer nope").post(RequestBody.create(ApiFixture.json(START), ApiFixture.JSON)).build());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(post.status()).isEqualTo(401);
        assertThat(api.desk.executions()).isEmpty();
        assertThat(api.get("/runbooks").status()).isEqualTo(200);
    }

    @Test
    void tokenIsGeneratedIntoAFileOnlyItsOwnerCanReadAndKeptAcrossRestarts() throws Exception {
        Path file = api.dataDir.resolve("api-token");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(api.token()).matches("[A-Za-z0-9_-]{43}");

        String before = api.token();
        try (RunbookApiServer again = new RunbookApiServer(RunbookApiConfig.loopback(0, api.dataDir), api.desk, o -> { })) {
            again.start();
            assertThat(Files.readString(file).strip()).isEqualTo(before);
        }
    }

    @Test
    void tokenFileReadableByOthersStopsTheStartNamingTheFileAndItsMode() throws Exception {
        Path other = Files.createDirectories(root.resolve("other"));
        Path file = other.resolve("api-token");
        Files.writeString(file, "a-token-someone-wrote-by-hand\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        RunbookApiServer server = new RunbookApiServer(RunbookApiConfig.loopback(0, other), api.desk, o -> { });

        assertThatThrownBy(server::start).isInstanceOf(ApiStartException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("0644").hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
        assertThat(other.resolve("api.port")).doesNotExist();
        server.close();
    }

    @Test
    void boundPortIsWrittenToTheDataDirectoryAndRemovedOnClose() throws Exception {
        Path portFile = api.dataDir.resolve("api.port");

        assertThat(api.address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(api.address.getPort()).isPositive();
        assertThat(Files.readString(portFile).strip()).isEqualTo(String.valueOf(api.address.getPort()));

        api.server.close();
        assertThat(portFile).doesNotExist();
    }

    @Test
    void malformedJsonIsA400NamingWhereItBroke() {
        ApiFixture.Reply reply = api.post("/runbooks/pool-reset/executions", "{\"mode\": \"approval_only\",\n \"environment\": }");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).startsWith("malformed JSON at line 2, column").doesNotContain("Source").doesNotContain("at com.");
    }

    @Test
    void fieldOutsideItsChoicesIsA400NamingTheFieldAndTheChoices() {
        ApiFixture.Reply reply = api.post("/runbooks/pool-reset/executions", Map.of("mode", "sometimes",
                "environment", "simulator", "startedBy", "ana"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("field 'mode': expected one of automatic, step_by_step, approval_only, dry_run");
    }

    @Test
    void missingRequiredFieldWrongTypeAndUnknownFieldAreEach400NamingTheField() {
        ApiFixture.Reply missing = api.post("/runbooks/pool-reset/executions", Map.of("mode", "automatic",
                "environment", "simulator"));
        ApiFixture.Reply wrongType = api.post("/runbooks/pool-reset/executions", Map.of("mode", "automatic",
                "environment", "simulator", "startedBy", 7));
        ApiFixture.Reply unknown = api.post("/runbooks/pool-reset/executions", Map.of("mode", "automatic",
                "environment", "simulator", "startedBy", "ana", "parameter", Map.of()));
        ApiFixture.Reply notAnObject = api.post("/runbooks/pool-reset/executions", "[1, 2]");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("missing required field 'startedBy'");
        assertThat(wrongType.error()).isEqualTo("field 'startedBy': expected a string, was a number");
        assertThat(unknown.error()).startsWith("unknown field 'parameter'");
        assertThat(notAnObject.error()).isEqualTo("the body must be a JSON object, was an array");
        assertThat(api.desk.executions()).isEmpty();
    }

    @Test
    void oneMegabyteBodyIsRefusedWith413UnreadAndTheServerAnswersTheNextRequest() throws Exception {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        String head = "PUT /api/v1/runbooks/pool-reset HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";

        String answer = rawExchange(head, body, false);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("256 KiB");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
        assertThat(api.get("/runbooks/pool-reset").status()).isEqualTo(200);
    }

    @Test
    void chunkedBodyWithoutALengthIsCutOffAtTheLimitWith413() throws Exception {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        String head = "PUT /api/v1/runbooks/pool-reset HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        String answer = rawExchange(head, body, true);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(api.get("/runbooks").status()).isEqualTo(200);
    }

    @Test
    void nonLoopbackAddressIsRefusedUnlessAllowedExplicitly() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");

        assertThatThrownBy(() -> new RunbookApiConfig(any, 0, root, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("not a loopback address").hasMessageContaining("--api-bind");
        try (RunbookApiServer open = new RunbookApiServer(new RunbookApiConfig(any, 0, root.resolve("open"), true), api.desk,
                o -> { })) {
            InetSocketAddress bound = open.start();
            assertThat(bound.getAddress().isAnyLocalAddress()).isTrue();
        }
    }

    @Test
    void commandLineStartsTheApiOnLoopbackOnlyWhenAsked() throws Exception {
        Path data = root.resolve("cli");
        Optional<RunbookApiServer> none = RunbookApiServer.startIfAsked(
                CommandLine.parse(new String[] {"--headless"}, Map.of()), api.desk, api.healing, o -> { }, data);
        assertThat(none).isEmpty();

        try (RunbookApiServer started = RunbookApiServer.startIfAsked(CommandLine.parse(new String[] {"--api-port", "0"},
                Map.of()), api.desk, api.healing, o -> { }, data).orElseThrow()) {
            assertThat(started.address().orElseThrow().getAddress().isLoopbackAddress()).isTrue();
            assertThat(data.resolve("api.port")).exists();
        }
        assertThatThrownBy(() -> RunbookApiServer.startIfAsked(CommandLine.parse(new String[] {"--api-bind", "[::1"},
                Map.of()), api.desk, api.healing, o -> { }, data)).isInstanceOf(ApiStartException.class).hasMessageContaining("--api-bind");
    }

    @Test
    void unknownRunbookExecutionStepAndPathAre404() throws Exception {
        long run = api.post("/runbooks/pool-reset/executions", START).body().get("id").asLong();

        assertThat(api.get("/runbooks/no-such-runbook").status()).isEqualTo(404);
        assertThat(api.get("/runbooks/no-such-runbook").error()).isEqualTo("no runbook 'no-such-runbook'");
        assertThat(api.get("/executions/999").status()).isEqualTo(404);
        assertThat(api.get("/executions/abc").status()).isEqualTo(404);
        assertThat(api.post("/executions/" + run + "/steps/nope/approve", Map.of("person", "bob", "hash", "x")).error())
                .contains("has no step 'nope'");
        assertThat(api.get("/nothing-here").status()).isEqualTo(404);
        assertThat(api.post("/runbooks/no-such-runbook/outcomes", Map.of("succeeded", true, "durationSeconds", 1,
                "actor", "ana")).status()).isEqualTo(404);
    }

    @Test
    void wrongMethodIs405NamingTheAllowedOnes() {
        ApiFixture.Reply reply = api.call(api.request("/runbooks/pool-reset").delete().build());
        ApiFixture.Reply post = api.post("/patterns", "{}");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, PUT");
        assertThat(reply.error()).contains("DELETE");
        assertThat(post.status()).isEqualTo(405);
    }

    /**
     * Sends {@code head} and, from another thread, {@code body} (which the server may refuse to read, cutting the
     * connection), and returns what the server answered.
     */
    private String rawExchange(String head, byte[] body, boolean chunked) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.address.getPort());
        try {
            socket.setSoTimeout((int) ApiFixture.PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    if (chunked) {
                        for (int at = 0; at < body.length; at += 16 * 1024) {
                            int length = Math.min(16 * 1024, body.length - at);
                            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, at, length);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException expected) {
                    // the server answered without reading the rest and closed the connection
                }
            });
            String answer = readAnswer(new BufferedInputStream(socket.getInputStream()));
            socket.close(); // unblocks the writer if the server stopped reading
            writer.join(ApiFixture.PATIENCE.toMillis());
            return answer;
        } finally {
            socket.close();
        }
    }

    /** The status line, headers and the body of Content-Length bytes. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
