package org.aerobench.embedded.wire;

/**
 * The fields of one AS_MSG (or one batch row), as the commands need them.
 *
 * <pre>
 * field: size(4, counts the type byte) | type(1) | data(size - 1)
 * </pre>
 *
 * Unknown field types are skipped, as a server does; the ones a command cannot honour (UDF,
 * transactions) are flagged so the command can refuse them with a code. A filter expression stays
 * in the request buffer: its place is kept for the command to evaluate.
 */
public final class Fields {

  public String namespace;
  public String set;
  public byte[] digest;
  public byte[] userKey; // particle type(1) + value, as sent with sendKey
  public int pidOffset = -1; // FIELD_PID_ARRAY: 2-byte little-endian partition ids
  public int pidLength;
  public int digestArrayOffset = -1; // FIELD_DIGEST_ARRAY: resume digests, 20 bytes each
  public int digestArrayLength;
  public long maxRecords;
  public int batchOffset = -1; // FIELD_BATCH_INDEX data
  public int batchLength;
  public boolean hasFilter;
  public byte[] filterBuf; // FILTER_EXP data: msgpack expression at [filterOffset, +filterLength)
  public int filterOffset = -1;
  public int filterLength;
  public boolean hasUdf;
  public boolean hasTxn;
  public boolean hasIndexFilter; // secondary-index query range: not supported

  /** Clears everything, for reuse by the next batch row. */
  public void clear() {
    namespace = null;
    set = null;
    digest = null;
    userKey = null;
    pidOffset = -1;
    pidLength = 0;
    digestArrayOffset = -1;
    digestArrayLength = 0;
    maxRecords = 0;
    batchOffset = -1;
    batchLength = 0;
    hasFilter = false;
    filterBuf = null;
    filterOffset = -1;
    filterLength = 0;
    hasUdf = false;
    hasTxn = false;
    hasIndexFilter = false;
  }

  /** Reads {@code count} fields into this holder. */
  public void read(WireReader in, int count) {
    int fieldsStart = in.position();
    for (int i = 0; i < count; i++) {
      int fieldStart = in.position();
      int size = in.i32();
      if (i == count - 1 && size > in.remaining()) {
        size = batchFieldSizeAfterClientQuirk(in, size, fieldStart - fieldsStart);
      }
      if (size < 1) {
        throw new WireFormatException(
            "field size " + size + " is invalid; it counts the type byte");
      }
      in.require(size, "field");
      int type = in.u8();
      int len = size - 1;
      switch (type) {
        case Wire.FIELD_NAMESPACE -> namespace = in.utf8(len, "namespace field");
        case Wire.FIELD_SET -> set = len == 0 ? null : in.utf8(len, "set field"); // "" = null set
        case Wire.FIELD_DIGEST -> {
          if (len != Wire.DIGEST_SIZE) {
            throw new WireFormatException("digest field has " + len + " bytes; expected 20");
          }
          digest = in.bytes(len, "digest field");
        }
        case Wire.FIELD_KEY -> userKey = in.bytes(len, "key field");
        case Wire.FIELD_PID_ARRAY -> {
          pidOffset = in.position();
          pidLength = len;
          in.skip(len, "partition id array");
        }
        case Wire.FIELD_DIGEST_ARRAY -> {
          digestArrayOffset = in.position();
          digestArrayLength = len;
          in.skip(len, "digest array");
        }
        case Wire.FIELD_MAX_RECORDS -> {
          if (len != 8) {
            throw new WireFormatException("max-records field has " + len + " bytes; expected 8");
          }
          maxRecords = in.i64();
        }
        case Wire.FIELD_BATCH_INDEX -> {
          batchOffset = in.position();
          batchLength = len;
          in.skip(len, "batch index field");
        }
        case Wire.FIELD_FILTER_EXP -> {
          hasFilter = true;
          filterBuf = in.buffer();
          filterOffset = in.position();
          filterLength = len;
          in.skip(len, "filter expression");
        }
        case Wire.FIELD_UDF_PACKAGE_NAME,
            Wire.FIELD_UDF_FUNCTION,
            Wire.FIELD_UDF_ARGLIST,
            Wire.FIELD_UDF_OP -> {
          hasUdf = true;
          in.skip(len, "UDF field");
        }
        case Wire.FIELD_TXN_ID, Wire.FIELD_TXN_DEADLINE, Wire.FIELD_RECORD_VERSION -> {
          hasTxn = true;
          in.skip(len, "transaction field");
        }
        case Wire.FIELD_INDEX_RANGE -> {
          hasIndexFilter = true;
          in.skip(len, "index range");
        }
        default -> in.skip(len, "field " + type);
      }
    }
  }

  /**
   * The Aerospike Java client (9.x, batch by Key[]) sizes the BATCH_INDEX field from the end of the
   * message header, so when a filter expression field precedes it the size also counts that field's
   * bytes. A server still reads it; so do we, but only when it is the last field, of that type, and
   * the surplus is exactly the bytes of the fields before it. Anything else is left to fail as
   * malformed.
   */
  private static int batchFieldSizeAfterClientQuirk(WireReader in, int size, int priorBytes) {
    boolean isBatch =
        in.remaining() > 0 && (in.buffer()[in.position()] & 0xFF) == Wire.FIELD_BATCH_INDEX;
    if (isBatch && priorBytes > 0 && size - priorBytes == in.remaining()) {
      return size - priorBytes;
    }
    return size;
  }
}
