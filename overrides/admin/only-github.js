// Decap's GitHub sign-in asks www.githubstatus.com whether GitHub is up, every few minutes, and
// has no setting to stop it. The forms ask no host but the site, GitHub's API (to save) and the
// OAuth client, so that request is refused here; Decap then takes GitHub to be up.
export const REFUSED = ['www.githubstatus.com'];

export function refuseStatusChecks(window) {
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
    if (REFUSED.includes(url.hostname))
      return Promise.reject(new TypeError(`not asked: ${url.hostname}`));
    return fetch(input, init);
  };
}
