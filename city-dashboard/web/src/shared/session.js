// Staff sessions: who is logged in, logging in and out, and calls that carry the session's CSRF token. The session
// itself is an HttpOnly cookie that scripts never see.

import * as api from './api.js';

let csrfToken = null;

/** The logged-in account ({ username, tenant, role }), or null when nobody is. */
export async function current() {
  try {
    const principal = await api.getJson('/api/v1/session');
    csrfToken = principal.csrfToken;
    return principal;
  } catch (e) {
    if (e.status === 401) {
      return null;
    }
    throw e;
  }
}

export async function login(username, password) {
  const principal = await api.send('POST', '/api/v1/session', { username, password });
  csrfToken = principal.csrfToken;
  return principal;
}

export async function logout() {
  await api.send('DELETE', '/api/v1/session', null, headers());
  csrfToken = null;
}

/** A call that changes something, with the session's CSRF token. */
export function change(method, path, body) {
  return api.send(method, path, body, headers());
}

function headers() {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** The order of roles: a role may do what the roles before it may. */
const ROLES = ['crew', 'operator', 'admin'];

export function includes(role, needed) {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
