package org.aerobench.embedded.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Iterator;
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
 * in memory) and writes replies without blocking. Delayed replies come back through {@link
 * #execute}. A broken frame closes only its own connection.
 */
public final class IoLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(IoLoop.class);

  /** Frames handled per readable event before other connections get a turn. */
  private static final int FRAMES_PER_EVENT = 16;

  /** Unsent reply bytes above which a connection is not read until its client catches up. */
  private static final long MAX_QUEUED_BYTES = 64L << 20;

  private final ServerContext ctx;
  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<Connection> connections = new HashSet<>();
  private final ReplyBuffer scratch = new ReplyBuffer(64 * 1024);
  private final FrameProcessor processor;
  private volatile boolean running = true;
  private volatile boolean finished; // the loop has exited; queued tasks will never run
  private ServerSocketChannel acceptChannel;
  private IoLoop[] acceptTargets;
  private int nextTarget;

  public IoLoop(ServerContext ctx) throws IOException {
    this.ctx = ctx;
    this.selector = Selector.open();
    this.processor =
        new FrameProcessor(ctx.info(), new MessageHandler(ctx.store()), ctx.maxFrameBytes());
  }

  /** Makes this loop accept connections on {@code server}, handing them round-robin to targets. */
  public void acceptOn(ServerSocketChannel server, IoLoop[] targets) throws IOException {
    this.acceptChannel = server;
    this.acceptTargets = targets;
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
  }

  /** Runs {@code task} on this loop's thread. */
  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
    if (finished) {
      closeQueuedAdoptions(); // queued after the loop's own drain: no one else will run it
    }
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
        selector.select();
        runTasks();
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          handle(key);
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      log.warn("I/O loop stopped: {}", e.toString());
    } finally {
      finished = true;
      closeQueuedAdoptions();
      for (Connection c : Set.copyOf(connections)) {
        close(c);
      }
      try {
        selector.close();
      } catch (IOException e) {
        log.debug("Selector close failed: {}", e.toString());
      }
    }
  }

  /** Closes the sockets of accepted connections this stopped loop will never adopt. */
  private void closeQueuedAdoptions() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      if (task instanceof Adopt adopt) {
        try {
          adopt.channel().close();
        } catch (IOException e) {
          log.debug("Closing an unadopted connection failed: {}", e.toString());
        }
      }
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("I/O loop task failed: {}", e.toString());
      }
    }
  }

  private void handle(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      accept();
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
    } catch (RuntimeException e) {
      // A bug must cost one connection, never the loop that serves all the others.
      log.warn("Closing connection {} after an unexpected error: {}", c.remote, e.toString());
      close(c);
    }
  }

  private void accept() {
    try {
      SocketChannel ch;
      while ((ch = acceptChannel.accept()) != null) {
        IoLoop target = acceptTargets[nextTarget++ % acceptTargets.length];
        target.execute(new Adopt(target, ch));
      }
    } catch (IOException e) {
      log.warn("Accept failed: {}", e.toString());
    }
  }

  private void adopt(SocketChannel ch) {
    String remote;
    try {
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      remote = String.valueOf(ch.getRemoteAddress());
      Connection c = new Connection(ch, remote);
      c.key = ch.register(selector, SelectionKey.OP_READ, c);
      connections.add(c);
      ctx.openConnections().incrementAndGet();
    } catch (IOException e) {
      log.debug("Could not register a new connection: {}", e.toString());
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  private void read(Connection c) throws IOException {
    for (int frames = 0; frames < FRAMES_PER_EVENT && !c.closed; frames++) {
      if (c.body == null) {
        int n = c.channel.read(c.header);
        if (n < 0) {
          endOfStream(c, c.header.position() == 0 ? null : "truncated proto header");
          return;
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
      if (c.body.hasRemaining()) {
        int n = c.channel.read(c.body);
        if (n < 0) {
          endOfStream(c, "truncated message body");
          return;
        }
        if (c.body.hasRemaining()) {
          return;
        }
      }
      int type = c.frameType;
      byte[] body = c.bodyArray();
      int length = c.body.limit();
      c.body = null;
      reply(c, type, body, length);
      if (c.queuedBytes > MAX_QUEUED_BYTES) {
        c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_READ);
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
    processor.process(type, body, length, scratch);
    long delay = FrameProcessor.isMessage(type) ? ctx.latency().get().sampleNanos() : 0;
    if (delay <= 0 && c.delayedReplies == 0) {
      send(c, scratch.array(), scratch.size());
      return;
    }
    byte[] copy = scratch.toByteArray();
    long now = System.nanoTime();
    long due = Math.max(now + delay, c.lastDueNanos);
    c.lastDueNanos = due;
    c.delayedReplies++;
    ctx.scheduler()
        .schedule(() -> execute(() -> sendDelayed(c, copy)), due - now, TimeUnit.NANOSECONDS);
  }

  private void sendDelayed(Connection c, byte[] reply) {
    c.delayedReplies--;
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
    byte[] copy = new byte[rest.remaining()];
    rest.get(copy);
    c.pendingWrites.add(ByteBuffer.wrap(copy));
    c.queuedBytes += copy.length;
    c.key.interestOps(c.key.interestOps() | SelectionKey.OP_WRITE);
  }

  private void flush(Connection c) throws IOException {
    ByteBuffer head;
    while ((head = c.pendingWrites.peek()) != null) {
      int before = head.remaining();
      c.channel.write(head);
      c.queuedBytes -= before - head.remaining();
      if (head.hasRemaining()) {
        return;
      }
      c.pendingWrites.poll();
    }
    c.key.interestOps(SelectionKey.OP_READ);
  }

  private void close(Connection c) {
    if (c.closed) {
      return;
    }
    c.closed = true;
    connections.remove(c);
    ctx.openConnections().decrementAndGet();
    if (c.key != null) {
      c.key.cancel();
    }
    try {
      c.channel.close();
    } catch (IOException e) {
      log.debug("Close of {} failed: {}", c.remote, e.toString());
    }
  }

  /** A task handing an accepted socket to its loop; a record so a stopped loop can close it. */
  private record Adopt(IoLoop target, SocketChannel channel) implements Runnable {
    @Override
    public void run() {
      target.adopt(channel);
    }
  }
}
