// The plan data and its schema as the generator writes them from content/, read once for all
// the plan builder's tests, so they run against exactly what the page fetches.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const python = existsSync(join(repo, ".venv/bin/python")) ? join(repo, ".venv/bin/python") : "python3";
const written = JSON.parse(execFileSync(python, ["-m", "generator.plan.data", join(repo, "content")],
  { cwd: repo, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));

export const { data, schema } = written;

// `data` wrapped so that every property the code reads is looked up in the schema; a read of
// anything the schema does not declare is recorded in `undeclared`.
export const watched = () => {
  const undeclared = new Set();
  const resolve = (node) => (node && node.$ref ? schema.$defs[node.$ref.split("/").pop()] : node);
  const branches = (node) => {
    const resolved = resolve(node);
    if (!resolved) return [];
    if (resolved.anyOf) return resolved.anyOf.flatMap(branches);
    return [resolved];
  };
  const child = (nodes, key, target) => {
    const found = [];
    nodes.forEach((node) => {
      if (node.properties && Object.hasOwn(node.properties, key)) found.push(node.properties[key]);
      else if (node.additionalProperties && Object.hasOwn(target, key)) found.push(node.additionalProperties);
      else if (node.items && /^\d+$/.test(key)) found.push(node.items);
    });
    return found;
  };
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
