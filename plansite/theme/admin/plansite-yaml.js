// The plan files' YAML format for the /admin/ forms (docs/maintainers/admin-forms.md).
//
// Decap CMS's own YAML format writes the whole file again from the form's data: comments,
// quotes, {flow} lists and key order are lost, and `ref: 1.10` is read as the number 1.1.
// This format reads every value as text, as Plansite does, keeps the file's own text beside the
// data, and on saving changes only what the form changed in that text: the rest of the file
// stays as it was, comments and quoting included.
import { parseDocument, isMap, isSeq } from './yaml/index.js';

export const SOURCE = '__plansite_source';
const READ = { schema: 'failsafe' }; // every value is text: `1.10`, `NO` and `2026-03` stay so
const WRITE = { lineWidth: 0, flowCollectionPadding: false };

function parse(content) {
  const doc = parseDocument(content, READ);
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return doc;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

// what the form left empty in a new item or field is left out, not written as `status: ""`
function filled(value) {
  if (Array.isArray(value)) return value.filter((v) => !isEmpty(v)).map(filled);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => [k, filled(v)]),
  );
}

// a new item is written as the item before it is: `- {date: ..., text: ...}` after one
function newNode(doc, value, sibling) {
  const node = doc.createNode(filled(value));
  if (sibling && (isMap(sibling) || isSeq(sibling)) && sibling.flow) node.flow = true;
  return node;
}

// An action may name one lead as `lead: PPPG`; the form shows every action's leads as one list.
const writesOneLead = (value) =>
  isObject(value) && typeof value.lead === 'string' && !('leads' in value);

function leadsAsList(value) {
  if (Array.isArray(value)) return value.map(leadsAsList);
  if (!isObject(value)) return value;
  const { lead, ...rest } = value;
  const shown = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, leadsAsList(v)]));
  if (writesOneLead(value)) return { ...shown, leads: [lead] };
  return lead === undefined ? shown : { ...shown, lead };
}

// `lead:` stays `lead:` while the form leaves one lead; more become `leads:`, none removes it
function applyOneLead(doc, path, before, after) {
  const leads = (after.leads ?? []).filter((l) => !isEmpty(l));
  if (leads.length === 1) {
    if (leads[0] !== before.lead) doc.setIn([...path, 'lead'], leads[0]);
  } else {
    doc.deleteIn([...path, 'lead']);
    if (leads.length) doc.setIn([...path, 'leads'], doc.createNode(leads));
  }
  const { lead, ...others } = before;
  const { leads: shown, ...rest } = after;
  return [others, rest];
}

function apply(doc, path, before, after) {
  if (writesOneLead(before) && isObject(after) && !('lead' in after))
    [before, after] = applyOneLead(doc, path, before, after);
  if (Array.isArray(before) && Array.isArray(after)) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) apply(doc, [...path, i], before[i], after[i]);
    for (let i = common; i < after.length; i++) {
      const last = doc.getIn([...path, doc.getIn(path).items.length - 1], true);
      doc.addIn(path, newNode(doc, after[i], last));
    }
    for (let i = before.length - 1; i >= after.length; i--) doc.deleteIn([...path, i]);
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const [key, value] of Object.entries(after)) {
      if (key in before) apply(doc, [...path, key], before[key], value);
      else if (!isEmpty(value)) doc.setIn([...path, key], doc.createNode(filled(value)));
    }
    for (const key of Object.keys(before)) if (!(key in after)) doc.deleteIn([...path, key]);
    return;
  }
  if (isEmpty(after) && isEmpty(before)) return;
  if (isEmpty(after) && typeof path[path.length - 1] === 'string') {
    doc.deleteIn(path); // a field the form emptied is left out, not written as ""
    return;
  }
  if (isObject(after) || Array.isArray(after)) doc.setIn(path, doc.createNode(filled(after)));
  else if (String(after) !== before) doc.setIn(path, String(after)); // keeps the quoting
}

// The lines of `after` that are not in `before` (both the yaml library's writing), as
// [start, end, replacement] over the lines of `before`: a longest common subsequence of lines,
// after the common start and end are set aside.
function changes(before, after) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const a = before.slice(start, before.length - end);
  const b = after.slice(start, after.length - end);
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i * width + j] =
        a[i] === b[j]
          ? common[(i + 1) * width + j + 1] + 1
          : Math.max(common[(i + 1) * width + j], common[i * width + j + 1]);
  const found = [];
  let i = 0;
  let j = 0;
  let open = null;
  const close = () => {
    if (open) found.push([start + open[0], start + i, b.slice(open[1], j)]);
    open = null;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open = open || [i, j];
    if (j < b.length && (i === a.length || common[i * width + j + 1] >= common[(i + 1) * width + j])) j++;
    else i++;
  }
  close();
  return found;
}

// The file's own lines, with the lines the form changed: the yaml library writes the whole file
// (one space before a comment, say), so what it wrote unedited is compared with what it wrote
// edited, and only those lines are taken. When its unedited writing does not keep the file's
// lines one for one, its whole writing is used (the same values, its own spacing).
function merge(source, unedited, edited) {
  const own = source.split('\n');
  const base = unedited.split('\n');
  if (own.length !== base.length) return edited;
  const lines = [...own];
  for (const [from, to, replacement] of changes(base, edited.split('\n')).reverse())
    lines.splice(from, to - from, ...replacement);
  return lines.join('\n');
}

export const planYaml = {
  fromFile(content) {
    const data = leadsAsList(parse(content).toJS() ?? {});
    return { ...data, [SOURCE]: content };
  },
  toFile(data) {
    const { [SOURCE]: source = '', ...edited } = data;
    const doc = parse(source);
    const unedited = doc.toString(WRITE);
    apply(doc, [], doc.toJS() ?? {}, edited);
    const ending = source ? source.match(/\s*$/)[0] : '\n'; // as the file ended
    const trimmed = (text) => text.trimEnd();
    return trimmed(merge(trimmed(source), trimmed(unedited), trimmed(doc.toString(WRITE)))) + ending;
  },
};
