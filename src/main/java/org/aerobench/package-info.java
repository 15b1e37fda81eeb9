/**
 * aerobench: how much the Aerospike client style changes a feature-serving service.
 *
 * <p>Places: {@code embedded} (in-memory Aerospike-compatible server), {@code data} (request
 * fixture, key plan, seeder), {@code client} (client styles and read modes), {@code model}
 * (features and DLRM), {@code app} (Javalin target app), {@code bench} (env A, the pure client
 * loop), {@code report} (Gatling report parsing, comparison, gate), {@code cli} (entry point).
 */
package org.aerobench;
