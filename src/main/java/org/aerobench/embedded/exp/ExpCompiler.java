package org.aerobench.embedded.exp;

import static org.aerobench.embedded.exp.ExpType.BOOL;
import static org.aerobench.embedded.exp.ExpType.FLOAT;
import static org.aerobench.embedded.exp.ExpType.INT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aerobench.embedded.wire.Wire;
import org.msgpack.value.ValueType;

/**
 * Turns an expression's msgpack into nodes, checking types as the server's build step does
 * (as/src/base/exp.c): every node has one static type, operators take only the types they accept,
 * and a mismatch is a PARAMETER_ERROR before anything runs. List, map, bit, HLL and geo expressions
 * are UNSUPPORTED_FEATURE.
 *
 * <pre>
 * value: nil | bool | int | float | str/bin (first byte: particle type) | [op, args...]
 * </pre>
 */
final class ExpCompiler {

  /** A compiled node, its static type, and whether it is a bare {@code unknown()}. */
  record Typed(Node node, ExpType type, boolean isUnknownOp) {
    Typed(Node node, ExpType type) {
      this(node, type, false);
    }
  }

  private static final class VarEntry {
    final String name;
    final int slot;
    ExpType type; // null while its definition is compiled: a var cannot refer to itself

    VarEntry(String name, int slot) {
      this.name = name;
      this.slot = slot;
    }
  }

  /** Deepest nesting compiled; deeper input is refused rather than overflow the stack. */
  static final int MAX_DEPTH = 256;

  private final ExpReader in;
  private final List<VarEntry> vars = new ArrayList<>();
  private int maxSlots;
  private int depth;

  private ExpCompiler(ExpReader in) {
    this.in = in;
  }

  /** Compiles the expression in {@code buf[offset, offset + length)}, which holds nothing else. */
  static CompiledExp compile(byte[] buf, int offset, int length) throws ExpException {
    try (ExpReader in = new ExpReader(buf, offset, length)) {
      CompiledExp exp = compile(in);
      if (in.peek() != null) {
        throw ExpException.invalid("bytes after the expression");
      }
      return exp;
    }
  }

  /** Compiles the next value of {@code in} as an expression. */
  static CompiledExp compile(ExpReader in) throws ExpException {
    if (in.peek() == null) {
      throw ExpException.invalid("empty expression");
    }
    ExpCompiler c = new ExpCompiler(in);
    Typed t = c.next();
    return new CompiledExp(t.node(), t.type(), c.maxSlots);
  }

  Typed next() throws ExpException {
    if (++depth > MAX_DEPTH) {
      throw ExpException.invalid("an expression nested deeper than " + MAX_DEPTH);
    }
    try {
      return nextValue();
    } finally {
      depth--;
    }
  }

  private Typed nextValue() throws ExpException {
    ValueType t = in.peek();
    if (t == null) {
      throw ExpException.invalid("expression ends early");
    }
    return switch (t) {
      case NIL -> {
        in.nil();
        yield literal(Value.NIL, ExpType.NIL);
      }
      case BOOLEAN -> literal(Value.bool(in.bool()), BOOL);
      case INTEGER -> literal(new Value.Int(in.integer("an integer")), INT);
      case FLOAT -> literal(new Value.Flt(in.floating()), FLOAT);
      case STRING, BINARY -> bytesValue(in.raw("a string"));
      case ARRAY -> call(in.arrayHeader());
      default -> throw ExpException.unsupported("a map or extension value (map/CDT expressions)");
    };
  }

  private static Typed literal(Value v, ExpType type) {
    return new Typed(new ControlNodes.Literal(v), type);
  }

  /** Strings and blobs carry their particle type as the first byte (client Packer). */
  private static Typed bytesValue(byte[] b) throws ExpException {
    if (b.length == 0) {
      throw ExpException.invalid("a string or blob value without its type byte");
    }
    byte[] rest = Arrays.copyOfRange(b, 1, b.length);
    return switch (b[0]) {
      case Wire.PARTICLE_STRING -> literal(new Value.Str(rest), ExpType.STR);
      case Wire.PARTICLE_BLOB -> literal(new Value.Blob(rest), ExpType.BLOB);
      case Wire.PARTICLE_GEOJSON -> throw ExpException.unsupported("a GeoJSON value");
      case Wire.PARTICLE_HLL -> throw ExpException.unsupported("an HLL value");
      default -> throw ExpException.invalid("a value of bytes type " + b[0]);
    };
  }

  private Typed call(int count) throws ExpException {
    if (count == 0) {
      throw ExpException.invalid("an empty list is not an expression");
    }
    long code = in.integer("an op code");
    int args = count - 1;
    if (code < 0 || code > 127) {
      throw ExpException.invalid("unknown expression op " + code); // wire op codes are 0..127
    }
    if (code == 0) {
      need(args, 0, "unknown");
      return new Typed(new LogicNodes.UnknownNode(), BOOL, true);
    }
    if (code >= LogicNodes.EQ && code <= BitNodes.INT_RSCAN || code == 50 || code == 51) {
      return Operators.compile(this, (int) code, args);
    }
    if (code >= RecordNodes.DIGEST_MODULO && code <= 82) {
      return record((int) code, args);
    }
    return switch ((int) code) {
      case ControlNodes.COND -> cond(args);
      case ControlNodes.VAR -> var(args);
      case ControlNodes.LET -> let(args);
      case 100, 101, 102, 122, 126 -> throw ExpException.unsupported("list and map expressions");
      case 127 -> throw ExpException.unsupported("list, map, bit and HLL expressions");
      default -> throw ExpException.invalid("unknown expression op " + code);
    };
  }

