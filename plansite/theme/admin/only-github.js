// The forms ask no host but the site, GitHub's API (to save) and the OAuth client, if any.
// Some requests the CMSs make on their own are refused here, before the CMS loads:
// - www.githubstatus.com: signed in to GitHub, both ask on a timer whether GitHub is up, with no
//   setting to stop it; refused, they take GitHub to be up.
// - unpkg.com: Sveltia asks it for its newest version (to offer an update the site cannot
//   take), and would fetch other languages' words and widgets these forms do not use.
// - cdn.jsdelivr.net: where Sveltia's fonts would come from; its copy names the site's own
//   (scripts/vendor_cms.py), so nothing should ask it.
export const REFUSED = ['www.githubstatus.com', 'unpkg.com', 'cdn.jsdelivr.net'];

export function refuseStatusChecks(window) {
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
    if (REFUSED.includes(url.hostname))
      return Promise.reject(new TypeError(`not asked: ${url.hostname}`));
    return fetch(input, init);
  };
}
