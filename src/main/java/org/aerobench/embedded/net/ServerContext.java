package org.aerobench.embedded.net;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.ServerLimits;
import org.aerobench.embedded.info.InfoHandler;
import org.aerobench.embedded.store.Store;

/** What every I/O thread shares. */
public record ServerContext(
    Store store,
    InfoHandler info,
    Supplier<Latency> latency,
    ScheduledExecutorService scheduler,
    AtomicInteger openConnections,
    int maxFrameBytes,
    ServerLimits limits,
    BufferBudget budget) {}
