package org.aerobench.embedded.command;

import org.aerobench.embedded.info.NodeStats;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.Store;
import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.ReplyTooLargeException;
import org.aerobench.embedded.wire.Wire;
import org.aerobench.embedded.wire.WireFormatException;
import org.aerobench.embedded.wire.WireReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one AS_MSG: a batch (BATCH_INDEX field), a scan (no digest) or a single-record command.
 * One instance per I/O thread; it reuses its request holders and is not thread-safe.
 *
 * <p>A message that is well framed but malformed inside gets a PARAMETER_ERROR reply flagged
 * INFO3_LAST, which single-record and multi-record parsers in the client both read as an error.
 */
public final class MessageHandler {

  private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);

  private final Store store;
  private final Topology topology;
  private final NodeStats stats;
  private final RowRequest single = new RowRequest();
  private final BatchCommand batch = new BatchCommand(this::countKey);

  /** A node alone, counting into a throwaway {@link NodeStats}. */
  public MessageHandler(Store store) {
    this(store, Topology.single(0), new NodeStats());
  }

  /** Keys are counted in {@code stats} by this node's role for their partition. */
  public MessageHandler(Store store, Topology topology, NodeStats stats) {
    this.store = store;
    this.topology = topology;
    this.stats = stats;
  }

  private void countKey(byte[] digest) {
    stats.key(topology.role(Digest.partitionId(digest)));
  }

  /** Appends the complete reply frame(s) for the message in {@code buf[0, length)} to out. */
  public void handle(byte[] buf, int length, ReplyBuffer out) {
    int start = out.size();
    try {
      dispatch(buf, length, out);
    } catch (WireFormatException e) {
      log.debug("Refusing malformed AS_MSG: {}", e.getMessage());
      out.truncate(start);
      errorFrame(out, Wire.RESULT_PARAMETER_ERROR);
    } catch (ReplyTooLargeException e) {
      log.warn("Refusing an AS_MSG whose {}", e.getMessage());
      out.truncate(start);
      errorFrame(out, Wire.RESULT_SERVER_MEM_ERROR);
    } catch (RuntimeException e) {
      log.warn("AS_MSG failed on the server side: {}", e.toString());
      out.truncate(start);
      errorFrame(out, Wire.RESULT_SERVER_ERROR);
    }
  }

  private void dispatch(byte[] buf, int length, ReplyBuffer out) {
    WireReader in = new WireReader(buf, 0, length);
    MsgHeader h = MsgHeader.read(in);
    RowRequest rq = single;
    rq.clear();
    rq.info1 = h.info1();
    rq.info2 = h.info2();
    rq.info3 = h.info3();
    rq.generation = h.generation();
    rq.ttl = h.ttl();
    rq.fields.read(in, h.fieldCount());
    Op.readAll(in, h.opCount(), rq.ops);

    if (rq.fields.hasUdf || rq.fields.hasTxn) {
      // UDFs and transactions are not implemented; the client reads an error in the last message.
      // (A filter expression here is a single command's, a scan's, or a batch's
      // BatchPolicy.filterExp, which every row without its own filter applies.)
      errorFrame(out, Wire.RESULT_UNSUPPORTED_FEATURE);
      return;
    }
    if (rq.fields.batchOffset >= 0) {
      batch.execute(store, buf, rq.fields, out);
      return;
    }
    Namespace ns = store.namespace(rq.fields.namespace);
    if (rq.fields.digest == null) {
      if (ns == null) {
        errorFrame(out, Wire.RESULT_INVALID_NAMESPACE);
      } else if (rq.isWrite() || rq.fields.hasIndexFilter) {
        errorFrame(out, Wire.RESULT_UNSUPPORTED_FEATURE); // background writes, sindex queries
      } else {
        ScanCommand.execute(ns, buf, rq.fields, rq.info1, rq.ops, topology, out);
      }
      return;
    }
    countKey(rq.fields.digest);
    int frameAt = out.beginFrame();
    RecordCommand.execute(ns, rq.fields.digest, rq, out, 0);
    out.endFrame(frameAt, Wire.TYPE_MESSAGE);
  }

  /** A one-message reply with INFO3_LAST and the result code. */
  public static void errorFrame(ReplyBuffer out, int resultCode) {
    int frameAt = out.beginFrame();
    MsgHeader.write(out, Wire.INFO3_LAST, resultCode, 0, 0, 0, 0, 0);
    out.endFrame(frameAt, Wire.TYPE_MESSAGE);
  }
}
