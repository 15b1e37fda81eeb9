package org.aerobench.embedded.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;
import org.aerobench.embedded.wire.WireReader;

/**
 * Writes: put, delete, touch and operate (read, write, add, append, prepend, touch, delete ops),
 * with the record-exists and generation policies, applied atomically per record.
 */
final class WriteExecutor {

  private WriteExecutor() {}

  /** What the atomic update decided; filled inside the map's compute. */
  private static final class Outcome {
    int resultCode = Wire.RESULT_OK;
    StoredRecord result;
    final List<Bin> replyBins = new ArrayList<>(); // null entries = name-only "null" replies
    final List<String> replyNames = new ArrayList<>();
    boolean readAll;
  }

  static void write(Namespace ns, Digest digest, RowRequest rq, ReplyBuffer out, int index) {
    Outcome o = new Outcome();
    ns.compute(digest, (k, old) -> apply(old, rq, o));
    if (o.resultCode != Wire.RESULT_OK) {
      Replies.error(out, o.resultCode, index);
      return;
    }
    int gen = o.result == null ? 0 : o.result.generation();
    int voidTime = o.result == null ? 0 : o.result.voidTime();
    if (o.readAll && o.result != null) {
      MsgHeader.write(out, 0, Wire.RESULT_OK, gen, voidTime, index, 0, o.result.bins().length);
      out.putBytes(o.result.encodedBins());
      return;
    }
    MsgHeader.write(out, 0, Wire.RESULT_OK, gen, voidTime, index, 0, o.replyNames.size());
    for (int i = 0; i < o.replyNames.size(); i++) {
      Bin b = o.replyBins.get(i);
      if (b != null) {
        out.putBytes(b.op());
      } else {
        byte[] name = o.replyNames.get(i).getBytes(StandardCharsets.UTF_8);
        out.putInt(4 + name.length);
        out.putByte(Wire.OP_READ);
        out.putByte(Wire.PARTICLE_NULL);
        out.putByte(0);
        out.putByte(name.length);
        out.putBytes(name);
      }
    }
  }

  private static StoredRecord apply(StoredRecord old, RowRequest rq, Outcome o) {
    int code = checkPolicy(old, rq);
    if (code != Wire.RESULT_OK) {
      o.resultCode = code;
      return old;
    }
    if ((rq.info2 & Wire.INFO2_DELETE) != 0) {
      return null; // whole-record delete; ops (if any) are ignored like the server's delete
    }
    boolean replace = (rq.info3 & (Wire.INFO3_CREATE_OR_REPLACE | Wire.INFO3_REPLACE_ONLY)) != 0;
    List<Bin> bins = new ArrayList<>();
    if (old != null && !replace) {
      bins.addAll(List.of(old.bins()));
    }
    boolean respondAll = (rq.info2 & Wire.INFO2_RESPOND_ALL_OPS) != 0;
    for (Op op : rq.ops) {
      code = applyOp(op, bins, old, respondAll, o);
      if (code == DELETE_RECORD) {
        bins.clear();
      } else if (code != Wire.RESULT_OK) {
        o.resultCode = code;
        return old;
      }
    }
    if (bins.isEmpty()) {
      // The server never stores a record without bins: removing the last bin deletes it.
      o.result = null;
      return null;
    }
    int generation = old == null ? 1 : (old.generation() >= 0xFFFF ? 1 : old.generation() + 1);
    int voidTime = voidTime(rq.ttl, old);
    byte[] userKey =
        rq.fields.userKey != null ? rq.fields.userKey : old == null ? null : old.userKey();
    String set = rq.fields.set != null ? rq.fields.set : old == null ? null : old.set();
    o.result =
        StoredRecord.of(set, bins, generation, voidTime, userKey, System.currentTimeMillis());
    return o.result;
  }

  private static final int DELETE_RECORD = -1;

  /** Record-level checks: exists policies, generation policies, touch of a missing record. */
  private static int checkPolicy(StoredRecord old, RowRequest rq) {
    boolean exists = old != null;
    // INFO2_DURABLE_DELETE is accepted and ignored: an in-memory store needs no tombstones.
    if ((rq.info2 & Wire.INFO2_DELETE) != 0 && !exists) {
      return Wire.RESULT_KEY_NOT_FOUND;
    }
    if ((rq.info2 & Wire.INFO2_CREATE_ONLY) != 0 && exists) {
      return Wire.RESULT_KEY_EXISTS;
    }
    if ((rq.info3 & (Wire.INFO3_UPDATE_ONLY | Wire.INFO3_REPLACE_ONLY)) != 0 && !exists) {
      return Wire.RESULT_KEY_NOT_FOUND;
    }
    if ((rq.info2 & Wire.INFO2_GENERATION) != 0 && exists && old.generation() != rq.generation) {
      return Wire.RESULT_GENERATION_ERROR;
    }
    if ((rq.info2 & Wire.INFO2_GENERATION_GT) != 0 && exists && rq.generation <= old.generation()) {
      return Wire.RESULT_GENERATION_ERROR;
    }
    if (!exists) {
      for (Op op : rq.ops) {
        if (op.type() == Wire.OP_TOUCH) {
          return Wire.RESULT_KEY_NOT_FOUND; // touch cannot create a record
        }
      }
    }
    if (rq.ttl < Wire.TTL_DONT_UPDATE) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    return Wire.RESULT_OK;
  }

