package org.aerobench.embedded.net;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on its own thread, so nothing that happens while serving one can stop the
 * server from taking new ones. Beyond the connection cap ({@code proto-fd-max}) a connection is
 * closed at once.
 */
public final class Acceptor implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Acceptor.class);

  /** Refusals are logged at most this often (with how many there were), not once each. */
  private static final long REFUSAL_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final ServerSocketChannel server;
  private final LoopGroup loops;
  private final AtomicInteger open;
  private final NodeGate gate;
  private final int maxConnections;
  private long refusedSinceLog;
  private long lastRefusalLogNanos;
  private boolean refusedBefore;

  /** {@code server} must be bound and in blocking mode. */
  public Acceptor(ServerSocketChannel server, LoopGroup loops, ServerContext ctx) {
    this.server = server;
    this.loops = loops;
    this.open = ctx.openConnections();
    this.gate = ctx.gate();
    this.maxConnections = ctx.limits().maxConnections();
  }

  @Override
  public void run() {
    while (server.isOpen()) {
      if (!gate.awaitOpen(server::isOpen)) {
        return; // frozen, then closed
      }
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (ClosedChannelException e) {
        return; // the server is closing
      } catch (Throwable t) {
        // e.g. out of file descriptors: wait a little rather than spin, then go on accepting
        log.warn("Accept failed: {}", t.toString());
        pause();
        continue;
      }
      try {
        handOff(ch);
      } catch (Throwable t) {
        log.warn("Could not hand over a new connection: {}", t.toString());
        closeQuietly(ch);
      }
    }
  }

  private void handOff(SocketChannel ch) {
    // Only this thread adds connections, so the check and the increment cannot race past the cap.
    if (open.get() >= maxConnections) {
      refuse(ch);
      return;
    }
    IoLoop loop = loops.next();
    if (loop == null) {
      closeQuietly(ch);
      return;
    }
    open.incrementAndGet();
    loop.adopt(ch);
  }

  private void refuse(SocketChannel ch) {
    String remote;
    try {
      remote = String.valueOf(ch.getRemoteAddress());
    } catch (IOException e) {
      remote = "?";
    }
    closeQuietly(ch);
    refusedSinceLog++;
    long now = System.nanoTime();
    if (!refusedBefore || now - lastRefusalLogNanos > REFUSAL_LOG_NANOS) {
      log.warn(
          "Refused connection {}: {} connections are open, the cap (proto-fd-max) is {}"
              + " ({} refused since the last such message)",
          remote,
          open.get(),
          maxConnections,
          refusedSinceLog);
      refusedBefore = true;
      lastRefusalLogNanos = now;
      refusedSinceLog = 0;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      log.debug("Close failed: {}", e.toString());
    }
  }
}
