/**
 * Node's flags for the api process, wherever it runs: `npm start`, the benchmarks, and the image
 * (Dockerfile and docker-compose.yml say the same; test/foundation/deployment-files checks it).
 *
 * A young generation of up to 2 × 32 MB instead of V8's 2 × 16 MB: a submission's short-lived
 * objects (validation, SQL parameters, the answer) die before a scavenge would copy them into the
 * old space, so the api scavenges and mark-compacts less. Measured with `npm run bench -- intake`
 * at 800 submits/s offered (BENCH_OFFERED=800) on the 2-core machine, runs alternating: with the
 * flag 8 runs, median latency 8.5 ms and api CPU 0.78 ms per submit; without it 5 runs, 13.8 ms and
 * 0.82 ms. One run of either varies more than that (5.2 to 17.1 ms with the flag). The cost is
 * memory: up to 32 MB more resident under load.
 */
export const API_NODE_ARGUMENTS: readonly string[] = ['--max-semi-space-size=32'];
