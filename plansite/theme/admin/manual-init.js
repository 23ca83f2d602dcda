// The CMS waits for plansite-admin.js, which registers the plan files' YAML format first.
window.CMS_MANUAL_INIT = true;
