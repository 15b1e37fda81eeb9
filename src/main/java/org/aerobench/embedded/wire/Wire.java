package org.aerobench.embedded.wire;

/**
 * Every number of the Aerospike wire protocol the embedded server uses, with its meaning beside it.
 * Values follow the official Java client 9.x ({@code command/Command.java}, {@code FieldType.java},
 * {@code ParticleType.java}, {@code Operation.java}, {@code ResultCode.java}).
 */
public final class Wire {

  private Wire() {}

  /** True for a particle type a server stores; anything else is a PARAMETER_ERROR. */
  public static boolean knownParticle(int type) {
    return (type >= PARTICLE_NULL && type <= PARTICLE_BLOB)
        || (type >= PARTICLE_JBLOB && type <= PARTICLE_ERLANG_BLOB)
        || (type >= PARTICLE_BOOL && type <= PARTICLE_LIST)
        || type == PARTICLE_GEOJSON;
  }

  // ---- Proto header: version(8) | type(8) | size(48) ----
  public static final int PROTO_VERSION = 2; // the only protocol version clients speak
  public static final int PROTO_HEADER_SIZE = 8; // bytes before every message body
  public static final int TYPE_INFO = 1; // text info: name\n requests, name\tvalue\n replies
  public static final int TYPE_ADMIN = 2; // security/admin commands (not supported)
  public static final int TYPE_MESSAGE = 3; // AS_MSG: 22-byte header, fields, ops
  public static final int TYPE_COMPRESSED = 4; // usize(8) then a zlib stream of a whole frame

  // ---- AS_MSG header (22 bytes after the proto header) ----
  public static final int MSG_HEADER_SIZE = 22; // header_sz .. n_ops, first byte holds 22
  public static final int FIELD_HEADER_SIZE = 5; // size(4, counts the type byte) | type(1)
  public static final int OP_HEADER_SIZE = 8; // size(4) | op(1) | particle(1) | ver(1) | nlen(1)

  // ---- info1: read attributes ----
  public static final int INFO1_READ = 1; // contains a read operation
  public static final int INFO1_GET_ALL = 1 << 1; // get all bins
  public static final int INFO1_SHORT_QUERY = 1 << 2; // short query
  public static final int INFO1_BATCH = 1 << 3; // batch read or batch any
  public static final int INFO1_XDR = 1 << 4; // operation performed by XDR
  public static final int INFO1_NOBINDATA = 1 << 5; // do not read the bins (header / exists)
  public static final int INFO1_READ_MODE_AP_ALL = 1 << 6; // involve all replicas
  public static final int INFO1_COMPRESS_RESPONSE = 1 << 7; // client accepts compressed reply

  // ---- info2: write attributes ----
  public static final int INFO2_WRITE = 1; // create or update record
  public static final int INFO2_DELETE = 1 << 1; // delete record
  public static final int INFO2_GENERATION = 1 << 2; // update if expected generation == old
  public static final int INFO2_GENERATION_GT = 1 << 3; // update if new generation > old
  public static final int INFO2_DURABLE_DELETE = 1 << 4; // leave tombstone (enterprise only)
  public static final int INFO2_CREATE_ONLY = 1 << 5; // fail if record already exists
  public static final int INFO2_RELAX_AP_LONG_QUERY = 1 << 6; // long query, relaxed
  public static final int INFO2_RESPOND_ALL_OPS = 1 << 7; // return a result for every op

  // ---- info3: other attributes ----
  public static final int INFO3_LAST = 1; // last message of a multi-message reply
  public static final int INFO3_COMMIT_MASTER = 1 << 1; // commit to master only
  public static final int INFO3_PARTITION_DONE = 1 << 2; // scan: partition finished
  public static final int INFO3_UPDATE_ONLY = 1 << 3; // update only, merge bins
  public static final int INFO3_CREATE_OR_REPLACE = 1 << 4; // create or replace all bins
  public static final int INFO3_REPLACE_ONLY = 1 << 5; // replace existing record only

  // ---- Batch index row flags (byte after each row's digest) ----
  public static final int BATCH_MSG_READ = 0; // old format: readAttr(1), nfields(2), nops(2)
  public static final int BATCH_MSG_REPEAT = 1; // same namespace/set/attrs/ops as previous row
  public static final int BATCH_MSG_INFO = 1 << 1; // info1, info2, info3 follow
  public static final int BATCH_MSG_GEN = 1 << 2; // generation(2) follows
  public static final int BATCH_MSG_TTL = 1 << 3; // ttl(4) follows
  public static final int BATCH_MSG_INFO4 = 1 << 4; // info4 (transaction attrs) follows

