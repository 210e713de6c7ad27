/** Public surface of the TPOPS client: the client, its operation table, errors and policy. */
export * from "./client";
export * from "./clock";
export * from "./error-codes";
export * from "./errors";
export * from "./operations";
export * from "./redact";
export * from "./retry";
