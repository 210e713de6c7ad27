import { abortError } from "./clock";

/** A counting semaphore bounding requests in flight; waiters are served in FIFO order. */
export class Limiter {
  private active = 0;
  private peakActive = 0;
  private readonly queue: Array<{ grant: () => void; reject: (e: unknown) => void; signal?: AbortSignal | undefined; onAbort?: () => void }> = [];

  constructor(private limitValue: number) {}

  /** Current capacity. */
  get limit(): number {
    return this.limitValue;
  }

  /** Changes the capacity; queued callers are admitted at once if it grew. */
  setLimit(limit: number): void {
    this.limitValue = Math.max(1, Math.floor(limit));
    this.drain();
  }

  /** Requests in flight, callers queued, and the highest number ever in flight. */
  stats(): { active: number; queued: number; peak: number } {
    return { active: this.active, queued: this.queue.length, peak: this.peakActive };
  }

  /** Forgets the recorded peak (tests measure one scenario at a time). */
  resetPeak(): void {
    this.peakActive = this.active;
  }

  /** Waits for a slot; resolves to the function that gives it back (call exactly once). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.active < this.limitValue && this.queue.length === 0) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const entry: (typeof this.queue)[number] = { grant: () => resolve(this.take()), reject, signal };
      if (signal) {
        entry.onAbort = () => {
          const i = this.queue.indexOf(entry);
          if (i >= 0) this.queue.splice(i, 1);
          reject(abortError(signal));
        };
        signal.addEventListener("abort", entry.onAbort, { once: true });
      }
      this.queue.push(entry);
    });
  }

  private take(): () => void {
    this.active++;
    this.peakActive = Math.max(this.peakActive, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.drain();
    };
  }

  private drain(): void {
    while (this.active < this.limitValue && this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.signal && next.onAbort) next.signal.removeEventListener("abort", next.onAbort);
      next.grant();
    }
  }
}