  private static int applyOp(
      Op op, List<Bin> bins, StoredRecord old, boolean respondAll, Outcome o) {
    switch (op.type()) {
      case Wire.OP_READ -> {
        if (op.name() == null) {
          o.readAll = true; // all bins, after every write of this command
        } else {
          Bin b = find(bins, op.name());
          if (b != null || respondAll) {
            o.replyBins.add(b);
            o.replyNames.add(op.name());
          }
        }
        return Wire.RESULT_OK;
      }
      case Wire.OP_WRITE -> {
        int code = checkName(op);
        if (code != Wire.RESULT_OK) {
          return code;
        }
        if (op.particle() == Wire.PARTICLE_NULL) {
          remove(bins, op.name());
        } else {
          put(bins, Bin.of(op.name(), op.particle(), op.buf(), op.valueOffset(), op.valueLength()));
        }
        respond(op, respondAll, o);
        return Wire.RESULT_OK;
      }
      case Wire.OP_ADD -> {
        int code = checkName(op);
        return code != Wire.RESULT_OK ? code : add(op, bins, respondAll, o);
      }
      case Wire.OP_APPEND, Wire.OP_PREPEND -> {
        int code = checkName(op);
        return code != Wire.RESULT_OK ? code : concat(op, bins, respondAll, o);
      }
      case Wire.OP_TOUCH -> {
        respond(op, respondAll, o);
        return Wire.RESULT_OK;
      }
      case Wire.OP_DELETE -> {
        respond(op, respondAll, o);
        return DELETE_RECORD;
      }
      case Wire.OP_CDT_READ,
          Wire.OP_CDT_MODIFY,
          Wire.OP_EXP_READ,
          Wire.OP_EXP_MODIFY,
          Wire.OP_BIT_READ,
          Wire.OP_BIT_MODIFY,
          Wire.OP_HLL_READ,
          Wire.OP_HLL_MODIFY -> {
        return Wire.RESULT_UNSUPPORTED_FEATURE;
      }
      default -> {
        return Wire.RESULT_PARAMETER_ERROR; // not an operation this protocol knows
      }
    }
  }

  private static void respond(Op op, boolean respondAll, Outcome o) {
    if (respondAll) {
      o.replyBins.add(null);
      o.replyNames.add(op.name() == null ? "" : op.name());
    }
  }

  private static int checkName(Op op) {
    if (op.name() == null) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    if (op.name().getBytes(StandardCharsets.UTF_8).length > Wire.MAX_BIN_NAME) {
      return Wire.RESULT_BIN_NAME_TOO_LONG;
    }
    return Wire.RESULT_OK;
  }

  private static int add(Op op, List<Bin> bins, boolean respondAll, Outcome o) {
    int p = op.particle();
    if ((p != Wire.PARTICLE_INTEGER && p != Wire.PARTICLE_DOUBLE) || op.valueLength() != 8) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    Bin old = find(bins, op.name());
    long arg = WireReader.readLong(op.buf(), op.valueOffset());
    long sum = arg;
    if (old != null) {
      if (old.particle() != p) {
        return Wire.RESULT_BIN_TYPE_ERROR;
      }
      long cur = WireReader.readLong(old.op(), old.valueOffset());
      sum =
          p == Wire.PARTICLE_INTEGER
              ? cur + arg
              : Double.doubleToRawLongBits(
                  Double.longBitsToDouble(cur) + Double.longBitsToDouble(arg));
    }
    byte[] v = new byte[8];
    for (int i = 0; i < 8; i++) {
      v[i] = (byte) (sum >>> (56 - 8 * i));
    }
    put(bins, Bin.of(op.name(), p, v));
    respond(op, respondAll, o);
    return Wire.RESULT_OK;
  }

  private static int concat(Op op, List<Bin> bins, boolean respondAll, Outcome o) {
    int p = op.particle();
    if (p != Wire.PARTICLE_STRING && p != Wire.PARTICLE_BLOB) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    Bin old = find(bins, op.name());
    byte[] v;
    if (old == null) {
      v = op.valueBytes();
    } else {
      if (old.particle() != p) {
        return Wire.RESULT_BIN_TYPE_ERROR;
      }
      byte[] cur = old.value();
      byte[] arg = op.valueBytes();
      v = new byte[cur.length + arg.length];
      byte[] first = op.type() == Wire.OP_APPEND ? cur : arg;
      byte[] second = op.type() == Wire.OP_APPEND ? arg : cur;
      System.arraycopy(first, 0, v, 0, first.length);
      System.arraycopy(second, 0, v, first.length, second.length);
    }
    put(bins, Bin.of(op.name(), p, v));
    respond(op, respondAll, o);
    return Wire.RESULT_OK;
  }

  private static Bin find(List<Bin> bins, String name) {
    for (Bin b : bins) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    return null;
  }

  /** Replaces the bin of the same name in place (bin order stays stable), else appends. */
  private static void put(List<Bin> bins, Bin bin) {
    for (int i = 0; i < bins.size(); i++) {
      if (bins.get(i).name().equals(bin.name())) {
        bins.set(i, bin);
        return;
      }
    }
    bins.add(bin);
  }

  private static void remove(List<Bin> bins, String name) {
    for (int i = 0; i < bins.size(); i++) {
      if (bins.get(i).name().equals(name)) {
        bins.remove(i);
        return;
      }
    }
  }

  /** TTL -1 never expires, 0 is the namespace default (never), -2 keeps the current expiry. */
  private static int voidTime(int ttl, StoredRecord old) {
    if (ttl == Wire.TTL_DONT_UPDATE) {
      return old == null ? 0 : old.voidTime();
    }
    if (ttl == Wire.TTL_NEVER_EXPIRE || ttl == Wire.TTL_NAMESPACE_DEFAULT) {
      return 0;
    }
    return Namespace.nowVoidTime() + ttl;
  }
}
