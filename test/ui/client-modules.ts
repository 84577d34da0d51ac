import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${specifier}`);
}

/** The specifiers a module loads when it is evaluated: its static imports and re-exports, not `import type` nor `import()`. */
function staticImports(file: string): { specifiers: string[]; isClient: boolean } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  let isClient = false;
  for (const [i, node] of source.statements.entries()) {
    if (i === 0 && ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression) && node.expression.text === "use client") isClient = true;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      if (!named || named.length === 0 || !named.every((e) => e.isTypeOnly)) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return { specifiers, isClient };
}

/**
 * What a page sends the browser to evaluate before it hydrates, as the React Server
 * Components bundler decides it: from the page and layout files (`server`), through server
 * modules, every module reachable by static imports from a `"use client"` module, and from
 * files that run in the browser anyway (`browser`: instrumentation-client.ts). Returns the
 * project files (relative) and the packages (specifiers as imported).
 */
export function clientModules({ server = [], browser = [] }: { server?: string[]; browser?: string[] }): { files: string[]; packages: string[] } {
  const seen = new Map<string, "server" | "client">();
  const packages = new Set<string>();
  const visit = (file: string, side: "server" | "client") => {
    if (seen.get(file) === side || seen.get(file) === "client") return;
    const { specifiers, isClient } = staticImports(file);
    const here = side === "client" || isClient ? "client" : "server";
    seen.set(file, here);
    for (const specifier of specifiers) {
      const local = resolveLocal(file, specifier);
      if (local) visit(local, here);
      else if (here === "client") packages.add(specifier);
    }
  };
  for (const entry of server) visit(path.join(ROOT, entry), "server");
  for (const entry of browser) visit(path.join(ROOT, entry), "client");
  const files = [...seen].filter(([, side]) => side === "client").map(([file]) => path.relative(ROOT, file));
  return { files: files.sort(), packages: [...packages].sort() };
}
