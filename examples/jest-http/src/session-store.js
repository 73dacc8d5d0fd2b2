'use strict';

const { randomUUID } = require('node:crypto');
const { demoLeak } = require('./demo-leak.js');

class Session {
  constructor(id, user, expiresAt) {
    this.id = id;
    this.user = user;
    this.expiresAt = expiresAt;
    this.endedAt = null;
    this.data = { theme: 'light', visits: 0 };
  }
}

/**
 * In-memory sessions with a time to live and a capacity: ended and expired
 * sessions are pruned, and past `maxSessions` the oldest are evicted.
 */
class SessionStore {
  constructor({ ttlMs = 30 * 60_000, maxSessions = 10_000, now = Date.now } = {}) {
    this.sessions = new Map();
    this.ttlMs = ttlMs;
    this.maxSessions = maxSessions;
    this.now = now;
  }

  create(user) {
    const session = new Session(randomUUID(), user, this.now() + this.ttlMs);
    this.sessions.set(session.id, session);
    this.prune();
    return session;
  }

  get(id) {
    const session = this.sessions.get(id);
    if (!session || session.endedAt !== null || session.expiresAt <= this.now()) return undefined;
    return session;
  }

  end(id) {
    const session = this.sessions.get(id);
    if (session) session.endedAt = this.now();
    this.prune();
  }

  get size() {
    return this.sessions.size;
  }

  prune() {
    // Demo bug: the store never prunes, so every session ever created stays in the map.
    if (demoLeak) return;
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (session.endedAt !== null || session.expiresAt <= now) this.sessions.delete(id);
    }
    // Map iteration follows insertion order: the first keys are the oldest sessions.
    for (const id of this.sessions.keys()) {
      if (this.sessions.size <= this.maxSessions) break;
      this.sessions.delete(id);
    }
  }
}

module.exports = { Session, SessionStore };
