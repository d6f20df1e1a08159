// The data the page scripts fetch, and its schema, as the generator writes them from content/
// (`python -m generator.script_data`), read once per test file so the tests run against what
// the pages fetch.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const python = existsSync(join(repo, ".venv/bin/python")) ? join(repo, ".venv/bin/python") : "python3";

// ``format`` is 'plan' or 'finder'. ``watched()`` gives the data wrapped so that every property
// the code reads is looked up in the schema; a read of anything the schema does not declare
// (a key, or a position past a row's declared columns) is recorded in `undeclared`.
export const written = (format) => {
  const { data, schema } = JSON.parse(execFileSync(python, ["-m", "generator.script_data", format, join(repo, "content")],
    { cwd: repo, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
  const resolve = (node) => (node && node.$ref ? schema.$defs[node.$ref.split("/").pop()] : node);
  const branches = (node) => {
    const resolved = resolve(node);
    if (!resolved) return [];
    if (resolved.anyOf) return resolved.anyOf.flatMap(branches);
    return [resolved];
  };
  const child = (nodes, key, target) => {
    const found = [];
    const position = /^\d+$/.test(key) ? Number(key) : null;
    nodes.forEach((node) => {
      if (node.properties && Object.hasOwn(node.properties, key)) found.push(node.properties[key]);
      else if (node.additionalProperties && Object.hasOwn(target, key)) found.push(node.additionalProperties);
      else if (node.prefixItems && position !== null && position < node.prefixItems.length) found.push(node.prefixItems[position]);
      else if (node.items && position !== null) found.push(node.items);
    });
    return found;
  };
  const watched = () => {
    const undeclared = new Set();
    const wrap = (value, nodes, path) => {
      if (value === null || typeof value !== "object") return value;
      return new Proxy(value, {
        get(target, key, receiver) {
          const found = Reflect.get(target, key, receiver);
          if (typeof key === "symbol") return found;
          if (Array.isArray(target) && (key === "length" || typeof found === "function")) return found;
          const next = child(nodes.flatMap(branches), key, target);
          if (!next.length) {
            if (!(typeof found === "function" && !Object.hasOwn(target, key))) {
              undeclared.add(`${path}.${key}`);
            }
            return found;
          }
          return wrap(found, next, `${path}.${key}`);
        },
      });
    };
    return { data: wrap(data, [schema], "data"), undeclared };
  };
  return { data, schema, watched };
};
