// Which CMS draws the forms. On the published site, Sveltia CMS: it signs in to GitHub with a
// personal access token, so a board needs no sign-in server. On this machine (`make serve`),
// Decap CMS: it saves through the local git proxy (`npx decap-server`), which Sveltia has no
// backend for. Both read the same config.yml and the same plan format (plansite-yaml.js).
export const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

export const cmsScript = (hostname) =>
  LOCAL_HOSTS.includes(hostname) ? 'decap-cms.js' : 'sveltia-cms.js';
