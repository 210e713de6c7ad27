/** Public surface of the waiters: the generic waiter, jobs and instance status. */
export * from "./instances";
export * from "./jobs";
export * from "./waiter";
