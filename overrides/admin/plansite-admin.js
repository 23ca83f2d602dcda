// Starts Decap CMS once the plan files' YAML format is registered (see plansite-yaml.js) and
// the GitHub status check is refused (see only-github.js).
import { refuseStatusChecks } from './only-github.js';
import { planYaml } from './plansite-yaml.js';

refuseStatusChecks(window);
window.CMS.registerCustomFormat('plansite-yaml', 'yml', planYaml);
window.CMS.init();