  // ---- Field types ----
  public static final int FIELD_NAMESPACE = 0; // utf8 namespace name
  public static final int FIELD_SET = 1; // utf8 set name ("TABLE" in the client)
  public static final int FIELD_KEY = 2; // particle type(1) + user key value
  public static final int FIELD_RECORD_VERSION = 3; // transaction record version (7 bytes)
  public static final int FIELD_DIGEST = 4; // 20-byte RIPEMD-160 digest
  public static final int FIELD_TXN_ID = 5; // multi-record transaction id
  public static final int FIELD_TXN_DEADLINE = 6; // transaction deadline
  public static final int FIELD_QUERY_ID = 7; // scan/query task id (8)
  public static final int FIELD_SOCKET_TIMEOUT = 9; // scan socket idle timeout (4)
  public static final int FIELD_RECORDS_PER_SECOND = 10; // scan throttle (4)
  public static final int FIELD_PID_ARRAY = 11; // partition ids, 2 bytes little-endian each
  public static final int FIELD_DIGEST_ARRAY = 12; // resume digests, 20 bytes each
  public static final int FIELD_MAX_RECORDS = 13; // scan record limit (8)
  public static final int FIELD_BVAL_ARRAY = 15; // query resume values
  public static final int FIELD_INDEX_RANGE = 22; // secondary-index filter (not supported)
  public static final int FIELD_UDF_PACKAGE_NAME = 30; // UDF module
  public static final int FIELD_UDF_FUNCTION = 31; // UDF function
  public static final int FIELD_UDF_ARGLIST = 32; // UDF arguments (msgpack)
  public static final int FIELD_UDF_OP = 33; // UDF operation
  public static final int FIELD_QUERY_BINLIST = 40; // query bin names
  public static final int FIELD_BATCH_INDEX = 41; // batch index rows
  public static final int FIELD_FILTER_EXP = 43; // filter expression (msgpack)

  // ---- Operation types ----
  public static final int OP_READ = 1; // read a bin (no name + GET_ALL: all bins; header only)
  public static final int OP_WRITE = 2; // write a bin (NULL particle deletes the bin)
  public static final int OP_CDT_READ = 3; // list/map read (not supported)
  public static final int OP_CDT_MODIFY = 4; // list/map modify (not supported)
  public static final int OP_ADD = 5; // add an integer or a double
  public static final int OP_EXP_READ = 7; // expression read (not supported)
  public static final int OP_EXP_MODIFY = 8; // expression write (not supported)
  public static final int OP_APPEND = 9; // append to a string or blob
  public static final int OP_PREPEND = 10; // prepend to a string or blob
  public static final int OP_TOUCH = 11; // reset the record's time to live
  public static final int OP_BIT_READ = 12; // bitwise read (not supported)
  public static final int OP_BIT_MODIFY = 13; // bitwise modify (not supported)
  public static final int OP_DELETE = 14; // delete the record
  public static final int OP_HLL_READ = 15; // hyperloglog read (not supported)
  public static final int OP_HLL_MODIFY = 16; // hyperloglog modify (not supported)

  // ---- Particle (value) types ----
  public static final int PARTICLE_NULL = 0; // no value; writing it deletes the bin
  public static final int PARTICLE_INTEGER = 1; // 8-byte big-endian signed long
  public static final int PARTICLE_DOUBLE = 2; // 8-byte big-endian IEEE 754
  public static final int PARTICLE_STRING = 3; // utf8 bytes
  public static final int PARTICLE_BLOB = 4; // raw bytes
  public static final int PARTICLE_JBLOB = 7; // java-serialized bytes (legacy)
  public static final int PARTICLE_CSHARP_BLOB = 8; // language blobs 8..12, stored opaque
  public static final int PARTICLE_ERLANG_BLOB = 12; // last of the language blobs
  public static final int PARTICLE_BOOL = 17; // 1 byte, 0 or 1
  public static final int PARTICLE_HLL = 18; // hyperloglog bytes
  public static final int PARTICLE_MAP = 19; // msgpack map, stored opaque
  public static final int PARTICLE_LIST = 20; // msgpack list, stored opaque
  public static final int PARTICLE_GEOJSON = 23; // flags(1), ncells(2), json

  // ---- Result codes ----
  public static final int RESULT_OK = 0; // success
  public static final int RESULT_SERVER_ERROR = 1; // unknown server failure
  public static final int RESULT_KEY_NOT_FOUND = 2; // record does not exist
  public static final int RESULT_GENERATION_ERROR = 3; // generation check failed
  public static final int RESULT_PARAMETER_ERROR = 4; // bad request parameter
  public static final int RESULT_KEY_EXISTS = 5; // create-only on an existing record
  public static final int RESULT_SERVER_MEM_ERROR = 8; // reply would exceed the server's bound
  public static final int RESULT_PARTITION_UNAVAILABLE = 11; // node holds no copy of it
  public static final int RESULT_BIN_TYPE_ERROR = 12; // op does not fit the bin's type
  public static final int RESULT_RECORD_TOO_BIG = 13; // record over max-record-size
  public static final int RESULT_UNSUPPORTED_FEATURE = 16; // known but not implemented here
  public static final int RESULT_INVALID_NAMESPACE = 20; // namespace not configured
  public static final int RESULT_BIN_NAME_TOO_LONG = 21; // bin name over 15 bytes
  public static final int RESULT_FAIL_FORBIDDEN = 22; // e.g. a TTL write with nsup-period 0
  public static final int RESULT_ENTERPRISE_ONLY = 25; // durable delete and the like
  public static final int RESULT_OP_NOT_APPLICABLE = 26; // op cannot apply (e.g. add to string)

  // ---- Limits and time ----
  public static final int DIGEST_SIZE = 20; // RIPEMD-160
  public static final int PARTITIONS =
      4096; // partition id = (LE int of digest[0..3] & 0xFFFF) % 4096
  public static final int MAX_BIN_NAME = 15; // bytes of utf8
  public static final long CITRINE_EPOCH_SECONDS = 1_262_304_000L; // 2010-01-01T00:00:00Z
  public static final int TTL_NEVER_EXPIRE = -1; // record TTL: never expire
  public static final int TTL_DONT_UPDATE = -2; // record TTL: keep the current expiration
  public static final int TTL_NAMESPACE_DEFAULT = 0; // record TTL: the namespace's default-ttl
}
