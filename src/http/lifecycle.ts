/** Process lifecycle state shared by the server entry and the readiness route. */
export interface Lifecycle {
  /** Set on SIGTERM/SIGINT (and when the app closes): /readyz answers 503 from then on. */
  shuttingDown: boolean;
  /** Set once app.close() has begun: new requests get 503 problem details (in-flight ones finish). */
  closing: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}
