package org.aerobench.embedded.wire;

/**
 * The 22-byte AS_MSG header.
 *
 * <pre>
 * header_sz(1)=22 | info1(1) | info2(1) | info3(1) | info4(1) | result_code(1)
 * | generation(4) | record_ttl(4) | transaction_ttl(4) | n_fields(2) | n_ops(2)
 * </pre>
 *
 * In replies to batch requests {@code transaction_ttl} carries the row's batch index.
 */
public record MsgHeader(
    int info1,
    int info2,
    int info3,
    int info4,
    int resultCode,
    int generation,
    int ttl,
    int timeout,
    int fieldCount,
    int opCount) {

  /** Reads the header; fails if its declared size is not 22. */
  public static MsgHeader read(WireReader in) {
    in.require(Wire.MSG_HEADER_SIZE, "AS_MSG header");
    int headerSize = in.u8();
    if (headerSize != Wire.MSG_HEADER_SIZE) {
      throw new WireFormatException(
          "AS_MSG header size " + headerSize + " is unsupported; expected " + Wire.MSG_HEADER_SIZE);
    }
    return new MsgHeader(
        in.u8(), in.u8(), in.u8(), in.u8(), in.u8(), in.i32(), in.i32(), in.i32(), in.u16(),
        in.u16());
  }

  /** Writes a reply header; info1/info2/info4 are 0 in replies. */
  public static void write(
      ReplyBuffer out,
      int info3,
      int resultCode,
      int generation,
      int voidTime,
      int batchIndex,
      int fieldCount,
      int opCount) {
    out.ensure(Wire.MSG_HEADER_SIZE);
    out.putByte(Wire.MSG_HEADER_SIZE);
    out.putByte(0);
    out.putByte(0);
    out.putByte(info3);
    out.putByte(0);
    out.putByte(resultCode);
    out.putInt(generation);
    out.putInt(voidTime);
    out.putInt(batchIndex);
    out.putShort(fieldCount);
    out.putShort(opCount);
  }
}
