// The staff login form: shows itself in a container, and resolves with the account once someone with the needed
// role has logged in. Wrong passwords, locked accounts and the wrong role are said in words.

import { el } from './format.js';
import { say } from './page.js';
import * as session from './session.js';

export function askToLogIn(container, { role, title }) {
  return new Promise((resolve) => {
    const error = el('p', { className: 'message error', role: 'alert', hidden: true });
    const form = el('form', { className: 'panel login', novalidate: true },
      el('h1', {}, title),
      el('p', {}, 'Log in with your council account.'),
      el('div', { className: 'field' },
        el('label', { for: 'username' }, 'Username'),
        el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' })),
      el('div', { className: 'field' },
        el('label', { for: 'password' }, 'Password'),
        el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
      error,
      el('button', { type: 'submit' }, 'Log in'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const username = form.elements.username.value.trim();
      const password = form.elements.password.value;
      if (!username || !password) {
        say(error, 'Enter your username and password.');
        return;
      }
      try {
        const principal = await session.login(username, password);
        if (!session.includes(principal.role, role)) {
          await session.logout();
          say(error, `This page is for the ${role} role; your account is ${principal.role}.`);
          return;
        }
        container.replaceChildren();
        resolve(principal);
      } catch (e) {
        say(error, e.status === 401 ? 'Wrong username or password.' : e.message);
        form.elements.password.value = '';
        form.elements.password.focus();
      }
    });
    container.replaceChildren(form);
    form.elements.username.focus();
  });
}

/** The logged-in account if it has the role, else the login form until someone who has it logs in. */
export async function signedIn(container, options) {
  const principal = await session.current();
  if (principal && session.includes(principal.role, options.role)) {
    return principal;
  }
  return askToLogIn(container, options);
}
