import { randomBytes, randomUUID } from "node:crypto";
import { isoSeconds } from "./state";

/** A login user of the emulator. */
export interface EmulatorUser {
  name: string;
  password: string;
}

interface UserInfo {
  id: string;
  password: string;
  lastLoginIp: string | null;
  lastLoginTime: string | null;
  lastFailedIp: string | null;
  lastFailedTime: string | null;
  failedAttempts: number;
}

/** Users, login statistics and issued tokens (reference 4.1.1); tokens expire after the session timeout. */
export class Sessions {
  private readonly users = new Map<string, UserInfo>();
  private tokens = new Map<string, { user: string; expires: number }>();
  /** Successful logins since start or the last counter reset. */
  logins = 0;

  constructor(
    users: readonly EmulatorUser[],
    readonly sessionTimeoutMinutes: number,
  ) {
    for (const u of users) {
      this.users.set(u.name, {
        id: randomUUID(),
        password: u.password,
        lastLoginIp: null,
        lastLoginTime: null,
        lastFailedIp: null,
        lastFailedTime: null,
        failedAttempts: 0,
      });
    }
  }

  /** Check credentials; on success issue a token and return the reference 4.1.1 body, else undefined. */
  login(name: string, password: string, ip: string): { token: string; body: Record<string, unknown> } | undefined {
    const user = this.users.get(name);
    const now = Date.now();
    if (!user || user.password !== password) {
      if (user) {
        user.failedAttempts += 1;
        user.lastFailedIp = ip;
        user.lastFailedTime = isoSeconds(now);
      }
      return undefined;
    }
    const token = randomBytes(48).toString("base64url");
    this.tokens.set(token, { user: name, expires: now + this.sessionTimeoutMinutes * 60_000 });
    this.logins += 1;
    const body = {
      user_id: user.id,
      login_ip: ip,
      login_failed_attempts: user.failedAttempts,
      is_first_time_login: false,
      last_login_statistics: {
        last_login_ip: user.lastLoginIp,
        last_login_time: user.lastLoginTime,
        last_login_failed_ip: user.lastFailedIp,
        last_login_failed_time: user.lastFailedTime,
      },
      session_timeout: this.sessionTimeoutMinutes,
      password_expiration_days: 90,
      password_expiration_remaining_days: 90,
      x_mini_token: token,
    };
    user.failedAttempts = 0;
    user.lastLoginIp = ip;
    user.lastLoginTime = isoSeconds(now);
    return { token, body };
  }

  /** The user owning a valid, unexpired token. */
  verify(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const t = this.tokens.get(token);
    if (!t) return undefined;
    if (Date.now() >= t.expires) {
      this.tokens.delete(token);
      return undefined;
    }
    return t.user;
  }

  /** Expire every issued token (control API). */
  expireAll(): void {
    this.tokens.clear();
  }

  /** Forget tokens and login counters (control API reset; users are kept). */
  reset(): void {
    this.tokens = new Map();
    this.logins = 0;
  }
}
