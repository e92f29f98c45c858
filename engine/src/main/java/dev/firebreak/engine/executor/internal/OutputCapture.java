package dev.firebreak.engine.executor.internal;

import dev.firebreak.engine.executor.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child's merged output on its own thread: keeps the first {@code limit} bytes, hands each line to the
 * sink as its newline arrives, and drains (and drops) the rest so the child never blocks on a full pipe. The sink
 * sees exactly the kept text, so what streamed to a screen is what the outcome records.
 */
final class OutputCapture implements Runnable {

    private final InputStream in;
    private final int limit;
    private final OutputSink sink;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean truncated;
    private boolean lineCut;
    private volatile RuntimeException sinkFailure;
    private volatile boolean detached;

    OutputCapture(InputStream in, int limit, OutputSink sink) {
        this.in = in;
        this.limit = limit;
        this.sink = sink;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int keep;
                synchronized (this) {
                    keep = Math.min(limit - kept.size(), read);
                    kept.write(buffer, 0, keep);
                    truncated |= keep < read;
                }
                for (int i = 0; i < keep; i++) {
                    if (buffer[i] == '\n') {
                        emit(line.toByteArray(), line.size());
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
                if (keep < read && !lineCut) {
                    lineCut = true; // the kept text ends inside this line: show what was kept of it
                    flushLine();
                }
            }
        } catch (IOException e) {
            // the child was killed or closed its output: what was read is what there is
        }
        flushLine();
    }

    /** The kept output so far; safe to call while the reader still runs. */
    synchronized String text() {
        byte[] bytes = kept.toByteArray();
        return decode(bytes, truncated ? completeLength(bytes, bytes.length) : bytes.length);
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /**
     * Stops feeding the sink: the outcome is being reported, and a line arriving afterwards (from an orphan still
     * holding the pipe) would show up under a step that has already ended. Reading and draining go on.
     */
    void detach() {
        detached = true;
    }

    /** The exception the sink threw, after which it was called no more; null if it never threw. */
    RuntimeException sinkFailure() {
        return sinkFailure;
    }

    private void flushLine() {
        if (line.size() > 0) {
            byte[] bytes = line.toByteArray();
            emit(bytes, completeLength(bytes, bytes.length));
            line.reset();
        }
    }

    private void emit(byte[] bytes, int length) {
        if (detached || sinkFailure != null) {
            return;
        }
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        try {
            sink.line(decode(bytes, length));
        } catch (RuntimeException e) {
            // a broken screen must not stop the draining, or the child would block on a full pipe
            sinkFailure = e;
        }
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The length without a UTF-8 sequence that the limit cut short (it would decode to a replacement char). */
    static int completeLength(byte[] bytes, int length) {
        int start = length - 1;
        while (start >= 0 && start >= length - 4 && (bytes[start] & 0xC0) == 0x80) {
            start--; // continuation bytes
        }
        if (start < 0) {
            return length;
        }
        int lead = bytes[start] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return length - start < needed ? start : length;
    }
}
