package org.aerobench.embedded.wire;

/** A reply that would outgrow the server's per-request bound; answered SERVER_MEM_ERROR. */
public final class ReplyTooLargeException extends RuntimeException {

  public ReplyTooLargeException(long needed, int limit) {
    super("reply needs " + needed + " bytes; the bound per request is " + limit);
  }
}
