/**
 * An in-memory Aerospike-compatible server that the official Java client 9.x talks to as to a
 * one-node cluster: {@link org.aerobench.embedded.EmbeddedAerospike} (Java API), {@link
 * org.aerobench.embedded.EmbeddedServerCommand} (standalone launcher), {@link
 * org.aerobench.embedded.Latency} (added network time).
 *
 * <p>Sub-packages: {@code wire} (frame and message codecs, constants), {@code net} (NIO selector
 * loops), {@code command} (record, batch and scan commands), {@code info} (info protocol), {@code
 * store} (namespaces and records).
 */
package org.aerobench.embedded;
