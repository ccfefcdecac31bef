package io.trucewatch.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Raw HTTP/1.1 clients that send their request headers, then trickle the body a byte at a time:
 * the slow clients of the tester's report. Plain sockets, because HTTP client libraries send a
 * body as fast as they can.
 */
final class SlowSockets implements AutoCloseable {

    /** What the server answered on one socket, read up to the close of the connection. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slow-sockets-trickle");
        thread.setDaemon(true);
        return thread;
    });

    /** Opens {@code count} connections from {@code from} (null: the default local address), sending {@code head} on each. */
    void open(InetSocketAddress server, InetAddress from, int count, String head) throws IOException {
        byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            try {
                if (from != null) {
                    socket.bind(new InetSocketAddress(from, 0));
                }
                socket.connect(server, 5000);
                socket.setTcpNoDelay(true);
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            sockets.add(socket);
        }
    }

    /** From now on, one byte every {@code period} on each socket the server has not answered. */
    void trickle(Duration period) {
        trickler.scheduleAtFixedRate(this::oneByteEach, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void oneByteEach() {
        for (Socket socket : sockets) {
            try {
                if (!socket.isClosed() && !hasAnswer(socket)) {
                    socket.getOutputStream().write(' ');
                }
            } catch (IOException closedByServer) {
                // Its answer, if it had one, is still read by answers().
            }
        }
    }

    /** Sockets with an answer waiting. */
    int answered() {
        int answered = 0;
        for (Socket socket : sockets) {
            if (!socket.isClosed() && hasAnswer(socket)) {
                answered++;
            }
        }
        return answered;
    }

    /**
     * Waits until at least {@code expected} sockets have an answer waiting (at most {@code within}),
     * then reads every answer there is and closes those sockets.
     */
    List<Answer> answers(int expected, Duration within) throws IOException, InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (answered() < expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        List<Answer> answers = new ArrayList<>();
        for (Socket socket : sockets) {
            if (!socket.isClosed() && hasAnswer(socket)) {
                answers.add(read(socket));
                socket.close();
            }
        }
        return answers;
    }

    private static boolean hasAnswer(Socket socket) {
        try {
            return socket.getInputStream().available() > 0;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Reads a response up to the end of the connection: every request these tests send says
     * "Connection: close", and a refused one is closed by the server. Fails (times out) when the
     * server keeps the connection open.
     */
    static Answer read(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                received.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // The server closed while this client was still sending, so the connection was reset
            // after the answer: what came before the reset is the answer.
            if (received.size() == 0) {
                throw reset;
            }
        }
        return parse(received.toString(StandardCharsets.ISO_8859_1));
    }

    private static Answer parse(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || headEnd < 0) {
            throw new AssertionError("not an HTTP/1.1 response: " + response);
        }
        String[] lines = response.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Answer(status, headers, response.substring(headEnd + 4));
    }

    @Override
    public void close() throws InterruptedException {
        trickler.shutdownNow();
        trickler.awaitTermination(5, TimeUnit.SECONDS);
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do with it.
            }
        }
    }
}
