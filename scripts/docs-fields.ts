import { readFileSync, writeFileSync } from "node:fs";
import { API_DOC_REGIONS } from "@/lib/contracts/doc-regions";
import { rewriteRegions } from "@/lib/contracts/field-table";

// Rewrites the field tables of docs/api.md from the resource contracts in lib/contracts.
const path = new URL("../docs/api.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = rewriteRegions(before, API_DOC_REGIONS);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "docs/api.md: field tables up to date" : "docs/api.md: field tables rewritten");
