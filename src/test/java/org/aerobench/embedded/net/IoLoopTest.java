package org.aerobench.embedded.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.info.InfoHandler;
import org.aerobench.embedded.store.Store;
import org.junit.jupiter.api.Test;

class IoLoopTest {

  @Test
  void a_connection_handed_to_a_stopped_loop_is_closed_not_leaked() throws Exception {
    Store store = new Store(List.of("test"));
    AtomicInteger open = new AtomicInteger();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ServerContext ctx =
        new ServerContext(
            store,
            new InfoHandler(
                "0000000000000001",
                "127.0.0.1",
                0,
                "c",
                store,
                open::get,
                new org.aerobench.embedded.info.LatencyControl(
                    () -> org.aerobench.embedded.Latency.NONE, l -> {}, "127.0.0.1")),
            () -> Latency.NONE,
            scheduler,
            open,
            1 << 20);
    IoLoop acceptor = new IoLoop(ctx);
    IoLoop stopped = new IoLoop(ctx);
    stopped.stop();
    Thread stoppedThread = Thread.ofPlatform().start(stopped); // exits at once
    stoppedThread.join(5_000);
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      acceptor.acceptOn(server, new IoLoop[] {stopped});
      Thread acceptorThread = Thread.ofPlatform().daemon().start(acceptor);
      try (Socket client = new Socket("127.0.0.1", server.socket().getLocalPort())) {
        client.setSoTimeout(5_000);

        assertThat(readsEndOfStream(client.getInputStream())).isTrue();
        assertThat(open.get()).isZero();
      } finally {
        acceptor.stop();
        acceptorThread.join(5_000);
        scheduler.shutdownNow();
      }
    }
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