  static void need(int args, int expected, String op) throws ExpException {
    if (args != expected) {
      throw ExpException.invalid(op + " takes " + expected + " arguments, found " + args);
    }
  }

  private Typed record(int code, int args) throws ExpException {
    switch (code) {
      case RecordNodes.DIGEST_MODULO -> {
        need(args, 1, "digest_modulo");
        long mod = in.integer("a modulus");
        if ((int) mod == 0) {
          throw ExpException.invalid("digest_modulo by zero");
        }
        return new Typed(new RecordNodes.Meta(code, (int) mod), INT);
      }
      case 80 -> {
        need(args, 1, "key");
        ExpType type = ExpType.of(in.integer("a key type"));
        if (type != INT && type != ExpType.STR && type != ExpType.BLOB) {
          throw ExpException.invalid("a key is an int, a string or a blob, not " + type);
        }
        return new Typed(new RecordNodes.KeyRead(type), type);
      }
      case 81 -> {
        need(args, 2, "bin");
        ExpType type = ExpType.of(in.integer("a bin type"));
        if (type == null) {
          throw ExpException.invalid("unknown bin type");
        }
        String name = binName();
        return switch (type) {
          case LIST, MAP, GEO, HLL ->
              throw ExpException.unsupported("a " + type + " bin (CDT, geo and HLL expressions)");
          default -> new Typed(new RecordNodes.BinRead(name, type), type);
        };
      }
      case 82 -> {
        need(args, 1, "bin_type");
        return new Typed(new RecordNodes.BinType(binName()), INT);
      }
      default -> {
        if (code > RecordNodes.RECORD_SIZE) {
          throw ExpException.invalid("unknown expression op " + code);
        }
        need(args, 0, "record metadata");
        ExpType type =
            code == RecordNodes.SET_NAME
                ? ExpType.STR
                : code == RecordNodes.KEY_EXISTS || code == RecordNodes.IS_TOMBSTONE ? BOOL : INT;
        return new Typed(new RecordNodes.Meta(code, 0), type);
      }
    }
  }

  private String binName() throws ExpException {
    byte[] name = in.raw("a bin name");
    if (name.length > Wire.MAX_BIN_NAME) {
      throw ExpException.invalid("bin name over " + Wire.MAX_BIN_NAME + " bytes");
    }
    for (byte b : name) {
      if (b == 0) {
        throw ExpException.invalid("bin name with a NUL byte"); // server: as_bin_name_check
      }
    }
    return new String(name, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * cond(c1, r1, ..., default): conditions are booleans; results share one type, except that {@code
   * unknown()} may stand in for any of them.
   */
  private Typed cond(int args) throws ExpException {
    if (args < 3 || args % 2 == 0) {
      throw ExpException.invalid("cond takes condition/result pairs and a default");
    }
    int cases = args / 2;
    Node[] conditions = new Node[cases];
    Node[] results = new Node[cases];
    ExpType type = null;
    for (int i = 0; i < cases; i++) {
      Typed c = next();
      if (c.type() != BOOL) {
        throw ExpException.invalid("cond condition " + (i + 1) + " is " + c.type());
      }
      Typed r = next();
      if (!r.isUnknownOp()) {
        if (type == null) {
          type = r.type();
        } else if (r.type() != type) {
          throw ExpException.invalid("cond results mix " + type + " and " + r.type());
        }
      }
      conditions[i] = c.node();
      results[i] = r.node();
    }
    Typed otherwise = next();
    if (type == null) {
      type = otherwise.type();
    } else if (!otherwise.isUnknownOp() && otherwise.type() != type) {
      throw ExpException.invalid("cond default is " + otherwise.type() + ", not " + type);
    }
    return new Typed(new ControlNodes.Cond(conditions, results, otherwise.node()), type);
  }

  /** let(name1, exp1, ..., scope): names start with a letter or '_' and are unique in scope. */
  private Typed let(int args) throws ExpException {
    if (args < 3 || args % 2 == 0) {
      throw ExpException.invalid("let takes name/definition pairs and a scope expression");
    }
    int n = args / 2;
    int mark = vars.size();
    int[] slots = new int[n];
    Node[] definitions = new Node[n];
    for (int i = 0; i < n; i++) {
      String name = new String(in.raw("a variable name"), java.nio.charset.StandardCharsets.UTF_8);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw ExpException.invalid("illegal variable name '" + name + "'");
      }
      if (find(name) != null) {
        throw ExpException.invalid("duplicate variable name '" + name + "'");
      }
      VarEntry entry = new VarEntry(name, vars.size());
      vars.add(entry);
      maxSlots = Math.max(maxSlots, vars.size());
      Typed d = next();
      entry.type = d.type();
      slots[i] = entry.slot;
      definitions[i] = d.node();
    }
    Typed body = next();
    vars.subList(mark, vars.size()).clear();
    // The server keeps the scope expression's own entry, so a let around unknown() still counts
    // as unknown() in a cond.
    return new Typed(
        new ControlNodes.Let(slots, definitions, body.node()), body.type(), body.isUnknownOp());
  }

  private Typed var(int args) throws ExpException {
    need(args, 1, "var");
    String name = new String(in.raw("a variable name"), java.nio.charset.StandardCharsets.UTF_8);
    VarEntry entry = find(name);
    if (entry == null) {
      throw ExpException.invalid("undefined variable '" + name + "'");
    }
    if (entry.type == null) {
      throw ExpException.invalid("variable '" + name + "' used in its own definition");
    }
    return new Typed(new ControlNodes.Var(entry.slot), entry.type);
  }

  private VarEntry find(String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        return vars.get(i);
      }
    }
    return null;
  }

  ExpReader reader() {
    return in;
  }
}
