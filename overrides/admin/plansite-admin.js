// Starts Decap CMS once the plan files' YAML format is registered (see plansite-yaml.js).
import { planYaml } from './plansite-yaml.js';

window.CMS.registerCustomFormat('plansite-yaml', 'yml', planYaml);
window.CMS.init();
