package org.aerobench.embedded.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.aerobench.embedded.command.MessageHandler;
import org.aerobench.embedded.wire.ProtoHeader;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread serving many connections: reads frames, answers them in place (the store is
 * in memory) and writes replies without blocking. Connections arrive from the {@link Acceptor};
 * delayed replies come back through {@link #execute}. A broken frame, a bound overstepped, or any
 * error while serving a connection closes only that connection.
 */
public final class IoLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(IoLoop.class);

  /** Frames handled per readable event before other connections get a turn. */
  private static final int FRAMES_PER_EVENT = 16;

  /** The reply buffer is kept between replies up to this size; one big reply does not pin it. */
  private static final int RETAINED_REPLY_BYTES = 4 << 20;

  private final ServerContext ctx;
  private final BufferBudget budget;
  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<Connection> connections = new HashSet<>();
  private final ReplyBuffer scratch = new ReplyBuffer(64 * 1024);
  private final FrameProcessor processor;
  private final long idleNanos;
  private final long frameNanos;
  private final long sweepMillis; // 0 = no timeout configured, select blocks
  private long nextSweepNanos;
  private volatile boolean running = true;

  /** Weight of the newest sample in the lag average: 1/16. */
  private static final long LAG_WEIGHT = 16;

  /** The most a delay is shortened by: the timer's own lag is a fraction of this. */
  private static final long MAX_TIMER_LAG_NANOS = 1_000_000;

  /**
   * How late delayed replies reach the socket after their due time, on average (this loop's thread
   * only): scheduler wake-up plus the hand-back to this loop.
   */
  private long timerLagNanos;

  private volatile boolean finished; // the loop has exited; queued tasks will never run

  public IoLoop(ServerContext ctx) throws IOException {
    this.ctx = ctx;
    this.budget = ctx.budget();
    this.processor =
        new FrameProcessor(
            ctx.info(),
            new MessageHandler(ctx.store(), ctx.topology(), ctx.stats()),
            ctx.maxFrameBytes());
    scratch.setLimit(ctx.limits().maxReplyBytes());
    this.idleNanos = ctx.limits().idleTimeout().toNanos();
    this.frameNanos = ctx.limits().frameReadTimeout().toNanos();
    long shortest =
        idleNanos == 0 ? frameNanos : frameNanos == 0 ? idleNanos : Math.min(idleNanos, frameNanos);
    this.sweepMillis =
        shortest == 0 ? 0 : Math.clamp(TimeUnit.NANOSECONDS.toMillis(shortest) / 4, 10, 1000);
    this.nextSweepNanos = System.nanoTime();
    this.selector = Selector.open();
  }

  /** Hands an accepted socket to this loop; callable from any thread. */
  public void adopt(SocketChannel channel) {
    execute(new Adopt(this, channel));
  }

  /** Runs {@code task} on this loop's thread. */
  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
    if (finished) {
      drainTasks(); // queued after the loop's own drain: no one else will run it
    }
  }

  /** True once the loop has exited, whether stopped or failed. */
  public boolean isFinished() {
    return finished;
  }

  /** Releases the selector of a loop whose thread was never started. */
  public void closeUnstarted() {
    try {
      selector.close();
    } catch (IOException e) {
      log.debug("Selector close failed: {}", e.toString());
    }
  }

  public void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    try {
      while (running) {
        if (!ctx.gate().awaitOpen(() -> running)) {
          break; // stopped (or interrupted) while frozen
        }
        if (sweepMillis > 0) {
          selector.select(sweepMillis);
        } else {
          selector.select();
        }
        runTasks();
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          handle(key);
        }
        if (sweepMillis > 0) {
          closeTimedOut();
        }
      }
    } catch (Throwable t) {
      // Outside any one connection (the selector itself): this loop ends and its group replaces
      // it on the next accepted connection.
      log.warn("I/O loop stopped: {}", t.toString());
    } finally {
      finished = true;
      drainTasks();
      for (Connection c : List.copyOf(connections)) {
        close(c);
      }
      try {
        selector.close();
      } catch (IOException e) {
        log.debug("Selector close failed: {}", e.toString());
      }
    }
  }

  /** Closes accepted sockets this stopped loop will never adopt and frees delayed replies. */
  private void drainTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      if (task instanceof Adopt adopt) {
        ctx.openConnections().decrementAndGet();
        closeQuietly(adopt.channel());
      } else if (task instanceof DelayedReply delayed) {
        budget.release(delayed.reply().length);
      }
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (Throwable t) {
        log.warn("I/O loop task failed: {}", t.toString());
      }
    }
  }

  private void handle(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    Connection c = (Connection) key.attachment();
    try {
      if (key.isWritable()) {
        flush(c);
      }
      if (!c.closed && key.isValid() && key.isReadable()) {
        read(c);
      }
    } catch (IOException e) {
      log.debug("Connection {} closed: {}", c.remote, e.toString());
      close(c);
    } catch (Throwable t) {
      // A bug, or an allocation that failed, must cost one connection, never the loop that
      // serves all the others (nor, through it, the server's acceptance of new ones).
      log.warn(
          "Closing connection {} after an unexpected error in its I/O thread: {}",
          c.remote,
          t.toString());
      close(c);
    }
  }

  private void register(SocketChannel ch) {
    try {
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection c = new Connection(ch, String.valueOf(ch.getRemoteAddress()), System.nanoTime());
      c.key = ch.register(selector, SelectionKey.OP_READ, c);
      connections.add(c);
    } catch (IOException e) {
      log.debug("Could not register a new connection: {}", e.toString());
      ctx.openConnections().decrementAndGet();
      closeQuietly(ch);
    }
  }

  private void read(Connection c) throws IOException {
    for (int frames = 0; frames < FRAMES_PER_EVENT && !c.closed; frames++) {
      if (!c.readingBody) {
        int n = c.channel.read(c.header);
        if (n < 0) {
          endOfStream(c, c.header.position() == 0 ? null : "truncated proto header");
          return;
        }
        if (n > 0) {
          long now = System.nanoTime();
          c.lastActivityNanos = now;
          if (c.frameStartNanos == 0) {
            c.frameStartNanos = now;
          }
        }
        if (c.header.hasRemaining()) {
          return;
        }
        c.header.flip();
        ProtoHeader h;
        try {
          h = ProtoHeader.read(c.header, ctx.maxFrameBytes());
        } catch (WireFormatException e) {
          log.warn("Closing connection {}: {}", c.remote, e.getMessage());
          close(c);
          return;
        }
        c.header.clear();
        c.expectBody(h.type(), (int) h.size());
      }
      while (!c.bodyComplete()) {
        ByteBuffer room = c.bodyRoom(budget);
        if (room == null) {
          log.warn(
              "Closing connection {}: its {}-byte frame does not fit the server's request"
                  + " buffers ({} of {} bytes in use)",
              c.remote,
              c.bodyLength,
              budget.used(),
              budget.max());
          close(c);
          return;
        }
        int n = c.channel.read(room);
        if (n < 0) {
          endOfStream(c, "truncated message body");
          return;
        }
        if (n == 0) {
          return; // the rest has not arrived: nothing is allocated for it until it does
        }
        c.bodyFilled += n;
        c.lastActivityNanos = System.nanoTime();
      }
      reply(c, c.frameType, c.bodyArray(), c.bodyLength);
      c.frameDone(budget);
      if (c.closed) {
        return;
      }
      if (!c.pendingWrites.isEmpty()) {
        // The client is not draining its replies: read nothing more from it until it does
        // (flush turns reading back on), so one connection holds at most one reply.
        c.key.interestOps(SelectionKey.OP_WRITE);
        return;
      }
    }
  }

  private void endOfStream(Connection c, String problem) {
    if (problem == null) {
      log.debug("Connection {} closed by the client", c.remote);
    } else {
      log.warn("Closing connection {}: {} then end of stream", c.remote, problem);
    }
    close(c);
  }

  private void reply(Connection c, int type, byte[] body, int length) throws IOException {
    scratch.reset();
    long started = System.nanoTime();
    processor.process(type, body, length, scratch);
    long delay = 0;
    if (FrameProcessor.isMessage(type)) {
      delay = ctx.latency().get().sampleNanos();
      ctx.stats().command(System.nanoTime() - started + delay);
    }
    if (delay <= 0 && c.delayedReplies == 0) {
      send(c, scratch.array(), scratch.size());
      scratch.shrink(RETAINED_REPLY_BYTES);
      return;
    }
    byte[] copy = scratch.toByteArray();
    scratch.shrink(RETAINED_REPLY_BYTES);
    if (!budget.tryReserve(copy.length)) {
      refuseForBuffers(c, "delayed replies");
      return;
    }
    long now = System.nanoTime();
    // Aim at the sampled delay: the timer and the hand-back to this loop add their own lag
    // (about 0.2 ms here), measured below and taken off, so a 2 ms median is not 2.2 ms.
    long due = Math.max(now + Math.max(0, delay - timerLagNanos), c.lastDueNanos);
    c.lastDueNanos = due;
    c.delayedReplies++;
    DelayedReply task = new DelayedReply(this, c, copy, due);
    ctx.scheduler().schedule(() -> execute(task), due - now, TimeUnit.NANOSECONDS);
  }

  private void sendDelayed(Connection c, byte[] reply, long dueNanos) {
    // An average over the last ~16 delayed replies, each counted at most 1 ms late: a burst of
    // replies due at once makes this loop late for some of them, which is real server time, not
    // the timer's, and must not shorten later delays by more than that.
    long late = Math.clamp(System.nanoTime() - dueNanos, 0, MAX_TIMER_LAG_NANOS);
    timerLagNanos += (late - timerLagNanos) / LAG_WEIGHT;
    c.delayedReplies--;
    budget.release(reply.length);
    if (c.closed) {
      return;
    }
    try {
      send(c, reply, reply.length);
    } catch (IOException e) {
      log.debug("Connection {} closed: {}", c.remote, e.toString());
      close(c);
    }
  }

  /** Writes now what the socket takes; queues a copy of the rest (src may be reused after). */
  private void send(Connection c, byte[] src, int length) throws IOException {
    if (c.pendingWrites.isEmpty()) {
      ByteBuffer bb = ByteBuffer.wrap(src, 0, length);
      while (bb.hasRemaining() && c.channel.write(bb) > 0) {
        // keep writing while the socket accepts bytes
      }
      if (!bb.hasRemaining()) {
        return;
      }
      queue(c, bb);
    } else {
      queue(c, ByteBuffer.wrap(src, 0, length));
    }
  }

  private void queue(Connection c, ByteBuffer rest) {
    int n = rest.remaining();
    if (!budget.tryReserve(n)) {
      refuseForBuffers(c, "unread replies");
      return;
    }
    byte[] copy = new byte[n];
    rest.get(copy);
    c.pendingWrites.add(ByteBuffer.wrap(copy));
    c.queuedBytes += n;
    c.key.interestOps(c.key.interestOps() | SelectionKey.OP_WRITE);
  }

  private void refuseForBuffers(Connection c, String what) {
    log.warn(
        "Closing connection {}: its {} do not fit the server's buffers ({} of {} bytes in use)",
        c.remote,
        what,
        budget.used(),
        budget.max());
    close(c);
  }

  private void flush(Connection c) throws IOException {
    ByteBuffer head;
    while ((head = c.pendingWrites.peek()) != null) {
      int before = head.remaining();
      c.channel.write(head);
      int written = before - head.remaining();
      if (written > 0) {
        c.queuedBytes -= written;
        budget.release(written);
        c.lastActivityNanos = System.nanoTime();
      }
      if (head.hasRemaining()) {
        return;
      }
      c.pendingWrites.poll();
    }
    c.key.interestOps(SelectionKey.OP_READ); // drained: read the next request
  }

  /** Idle connections (proto-fd-idle-ms) and frames stalled mid-way are closed. */
  private void closeTimedOut() {
    long now = System.nanoTime();
    if (now - nextSweepNanos < 0) {
      return;
    }
    nextSweepNanos = now + TimeUnit.MILLISECONDS.toNanos(sweepMillis);
    for (Connection c : List.copyOf(connections)) {
      if (frameNanos > 0 && c.frameStartNanos != 0 && now - c.frameStartNanos > frameNanos) {
        log.warn(
            "Closing connection {}: a frame was not complete {} ms after its first byte",
            c.remote,
            TimeUnit.NANOSECONDS.toMillis(frameNanos));
        close(c);
      } else if (idleNanos > 0 && c.delayedReplies == 0 && now - c.lastActivityNanos > idleNanos) {
        log.debug(
            "Closing connection {}: idle for {} ms",
            c.remote,
            (now - c.lastActivityNanos) / 1_000_000);
        close(c);
      }
    }
  }

  private void close(Connection c) {
    if (c.closed) {
      return;
    }
    c.closed = true;
    connections.remove(c);
    ctx.openConnections().decrementAndGet();
    c.releaseAll(budget);
    if (c.key != null) {
      c.key.cancel();
    }
    closeQuietly(c.channel);
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      log.debug("Close failed: {}", e.toString());
    }
  }

  /** A task handing an accepted socket to its loop; a record so a stopped loop can close it. */
  private record Adopt(IoLoop target, SocketChannel channel) implements Runnable {
    @Override
    public void run() {
      target.register(channel);
    }
  }

  /** A reply whose injected delay is over; a record so a stopped loop can free its bytes. */
  private record DelayedReply(IoLoop target, Connection connection, byte[] reply, long dueNanos)
      implements Runnable {
    @Override
    public void run() {
      target.sendDelayed(connection, reply, dueNanos);
    }
  }
}
