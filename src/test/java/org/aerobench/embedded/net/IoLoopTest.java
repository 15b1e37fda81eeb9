package org.aerobench.embedded.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.ServerLimits;
import org.aerobench.embedded.info.InfoHandler;
import org.aerobench.embedded.info.LatencyControl;
import org.aerobench.embedded.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IoLoopTest {

  private static final String NODE = "0000000000000001";

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger open = new AtomicInteger();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void a_connection_handed_to_a_stopped_loop_is_closed_not_leaked() throws Exception {
    IoLoop stopped = new IoLoop(context(open::get));
    stopped.stop();
    Thread stoppedThread = Thread.ofPlatform().start(stopped); // exits at once
    stoppedThread.join(5_000);
    try (ServerSocketChannel server = listen();
        Socket client = connect(server);
        SocketChannel accepted = server.accept()) {
      open.incrementAndGet(); // as the acceptor counts it

      stopped.adopt(accepted);

      assertThat(readsEndOfStream(client.getInputStream())).isTrue();
      assertThat(open.get()).isZero();
    }
  }

  @Test
  void an_error_in_the_io_thread_closes_that_connection_and_new_ones_are_still_served()
      throws Exception {
    // The statistics command asks for the connection count: make that fail like a full heap.
    ServerContext ctx =
        context(
            () -> {
              throw new OutOfMemoryError("simulated: Java heap space");
            });
    LoopGroup loops = new LoopGroup(ctx, 1, "test-io-");
    loops.start();
    try (ServerSocketChannel server = listen()) {
      Thread acceptor = Thread.ofPlatform().daemon().start(new Acceptor(server, loops, ctx));
      try (Socket failing = connect(server)) {
        sendInfo(failing, "statistics");

        assertThat(readsEndOfStream(failing.getInputStream())).isTrue();
      }
      try (Socket next = connect(server)) {
        assertThat(info(next, "node")).isEqualTo("node\t" + NODE + "\n");
      }
      server.close();
      acceptor.join(5_000);
      assertThat(acceptor.isAlive()).isFalse();
    } finally {
      loops.stop();
    }
  }

  @Test
  void a_loop_that_has_stopped_is_replaced_before_it_is_given_a_connection() throws Exception {
    ServerContext ctx = context(open::get);
    LoopGroup loops = new LoopGroup(ctx, 1, "test-io-");
    loops.start();
    try (ServerSocketChannel server = listen()) {
      IoLoop first = loops.next();
      first.stop();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!first.isFinished() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread acceptor = Thread.ofPlatform().daemon().start(new Acceptor(server, loops, ctx));

      try (Socket client = connect(server)) {
        assertThat(info(client, "node")).isEqualTo("node\t" + NODE + "\n");
      }
      server.close();
      acceptor.join(5_000);
    } finally {
      loops.stop();
    }
  }

  private ServerContext context(IntSupplier connections) {
    Store store = new Store(List.of("test"));
    InfoHandler info =
        new InfoHandler(
            NODE,
            "127.0.0.1",
            0,
            "c",
            store,
            connections,
            new LatencyControl(() -> Latency.NONE, l -> {}, "127.0.0.1"),
            org.aerobench.embedded.info.Topology.single(0),
            new org.aerobench.embedded.info.NodeStats());
    ServerLimits limits = ServerLimits.defaults();
    return new ServerContext(
        store,
        info,
        () -> Latency.NONE,
        scheduler,
        open,
        1 << 20,
        limits,
        new BufferBudget(limits.maxBufferedBytes()));
  }

  private static ServerSocketChannel listen() throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    return server;
  }

  private static Socket connect(ServerSocketChannel server) throws IOException {
    Socket s = new Socket("127.0.0.1", server.socket().getLocalPort());
    s.setSoTimeout(5_000); // every read has a timeout
    return s;
  }

  private static void sendInfo(Socket s, String name) throws IOException {
    byte[] body = (name + "\n").getBytes(StandardCharsets.UTF_8);
    s.getOutputStream()
        .write(
            ByteBuffer.allocate(8 + body.length)
                .putLong((2L << 56) | (1L << 48) | body.length)
                .put(body)
                .array());
  }

  private static String info(Socket s, String name) throws IOException {
    sendInfo(s, name);
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] body = new byte[(int) (in.readLong() & 0xFFFF_FFFF_FFFFL)];
    in.readFully(body);
    return new String(body, StandardCharsets.UTF_8);
  }

  private static boolean readsEndOfStream(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false; // still open after 5 s: the socket leaked
    } catch (java.net.SocketException e) {
      return true; // reset also means closed
    }
  }
}
