package org.aerobench.embedded.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.NamespacePolicy;
import org.aerobench.embedded.cdt.CdtOperations;
import org.aerobench.embedded.exp.ExpFilter;
import org.aerobench.embedded.exp.ExpOperations;
import org.aerobench.embedded.exp.RecordMeta;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.OpResult;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;

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
    RecordMeta meta; // what expression operations see of the record
  }

  /** A write; {@code filter} (or null) must pass for an existing record to be changed. */
  static void write(
      Namespace ns, Digest digest, RowRequest rq, ExpFilter filter, ReplyBuffer out, int index) {
    int refused = checkRequest(rq);
    if (refused != Wire.RESULT_OK) {
      Replies.error(out, refused, index);
      return;
    }
    Outcome o = new Outcome();
    NamespacePolicy policy = ns.policy();
    ns.compute(digest, (k, old) -> apply(old, digest.bytes(), rq, filter, policy, o));
    if (o.resultCode != Wire.RESULT_OK) {
      Replies.error(out, o.resultCode, index);
      return;
    }
    reply(o, o.result, out, index);
  }

  /**
   * A read whose ops are not all plain bin reads (list, map or expression reads): the ops run on a
   * working copy of {@code rec}'s bins, and nothing is stored.
   */
  static void readOps(StoredRecord rec, byte[] digest, RowRequest rq, ReplyBuffer out, int index) {
    Outcome o = new Outcome();
    o.meta = RecordMeta.of(digest, rec);
    List<Bin> bins = new ArrayList<>(List.of(rec.bins()));
    boolean respondAll = (rq.info2 & Wire.INFO2_RESPOND_ALL_OPS) != 0;
    for (Op op : rq.ops) {
      int code = applyOp(op, bins, rec, respondAll, o);
      if (code != Wire.RESULT_OK) {
        Replies.error(out, code, index);
        return;
      }
    }
    reply(o, rec, out, index);
  }

  private static void reply(Outcome o, StoredRecord rec, ReplyBuffer out, int index) {
    int gen = rec == null ? 0 : rec.generation();
    int voidTime = rec == null ? 0 : rec.voidTime();
    if (o.readAll && rec != null) {
      MsgHeader.write(out, 0, Wire.RESULT_OK, gen, voidTime, index, 0, rec.bins().length);
      out.putBytes(rec.encodedBins());
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

  /**
   * What a server refuses before it looks at the record: a write without operations, a bin name
   * over 15 bytes, a value of a particle type it does not know, a TTL out of range.
   */
  private static int checkRequest(RowRequest rq) {
    if ((rq.info2 & Wire.INFO2_DELETE) == 0 && rq.ops.isEmpty()) {
      return Wire.RESULT_PARAMETER_ERROR; // "bin op(s) expected, none present"
    }
    for (Op op : rq.ops) {
      if (op.nameTooLong()) {
        return Wire.RESULT_BIN_NAME_TOO_LONG;
      }
      if (op.type() == Wire.OP_WRITE && !Wire.knownParticle(op.particle())) {
        return Wire.RESULT_PARAMETER_ERROR;
      }
    }
    int ttl = rq.ttl;
    if (ttl < Wire.TTL_DONT_UPDATE || ttl > NamespacePolicy.MAX_TTL_SECONDS) {
      return Wire.RESULT_PARAMETER_ERROR; // above 10 years, or negative other than -1 and -2
    }
    return Wire.RESULT_OK;
  }

  private static StoredRecord apply(
      StoredRecord old,
      byte[] digest,
      RowRequest rq,
      ExpFilter filter,
      NamespacePolicy policy,
      Outcome o) {
    int code = checkPolicy(old, rq);
    if (code == Wire.RESULT_OK && filter != null && old != null) {
      // After the exists and generation checks, and only for a record that exists: a write that
      // creates the record is not filtered (server: write_master, handle_meta_filter).
      code = filter.test(old, digest);
    }
    if (code != Wire.RESULT_OK) {
      o.resultCode = code;
      return old;
    }
    o.meta = RecordMeta.forWrite(digest, old, rq.fields.set, rq.fields.userKey);
    boolean durable = (rq.info2 & Wire.INFO2_DURABLE_DELETE) != 0;
    if ((rq.info2 & Wire.INFO2_DELETE) != 0) {
      if (durable) {
        o.resultCode = Wire.RESULT_ENTERPRISE_ONLY; // tombstones are an EE feature
        return old;
      }
      return null; // whole-record delete; ops (if any) are ignored like the server's delete
    }
    // A TTL of -2 (keep) on a record that is created means the namespace default.
    int ttl = rq.ttl == Wire.TTL_DONT_UPDATE && old == null ? Wire.TTL_NAMESPACE_DEFAULT : rq.ttl;
    if (policy.forbidsTtl(ttl)) {
      o.resultCode = Wire.RESULT_FAIL_FORBIDDEN; // "disallowed ttl with nsup-period 0"
      return old;
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
      // The server never stores a record without bins: removing the last bin deletes it, and
      // a write that would create a record without bins finds nothing to delete.
      if (old == null) {
        o.resultCode = Wire.RESULT_KEY_NOT_FOUND;
        return null;
      }
      if (durable) {
        o.resultCode = Wire.RESULT_ENTERPRISE_ONLY;
        return old;
      }
      o.result = null;
      return null;
    }
    int generation = old == null ? 1 : (old.generation() >= 0xFFFF ? 1 : old.generation() + 1);
    long nowMillis = System.currentTimeMillis(); // one clock for the expiry and the update time
    int voidTime = voidTime(ttl, old, policy, nowMillis);
    byte[] userKey =
        rq.fields.userKey != null ? rq.fields.userKey : old == null ? null : old.userKey();
    String set = rq.fields.set != null ? rq.fields.set : old == null ? null : old.set();
    StoredRecord result = StoredRecord.of(set, bins, generation, voidTime, userKey, nowMillis);
    if (result.storedBytes() > policy.maxRecordBytes()) {
      o.resultCode = Wire.RESULT_RECORD_TOO_BIG;
      return old;
    }
    o.result = result;
    return result;
  }

  private static final int DELETE_RECORD = -1;

  /** Record-level checks: exists policies, generation policies, touch of a missing record. */
  private static int checkPolicy(StoredRecord old, RowRequest rq) {
    boolean exists = old != null;
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
    return Wire.RESULT_OK;
  }

  private static int applyOp(
      Op op, List<Bin> bins, StoredRecord old, boolean respondAll, Outcome o) {
    switch (op.type()) {
      case Wire.OP_READ -> {
        if (op.name() == null) {
          o.readAll = true; // all bins, after every write of this command
        } else {
          Bin b = BinUpdates.find(bins, op.name());
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
          BinUpdates.remove(bins, op.name());
        } else {
          BinUpdates.put(
              bins, Bin.of(op.name(), op.particle(), op.buf(), op.valueOffset(), op.valueLength()));
        }
        respond(op, respondAll, o);
        return Wire.RESULT_OK;
      }
      case Wire.OP_ADD -> {
        int code = checkName(op);
        code = code != Wire.RESULT_OK ? code : BinUpdates.add(op, bins);
        if (code == Wire.RESULT_OK) {
          respond(op, respondAll, o);
        }
        return code;
      }
      case Wire.OP_APPEND, Wire.OP_PREPEND -> {
        int code = checkName(op);
        code = code != Wire.RESULT_OK ? code : BinUpdates.concat(op, bins);
        if (code == Wire.RESULT_OK) {
          respond(op, respondAll, o);
        }
        return code;
      }
      case Wire.OP_TOUCH -> {
        respond(op, respondAll, o);
        return Wire.RESULT_OK;
      }
      case Wire.OP_DELETE -> {
        respond(op, respondAll, o);
        return DELETE_RECORD;
      }
      case Wire.OP_CDT_READ, Wire.OP_CDT_MODIFY -> {
        return complex(op, CdtOperations.apply(op, bins), respondAll, o);
      }
      case Wire.OP_EXP_READ, Wire.OP_EXP_MODIFY -> {
        return complex(op, ExpOperations.apply(op, bins, o.meta), respondAll, o);
      }
      case Wire.OP_BIT_READ, Wire.OP_BIT_MODIFY, Wire.OP_HLL_READ, Wire.OP_HLL_MODIFY -> {
        return Wire.RESULT_UNSUPPORTED_FEATURE;
      }
      default -> {
        return Wire.RESULT_PARAMETER_ERROR; // not an operation this protocol knows
      }
    }
  }

  /** A list, map or expression op's result: its reply bin, or a name-only reply if asked. */
  private static int complex(Op op, OpResult r, boolean respondAll, Outcome o) {
    if (r.code() != Wire.RESULT_OK) {
      return r.code();
    }
    if (r.value() != null) {
      o.replyBins.add(r.value());
      o.replyNames.add(r.value().name());
    } else {
      respond(op, respondAll, o);
    }
    return Wire.RESULT_OK;
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
    return op.nameTooLong() ? Wire.RESULT_BIN_NAME_TOO_LONG : Wire.RESULT_OK;
  }

  /** TTL -1 never expires, 0 is the namespace's default-ttl, -2 keeps the current expiry. */
  private static int voidTime(int ttl, StoredRecord old, NamespacePolicy policy, long nowMillis) {
    if (ttl == Wire.TTL_DONT_UPDATE) {
      return old == null ? 0 : old.voidTime();
    }
    if (ttl == Wire.TTL_NAMESPACE_DEFAULT) {
      ttl = policy.defaultTtlSeconds();
    }
    if (ttl == Wire.TTL_NEVER_EXPIRE || ttl == 0) {
      return 0;
    }
    return Namespace.voidTimeAt(nowMillis) + ttl;
  }
}
