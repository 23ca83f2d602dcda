// Starts the forms: loads the CMS from the site itself (which-cms.js), then registers the plan
// files' YAML format (plansite-yaml.js) before the CMS reads any file, with the GitHub status
// check refused (only-github.js).
import { refuseStatusChecks } from './only-github.js';
import { planYaml } from './plansite-yaml.js';
import { cmsScript } from './which-cms.js';

function load(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`The forms could not load ${src}.`));
    document.body.append(script);
  });
}

refuseStatusChecks(window);
await load(cmsScript(window.location.hostname));
window.CMS.registerCustomFormat('plansite-yaml', 'yml', planYaml);
window.CMS.init();
