package org.aerobench.embedded.exp;

import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.Fields;
import org.aerobench.embedded.wire.Wire;

/**
 * A command's filter expression (Policy.filterExp, the FILTER_EXP field). Compiled on first use, as
 * the server builds it only once it has found the record, so a missing record still answers
 * KEY_NOT_FOUND. A record passes only when the filter is true: false and unknown both answer
 * FILTERED_OUT (server: as_exp_matches_record).
 */
public final class ExpFilter {

  private final byte[] buf;
  private final int offset;
  private final int length;
  private CompiledExp compiled;
  private int buildCode = -1;

  private ExpFilter(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.offset = offset;
    this.length = length;
  }

  /** The filter the fields carry, or null when they carry none. */
  public static ExpFilter of(Fields fields) {
    return fields.hasFilter
        ? new ExpFilter(fields.filterBuf, fields.filterOffset, fields.filterLength)
        : null;
  }

  /**
   * OK when the filter is usable; PARAMETER_ERROR when the server would not build it (malformed,
   * ill-typed, or not a boolean), UNSUPPORTED_FEATURE when it uses what this server lacks.
   */
  public int build() {
    if (buildCode < 0) {
      try {
        compiled = ExpCompiler.compile(buf, offset, length);
        buildCode = compiled.type() == ExpType.BOOL ? Wire.RESULT_OK : Wire.RESULT_PARAMETER_ERROR;
      } catch (ExpException e) {
        buildCode = e.resultCode();
      }
    }
    return buildCode;
  }

  /** OK if the record passes, FILTERED_OUT if not, or the build error. */
  public int test(List<Bin> bins, RecordMeta meta) {
    int code = build();
    if (code != Wire.RESULT_OK) {
      return code;
    }
    Value v = compiled.eval(bins, meta);
    return v == Value.TRUE || (v instanceof Value.Bool b && b.value())
        ? Wire.RESULT_OK
        : ExpResults.FILTERED_OUT;
  }

  /** The same for a stored record. */
  public int test(StoredRecord r, byte[] digest) {
    return test(List.of(r.bins()), RecordMeta.of(digest, r));
  }
}
